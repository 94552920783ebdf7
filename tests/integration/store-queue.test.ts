/**
 * The store and the queue on each engine: migrations (idempotent, concurrent), the inbox
 * transaction (atomic: a failure between the event and the job writes leaves nothing), and the
 * worker machinery (completion, backoff retries, dead-letter, lease expiry).
 */
import { jest } from '@jest/globals';
import { createFixedClock } from '../../src/clock.ts';
import { AppError } from '../../src/errors.ts';
import { TASK_EVENTS_DEAD_LETTER, TASK_EVENTS_QUEUE, createBossQueue } from '../../src/store/boss-queue.ts';
import { LATEST_VERSION, applyMigrations, currentVersion } from '../../src/store/migrations.ts';
import type { DeliveryRecord, TaskEventJob } from '../../src/store/ports.ts';
import { parseBatch } from '../../src/webhooks/parse-batch.ts';
import { createWorker, type TaskEventHandler } from '../../src/worker/create-worker.ts';
import { eventually } from '../helpers/eventually.ts';
import { NOW, taskCreation } from '../helpers/hubspot-webhook.ts';
import { FAST_QUEUE, engines, openTestStore } from '../helpers/stores.ts';
import { createTestLogger } from '../helpers/test-logger.ts';

const log = createTestLogger();

/** A handler that counts its runs per event: what the worker is asked to do, and how often. */
function counting(runs: Map<string, number>): TaskEventHandler {
  return async (job) => {
    runs.set(job.eventKey, (runs.get(job.eventKey) ?? 0) + 1);
    return { status: 'skipped', reason: 'counted' };
  };
}
let nextEventId = 5_000;

function delivery(count = 1): DeliveryRecord {
  const events = Array.from({ length: count }, () => taskCreation({ eventId: (nextEventId += 1) }));
  const parsed = parseBatch(Buffer.from(JSON.stringify(events)), () => true);
  return { id: crypto.randomUUID(), receivedAt: NOW, body: Buffer.from(JSON.stringify(events)), status: 'accepted', reason: undefined, events: parsed.events, quarantined: [] };
}

