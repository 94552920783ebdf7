/**
 * The ledger reads rotation needs (issue 17), on both engines: a client's recent cards by any rep,
 * and a rep's recent cards about any client, newest first and bounded.
 */
import type { CardLedger, NewCard } from '../../src/store/card-store.ts';
import { applyMigrations } from '../../src/store/migrations.ts';
import { createSqlCardStore } from '../../src/store/sql-card-store.ts';
import { engines } from '../helpers/stores.ts';

const PORTAL = '24681357';
const NOW = Date.parse('2026-03-24T10:00:00Z');
const card = (n: number, ownerId: string | null, contactId: string): NewCard => ({
  portalId: PORTAL, cardId: `card-${n}`, stepKey: `step-${n}`, taskId: String(n), ruleId: null, ruleVersion: 'v1', channel: 'note', locale: 'en',
  lensIds: [], ownerId, records: [{ objectType: 'contact', id: contactId }], content: { n }, createdAt: NOW + n * 1_000,
});

describe.each(engines())('rotation history on %s', (_engine, openDatabase) => {
  let dispose: () => Promise<void>;
  let ledger: CardLedger;
  beforeEach(async () => {
    const opened = await openDatabase();
    dispose = opened.dispose;
    await applyMigrations(opened.db);
    ledger = createSqlCardStore(opened.db, { enqueue: async (_tx, jobs) => jobs.length });
    const cards = [card(1, '501', '906'), card(2, '502', '906'), card(3, '501', '907'), card(4, null, '906'), card(5, '501', '906'), card(6, '501', '908')];
    for (const each of cards) await ledger.insertPendingCard(each);
  });
  afterEach(async () => { await dispose(); });

  test('when a client had cards from several reps, then its recent cards are all of them, newest first, up to the limit', async () => {
    expect(await ledger.loadRecentCardContents(PORTAL, [{ objectType: 'contact', id: '906' }], 3)).toEqual([{ n: 5 }, { n: 4 }, { n: 2 }]);
    expect(await ledger.loadRecentCardContents(PORTAL, [], 3)).toEqual([]);
  });

  test('when a rep had cards on several clients, then the rep\'s recent cards are those, newest first; an unowned task has none', async () => {
    expect(await ledger.loadRepCardContents(PORTAL, '501', 3)).toEqual([{ n: 6 }, { n: 5 }, { n: 3 }]);
    expect(await ledger.loadRepCardContents(PORTAL, '503', 3)).toEqual([]);
    expect(await ledger.loadRepCardContents(PORTAL, null, 3)).toEqual([]);
    expect(await ledger.loadRepCardContents('other-portal', '501', 3)).toEqual([]);
  });
});
