/**
 * Group commit on each engine: concurrent deliveries share one transaction, yet each request
 * is answered for its own events, dedupe holds across the requests of one group, and a failed
 * commit fails every request of its group and stores nothing of any of them.
 */
import { jest } from '@jest/globals';
import { TASK_EVENTS_QUEUE } from '../../src/store/boss-queue.ts';
import type { DeliveryRecord } from '../../src/store/ports.ts';
import type { SqlDatabase } from '../../src/store/sql-database.ts';
import { parseBatch } from '../../src/webhooks/parse-batch.ts';
import { NOW, taskCreation } from '../helpers/hubspot-webhook.ts';
import { engines, openTestStore } from '../helpers/stores.ts';

let nextEventId = 90_000;

function delivery(eventIds: number[], extra: unknown[] = []): DeliveryRecord {
  const body = Buffer.from(JSON.stringify([...eventIds.map((eventId) => taskCreation({ eventId })), ...extra]));
  const parsed = parseBatch(body, () => true);
  return { id: crypto.randomUUID(), receivedAt: NOW, body, status: 'accepted', reason: undefined, events: parsed.events, quarantined: parsed.quarantined };
}

const fresh = (count: number) => Array.from({ length: count }, () => (nextEventId += 1));

async function count(db: SqlDatabase, table: string): Promise<number> {
  const [row] = await db.query<{ n: number }>(`select count(*)::int as n from ${table}`);
  return row?.n ?? -1;
}

describe.each(engines())('group commit on %s', (_engine, openDatabase) => {
  test('when requests arrive together, then they commit in one statement and each is answered for its own events', async () => {
    const transaction = jest.fn<(...args: unknown[]) => void>();
    const t = await openTestStore(openDatabase, { groupCommit: { maxItems: 10 }, beforeWrite: async () => transaction() });
    try {
      const results = await Promise.all([t.store.recordDelivery(delivery(fresh(1))), t.store.recordDelivery(delivery(fresh(3))), t.store.recordDelivery(delivery(fresh(2)))]);
      expect(results).toEqual([
        { inserted: 1, duplicates: 0, enqueued: 1 }, { inserted: 3, duplicates: 0, enqueued: 3 }, { inserted: 2, duplicates: 0, enqueued: 2 },
      ]);
      expect(transaction).toHaveBeenCalledTimes(1);
      expect({ deliveries: await count(t.db, 'webhook_deliveries'), events: await count(t.db, 'webhook_events') }).toEqual({ deliveries: 3, events: 6 });
      expect(await t.queue.countJobs(TASK_EVENTS_QUEUE)).toEqual({ created: 6 });
    } finally {
      await t.close();
    }
  });

  test('when two requests of one group carry the same event, then it is stored and enqueued once, for the first', async () => {
    const t = await openTestStore(openDatabase, { groupCommit: { maxItems: 10 } });
    try {
      const [shared, own] = fresh(2) as [number, number];
      const first = delivery([shared]);
      const second = delivery([shared, own, own]);
      const results = await Promise.all([t.store.recordDelivery(first), t.store.recordDelivery(second)]);
      expect(results).toEqual([{ inserted: 1, duplicates: 0, enqueued: 1 }, { inserted: 1, duplicates: 2, enqueued: 1 }]);
      const owners = await t.db.query<{ delivery_id: string }>('select delivery_id::text as delivery_id from webhook_events order by event_id');
      expect(owners.map((row) => row.delivery_id)).toEqual([first.id, second.id]);
      expect(await t.queue.countJobs(TASK_EVENTS_QUEUE)).toEqual({ created: 2 });
    } finally {
      await t.close();
    }
  });

  test('when the group commit fails, then every request of the group is rejected and nothing of any is stored', async () => {
    const t = await openTestStore(openDatabase, { groupCommit: { maxItems: 10 }, failAfterJobs: true });
    try {
      const results = await Promise.allSettled([t.store.recordDelivery(delivery(fresh(2))), t.store.recordDelivery(delivery(fresh(1), [{ portalId: 'x' }]))]);
      expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
      expect({ deliveries: await count(t.db, 'webhook_deliveries'), events: await count(t.db, 'webhook_events'),
        quarantined: await count(t.db, 'quarantined_events'), jobs: await t.queue.countJobs(TASK_EVENTS_QUEUE) }).toEqual({ deliveries: 0, events: 0, quarantined: 0, jobs: {} });
    } finally {
      await t.close();
    }
  });

  test('when a 100-event request commits in a group, then its delivery, events, quarantine rows and jobs are all there', async () => {
    const t = await openTestStore(openDatabase, { groupCommit: { maxItems: 10 } });
    try {
      const big = delivery(fresh(100), [{ portalId: 'not-a-number', eventId: 'x' }]);
      const [bigResult, smallResult] = await Promise.all([t.store.recordDelivery(big), t.store.recordDelivery(delivery(fresh(1)))]);
      expect(bigResult).toEqual({ inserted: 100, duplicates: 0, enqueued: 100 });
      expect(smallResult).toEqual({ inserted: 1, duplicates: 0, enqueued: 1 });
      const [stored] = await t.db.query<{ body: Buffer | Uint8Array; event_count: number; portal_ids: string[] }>(
        'select body, event_count, portal_ids from webhook_deliveries where id = $1', [big.id]);
      expect(Buffer.from(stored?.body ?? []).equals(big.body)).toBe(true);
      expect(stored?.event_count).toBe(101);
      expect(stored?.portal_ids).toEqual([...new Set(big.events.map((event) => event.portalId))]);
      const [quarantined] = await t.db.query<{ n: number }>('select count(*)::int as n from quarantined_events where delivery_id = $1', [big.id]);
      expect(quarantined?.n).toBe(big.quarantined.length);
      expect(big.quarantined.length).toBeGreaterThan(0);
      expect(await t.queue.countJobs(TASK_EVENTS_QUEUE)).toEqual({ created: 101 });
    } finally {
      await t.close();
    }
  });
});