describe.each(engines())('store and queue on %s', (_engine, openDatabase) => {
  test('when migrations run twice and concurrently, then each version is applied once', async () => {
    const t = await openTestStore(openDatabase);
    try {
      const again = await Promise.all([applyMigrations(t.db), applyMigrations(t.db)]);
      expect(again).toEqual([[], []]);
      expect(await currentVersion(t.db)).toBe(LATEST_VERSION);
      expect((await t.store.readiness()).ok).toBe(true);
    } finally {
      await t.close();
    }
  });

  test('when the intake statement fails after writing the events and the jobs, then nothing of it is stored', async () => {
    const t = await openTestStore(openDatabase, { failAfterJobs: true });
    try {
      await expect(t.store.recordDelivery(delivery(3))).rejects.toThrow(/division by zero/);
      const [events] = await t.db.query<{ n: number }>('select count(*)::int as n from webhook_events');
      const [deliveries] = await t.db.query<{ n: number }>('select count(*)::int as n from webhook_deliveries');
      expect({ events: events?.n, deliveries: deliveries?.n, jobs: await t.queue.countJobs(TASK_EVENTS_QUEUE) }).toEqual({ events: 0, deliveries: 0, jobs: {} });
    } finally {
      await t.close();
    }
  });

  test('when the intake statement inserts a job, then its row is the row pg-boss\'s own insert writes for the same data', async () => {
    const t = await openTestStore(openDatabase);
    try {
      const recorded = delivery(1);
      await t.store.recordDelivery(recorded);
      const job = recorded.events[0]?.job as TaskEventJob;
      await t.db.transaction((tx) => t.queue.enqueue(tx, [{ ...job, eventKey: `${job.eventKey}-boss` }]));
      const rows = await t.db.query<Record<string, unknown>>(
        `select name, data->>'eventKey' as key, priority, state, retry_limit, retry_count, retry_delay, retry_backoff, retry_delay_max,
                expire_seconds, deletion_seconds, policy, dead_letter, heartbeat_seconds, singleton_key, singleton_on, group_id, group_tier,
                blocked, blocking, pending_dependencies, trace_context,
                (start_after - created_on) < interval '1 second' as starts_at_once,
                round(extract(epoch from keep_until - start_after)) as retention_seconds
           from pgboss.job where name = $1 order by data->>'eventKey'`, [TASK_EVENTS_QUEUE]);
      expect(rows).toHaveLength(2);
      const [intake, boss] = rows as [Record<string, unknown>, Record<string, unknown>];
      expect({ ...intake, key: undefined }).toEqual({ ...boss, key: undefined });
      expect(intake).toMatchObject({ retry_limit: FAST_QUEUE.attempts - 1, dead_letter: TASK_EVENTS_DEAD_LETTER, state: 'created' });
    } finally {
      await t.close();
    }
  });

  test('when the same delivery is recorded twice, then the second adds no event and no job', async () => {
    const t = await openTestStore(openDatabase);
    try {
      const first = delivery(2);
      expect(await t.store.recordDelivery(first)).toEqual({ inserted: 2, duplicates: 0, enqueued: 2 });
      expect(await t.store.recordDelivery({ ...first, id: crypto.randomUUID() })).toEqual({ inserted: 0, duplicates: 2, enqueued: 0 });
      expect(await t.queue.countJobs(TASK_EVENTS_QUEUE)).toEqual({ created: 2 });
    } finally {
      await t.close();
    }
  });

  test('when the handler succeeds, then each job completes and the handler ran once per event', async () => {
    const t = await openTestStore(openDatabase);
    const runs = new Map<string, number>();
    const worker = createWorker({ queue: t.queue, handler: counting(runs), log, clock: createFixedClock(NOW), consume: { pollingIntervalSeconds: 0.5 } });
    try {
      await t.store.recordDelivery(delivery(3));
      await worker.start();
      await eventually(async () => (await t.queue.countJobs(TASK_EVENTS_QUEUE)).completed === 3);
      expect([...runs.values()]).toEqual([1, 1, 1]);
    } finally {
      await worker.stop(2000);
      await t.close();
    }
  });

  test('when the handler throws a retryable error, then the job is retried with backoff and dead-lettered after the last attempt', async () => {
    const t = await openTestStore(openDatabase);
    const attempts: number[] = [];
    const handler: TaskEventHandler = async (_job, context) => {
      attempts.push(context.attempt);
      throw new AppError('HUBSPOT_UNAVAILABLE', 'HubSpot answered 503', { retryable: true });
    };
    const worker = createWorker({ queue: t.queue, handler, log, clock: createFixedClock(NOW), consume: { pollingIntervalSeconds: 0.5 }, random: () => 0 });
    try {
      await t.store.recordDelivery(delivery(1));
      await worker.start();
      await eventually(async () => (await t.queue.countJobs(TASK_EVENTS_DEAD_LETTER)).created === 1);
      expect(attempts).toEqual([0, 1, 2]);
      expect(await t.queue.countJobs(TASK_EVENTS_QUEUE)).toEqual({ failed: 1 });
      const [dead] = await t.db.query<{ data: TaskEventJob }>(`select data from pgboss.job where name = $1`, [TASK_EVENTS_DEAD_LETTER]);
      expect(dead?.data.objectId).toBe('180584432881');
    } finally {
      await worker.stop(2000);
      await t.close();
    }
  });

  test('when the handler throws a non-retryable AppError, then the job is dead-lettered at once', async () => {
    const t = await openTestStore(openDatabase);
    const handler = jest.fn<TaskEventHandler>(async () => { throw new AppError('HUBSPOT_VALIDATION', 'HubSpot answered 400', { retryable: false }); });
    const worker = createWorker({ queue: t.queue, handler, log, clock: createFixedClock(NOW), consume: { pollingIntervalSeconds: 0.5 } });
    try {
      await t.store.recordDelivery(delivery(1));
      await worker.start();
      await eventually(async () => (await t.queue.countJobs(TASK_EVENTS_DEAD_LETTER)).created === 1);
      expect(handler).toHaveBeenCalledTimes(1);
    } finally {
      await worker.stop(2000);
      await t.close();
    }
  });

  test('when a worker claims a job and never settles it, then the lease expires and another worker completes it', async () => {
    const t = await openTestStore(openDatabase);
    let release: () => void = () => undefined;
    const stuck: TaskEventHandler = () => new Promise((resolve) => { release = () => resolve({ status: 'done' }); });
    const crashed = createWorker({ queue: t.queue, handler: stuck, log, clock: createFixedClock(NOW), consume: { pollingIntervalSeconds: 0.5 } });
    const otherQueue = createBossQueue(t.db, FAST_QUEUE);
    const runs = new Map<string, number>();
    const other = createWorker({ queue: otherQueue, handler: counting(runs), log, clock: createFixedClock(NOW), consume: { pollingIntervalSeconds: 0.5 } });
    try {
      await t.store.recordDelivery(delivery(1));
      await crashed.start();
      await eventually(async () => (await t.queue.countJobs(TASK_EVENTS_QUEUE)).active === 1);
      await otherQueue.start();
      await other.start();
      await eventually(async () => (await t.queue.countJobs(TASK_EVENTS_QUEUE)).completed === 1);
      expect([...runs.values()]).toEqual([1]);
    } finally {
      release();
      await other.stop(1000);
      await otherQueue.stop(1000);
      await crashed.stop(1000);
      await t.close();
    }
  });
});
