/**
 * The card publishing lease on both engines: a later attempt of the holder's job takes it over at
 * once (the queue runs that attempt only after the earlier one settled or its job lease expired);
 * any other job waits until the lease lapses.
 */
import type { CardLedger, LeaseClaimant, LeaseHolder, NewCard } from '../../src/store/card-store.ts';
import { applyMigrations } from '../../src/store/migrations.ts';
import type { SqlDatabase } from '../../src/store/sql-database.ts';
import { createSqlCardStore } from '../../src/store/sql-card-store.ts';
import { engines } from '../helpers/stores.ts';

const PORTAL = '24681357';
const NOW = Date.parse('2026-03-24T10:00:00Z');
const LEASE_MS = 30_000;
const CARD: NewCard = {
  portalId: PORTAL, cardId: 'card-1', stepKey: 'step-1', taskId: '1', ruleId: null, ruleVersion: 'v1', channel: 'note', locale: 'en',
  lensIds: [], ownerId: null, records: [{ objectType: 'contact', id: '906' }], content: { headline: 'x' }, createdAt: NOW,
};
const run = (jobId: string, attempt: number): LeaseHolder => ({ jobId, attempt });

describe.each(engines())('card publishing lease on %s', (_engine, openDatabase) => {
  let db: SqlDatabase;
  let dispose: () => Promise<void>;
  let ledger: CardLedger;
  beforeEach(async () => {
    ({ db, dispose } = await openDatabase({ migrated: true }));
    await applyMigrations(db);
    ledger = createSqlCardStore(db, { enqueue: async (_tx, jobs) => jobs.length });
    await ledger.insertPendingCard(CARD);
  });
  afterEach(async () => { await dispose(); });

  const claim = (at: number, ...claimants: LeaseClaimant[]) => ledger.claimForPublishing(PORTAL, CARD.cardId, at, LEASE_MS, claimants);

  test('when a later attempt of the holding job asks, then it takes the lease over at once and knows an attempt ran before', async () => {
    expect(await claim(NOW, run('job-a', 0))).toMatchObject({ claimed: true, card: { publishAttempts: 0, leaseHolder: run('job-a', 0), leaseUntil: NOW + LEASE_MS } });
    const rerun = await claim(NOW + 1_000, run('job-a', 1));
    expect(rerun).toMatchObject({ claimed: true, card: { publishAttempts: 1, leaseHolder: run('job-a', 1), leaseUntil: NOW + 1_000 + LEASE_MS } });
  });

  test('when a later attempt of the holding job asks but the earlier one was only given up on (it may still be publishing), then it waits for the lapse like another job', async () => {
    await claim(NOW, run('job-a', 0));
    expect(await claim(NOW + 1_000, { ...run('job-a', 1), takesOver: false })).toMatchObject({ claimed: false, reason: 'leased', card: { leaseHolder: run('job-a', 0) } });
    expect(await claim(NOW + LEASE_MS, { ...run('job-a', 1), takesOver: false })).toMatchObject({ claimed: true, card: { leaseHolder: run('job-a', 1) } });
  });

  test('when the holding attempt asks whether it still holds the lease, then yes until another attempt takes it over or the card is delivered', async () => {
    await claim(NOW, run('job-a', 0));
    expect(await ledger.holdsLease(PORTAL, CARD.cardId, run('job-a', 0))).toBe(true);
    expect(await ledger.holdsLease(PORTAL, CARD.cardId, run('job-b', 0))).toBe(false);
    await claim(NOW + 1_000, run('job-a', 1));
    expect(await ledger.holdsLease(PORTAL, CARD.cardId, run('job-a', 0))).toBe(false);
    expect(await ledger.holdsLease(PORTAL, CARD.cardId, run('job-a', 1))).toBe(true);
    await ledger.markDelivered(PORTAL, CARD.cardId, 'note-1', NOW + 2_000);
    expect(await ledger.holdsLease(PORTAL, CARD.cardId, run('job-a', 1))).toBe(false);
  });

  test('when another job asks while the lease holds, then it is refused until the lease lapses', async () => {
    await claim(NOW, run('job-a', 0));
    expect(await claim(NOW + 29_999, run('job-b', 3))).toMatchObject({ claimed: false, reason: 'leased', card: { leaseHolder: run('job-a', 0), leaseUntil: NOW + LEASE_MS } });
    expect(await claim(NOW + LEASE_MS, run('job-b', 3))).toMatchObject({ claimed: true, card: { publishAttempts: 1, leaseHolder: run('job-b', 3) } });
  });

  test('when the same or an earlier attempt of the holding job asks, then it is refused', async () => {
    await claim(NOW, run('job-a', 2));
    expect(await claim(NOW + 1_000, run('job-a', 2))).toMatchObject({ claimed: false, reason: 'leased' });
    expect(await claim(NOW + 1_000, run('job-a', 1))).toMatchObject({ claimed: false, reason: 'leased' });
  });

  test('when the holding job is one of several claimants with a later attempt, then they take over, the first recorded as holder', async () => {
    await claim(NOW, run('job-a', 0));
    expect(await claim(NOW + 1_000, run('job-b', 0), run('job-c', 5))).toMatchObject({ claimed: false });
    expect(await claim(NOW + 1_000, run('job-b', 0), run('job-a', 1))).toMatchObject({ claimed: true, card: { leaseHolder: run('job-b', 0) } });
  });

  test('when a lease has no recorded holder (taken before migration 24), then only its lapse frees it', async () => {
    await claim(NOW, run('job-a', 0));
    await db.query('update cards set lease_job_id = null, lease_attempt = null');
    expect(await claim(NOW + 1_000, run('job-a', 1))).toMatchObject({ claimed: false, reason: 'leased', card: { leaseHolder: null } });
    expect(await claim(NOW + LEASE_MS, run('job-a', 1))).toMatchObject({ claimed: true });
  });

  test('when an attempt whose lease was taken over gives it back, then the new holder keeps it; the holder itself can give it back', async () => {
    await claim(NOW, run('job-a', 0));
    await claim(NOW + 1_000, run('job-a', 1));
    await ledger.releaseLease(PORTAL, CARD.cardId, run('job-a', 0));
    expect(await claim(NOW + 2_000, run('job-b', 0))).toMatchObject({ claimed: false, reason: 'leased', card: { leaseHolder: run('job-a', 1) } });
    await ledger.releaseLease(PORTAL, CARD.cardId, run('job-a', 1));
    expect(await ledger.getCard(PORTAL, CARD.cardId)).toMatchObject({ leaseUntil: null, leaseHolder: null });
    expect(await claim(NOW + 2_000, run('job-b', 0))).toMatchObject({ claimed: true, card: { publishAttempts: 2 } });
  });

  test('when the card is delivered, then its lease and holder are cleared and no attempt of any job claims it', async () => {
    await claim(NOW, run('job-a', 0));
    await ledger.markDelivered(PORTAL, CARD.cardId, 'note-1', NOW + 500);
    expect(await ledger.getCard(PORTAL, CARD.cardId)).toMatchObject({ status: 'delivered', leaseUntil: null, leaseHolder: null });
    expect(await claim(NOW + 1_000, run('job-a', 1))).toMatchObject({ claimed: false, reason: 'delivered' });
  });
});
