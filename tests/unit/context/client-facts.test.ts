import { lastClientReplyAt } from '../../../src/context/last-client-reply-at.ts';
import { namesIn } from '../../../src/context/names-in.ts';
import { buildSnapshot } from './build-snapshot.ts';

describe('the snapshot facts the worker and the preview share', () => {
  test('when the client wrote by email or replied to a sequence, then the newest of those is the last reply', () => {
    const snapshot = buildSnapshot({
      contacts: [{ id: '3', lastRepliedAt: 1_000 }, { id: '4' }],
      engagements: [{ type: 'EMAIL', direction: 'INBOUND', timestamp: 5_000 }, { type: 'EMAIL', direction: 'OUTBOUND', timestamp: 9_000 }],
    });
    expect(lastClientReplyAt(snapshot)).toBe(5_000);
  });

  test('when the client never wrote, then there is no last reply', () => {
    expect(lastClientReplyAt(buildSnapshot({ engagements: [{ type: 'CALL', direction: 'OUTBOUND', timestamp: 9_000 }] }))).toBeUndefined();
  });

  test('when contacts, the company and deals are named, then every name a rep could write is listed once per source', () => {
    const snapshot = buildSnapshot({
      contacts: [{ id: '3', firstName: 'Mei', lastName: 'Lin' }, { id: '4', firstName: 'Ola' }, { id: '5', lastName: ' ' }],
      company: { id: '6', name: 'Acme' },
      deals: [{ id: '7', name: 'Acme renewal' }, { id: '8' }],
    });
    expect(namesIn(snapshot)).toEqual(['Mei', 'Lin', 'Mei Lin', 'Ola', 'Ola', 'Acme', 'Acme renewal']);
  });
});
