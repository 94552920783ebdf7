/**
 * The privacy purge keeps a card's ids and drops its texts (RELIABILITY.md row 31). The task
 * subject a card keeps for the app event's "Instead of: …" is the rep's text about the client,
 * so it goes with the rest.
 */
import type { Card } from '../../../src/cards/card.ts';
import { redactCardContent } from '../../../src/store/privacy-purge.ts';

test('when a card with a task subject is redacted, then the subject is gone and the ids stay', () => {
  const card: Card = {
    locale: 'en', headline: { templateId: 'h', text: 'What has changed for Jane?' },
    questions: [{ templateId: 'q', lens: 'going-dark', text: 'Why is Jane quiet?', facts: ['Jane replied 23 days ago'] }],
    why: { facts: ['Jane replied 23 days ago'], missing: [], text: 'Why this card: Jane replied 23 days ago' },
    ruleId: 'generic-follow-up', ruleName: 'Generic follow-up', taskSubject: 'Check in with Jane Doe',
  };
  const redacted = redactCardContent(card);
  expect(JSON.stringify(redacted)).not.toContain('Jane');
  expect(redacted).not.toHaveProperty('taskSubject');
  expect(redacted).toMatchObject({ locale: 'en', ruleId: 'generic-follow-up', redacted: 'privacy-deletion' });
});
