import { Button, Tag } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { RecordCard } from '../../../extension-manifest/src/app/cards/RecordCard.tsx';
import { cardsSample, feedbackSample } from '../settings-contract/api-samples.ts';
import { mockHubspotFetch, on } from './fake-backend.ts';

const CARD_ID = cardsSample.cards[0].id;
let restore = () => {};
afterEach(() => restore());

function renderFor(objectTypeId: string, routes: Parameters<typeof mockHubspotFetch>[0]) {
  const mock = mockHubspotFetch(routes);
  restore = mock.restore;
  const renderer = createRenderer('crm.record.tab');
  renderer.render(<RecordCard context={{ crm: { objectId: 9, objectTypeId } }} />);
  return { renderer, calls: mock.calls };
}

test('when a contact has cards, then the card asks for them by type and id and shows headline and questions', async () => {
  const { renderer, calls } = renderFor('0-1', [on('GET', '/api/v1/cards?objectType=contact&objectId=9&limit=5', 200, cardsSample)]);
  await renderer.waitFor(() => expect(String(renderer.getRootNode())).toContain(cardsSample.cards[0].headline));
  expect(String(renderer.getRootNode())).toContain(cardsSample.cards[0].questions[1]);
  expect(calls).toHaveLength(1);
});

test('when a rep presses snooze, then the feedback is posted for that card and the buttons give way to a tag', async () => {
  const { renderer, calls } = renderFor('0-3', [
    on('GET', '/api/v1/cards?objectType=deal&objectId=9&limit=5', 200, cardsSample),
    on('POST', `/api/v1/cards/${CARD_ID}/feedback`, 200, feedbackSample),
  ]);
  await renderer.waitFor(() => expect(renderer.findByTestId(Button, `snooze-${CARD_ID}`)).toBeDefined());
  renderer.findByTestId(Button, `snooze-${CARD_ID}`).trigger('onClick');
  await renderer.waitFor(() => expect(renderer.findByTestId(Tag, `feedback-${CARD_ID}`).text).toBe('Snoozed'));
  expect(calls.at(-1)).toEqual({ method: 'POST', url: `https://unrobot.example.com/api/v1/cards/${CARD_ID}/feedback`, body: { reaction: 'snooze' } });
});

test('when the record has no cards, then an empty state explains when they appear', async () => {
  const { renderer } = renderFor('0-2', [on('GET', '/api/v1/cards?objectType=company&objectId=9&limit=5', 200, { cards: [] })]);
  await renderer.waitFor(() => expect(String(renderer.getRootNode())).toContain('No reflection cards yet'));
});

test('when feedback fails, then the error is shown', async () => {
  const { renderer } = renderFor('0-1', [
    on('GET', '/api/v1/cards?objectType=contact&objectId=9&limit=5', 200, cardsSample),
    on('POST', `/api/v1/cards/${CARD_ID}/feedback`, 404, { error: { code: 'not_found', message: 'That card no longer exists.' } }),
  ]);
  await renderer.waitFor(() => expect(renderer.findByTestId(Button, `helpful-${CARD_ID}`)).toBeDefined());
  renderer.findByTestId(Button, `helpful-${CARD_ID}`).trigger('onClick');
  await renderer.waitFor(() => expect(String(renderer.getRootNode())).toContain('That card no longer exists.'));
});

test('when the card is placed on another object type, then it calls nothing', () => {
  const { renderer, calls } = renderFor('0-5', []);
  expect(String(renderer.getRootNode())).toContain('contacts, companies and deals');
  expect(calls).toEqual([]);
});
