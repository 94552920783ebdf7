/**
 * The T7 retry schedule and poison handling on the real queue (PGlite): a failed job keeps its
 * identity and waits the step the worker chose (never less than HubSpot's Retry-After); a job
 * whose worker dies holding it three times while it runs alone is dead-lettered unrun.
 */
import { createFixedClock } from '../../../src/clock.ts';
import { AppError } from '../../../src/errors.ts';
import { TASK_EVENTS_DEAD_LETTER, TASK_EVENTS_QUEUE, createBossQueue, type BossQueue } from '../../../src/store/boss-queue.ts';
import type { DeliveryRecord } from '../../../src/store/ports.ts';
import { parseBatch } from '../../../src/webhooks/parse-batch.ts';
import { createWorker, type TaskEventHandler, type Worker } from '../../../src/worker/create-worker.ts';
import { eventually } from '../../helpers/eventually.ts';
import { NOW, taskCreation } from '../../helpers/hubspot-webhook.ts';
import { engines, openTestStore, type TestStore } from '../../helpers/stores.ts';
import { createTestLogger } from '../../helpers/test-logger.ts';

const log = createTestLogger();
const [pglite] = engines();
if (pglite === undefined) throw new Error('PGlite is always available');

function delivery(): DeliveryRecord {
  const body = Buffer.from(JSON.stringify([taskCreation()]));
  const batch = parseBatch(body, () => true);
  return { id: crypto.randomUUID(), receivedAt: NOW, body, status: 'accepted', reason: undefined, events: batch.events, quarantined: [] };
}

interface JobRow { id: string; state: string; retry_count: number; wait_s: number; data: Record<string, unknown> }
const jobRows = (t: TestStore) => t.db.query<JobRow>(
  `select id, state::text as state, retry_count, extract(epoch from (start_after - now()))::float8 as wait_s, data from pgboss.job where name = $1`,
  [TASK_EVENTS_QUEUE]);

test('when HubSpot answers 429 with Retry-After 120 s, then the same job (same id) is scheduled no earlier than 120 s later', async () => {
  const t = await openTestStore(pglite[1], { queue: { attempts: 9, retryDelaySeconds: 1, retryDelayMaxSeconds: 1, leaseSeconds: 30, superviseIntervalSeconds: 1 } });
  const handler: TaskEventHandler = async () => {
    throw new AppError('HUBSPOT_RATE_LIMITED', 'HubSpot answered 429', { status: 429, retryable: true, retryAfterMs: 120_000 });
  };
  const worker = createWorker({ queue: t.queue, handler, log, clock: createFixedClock(NOW), consume: { pollingIntervalSeconds: 0.5 }, random: () => 0.5 });
  try {
    await t.store.recordDelivery(delivery());
    const [before] = await jobRows(t);
    await worker.start();
    await eventually(async () => (await jobRows(t))[0]?.state === 'retry', 20_000);
    const [after] = await jobRows(t);
    expect(after?.id).toBe(before?.id);
    expect(after?.retry_count).toBe(0); // pg-boss counts a retry when the job is claimed again
    expect(after?.wait_s).toBeGreaterThan(115);
    expect(after?.wait_s).toBeLessThanOrEqual(121);
  } finally {
    await worker.stop(2000);
    await t.close();
  }
});

test('when a retryable failure has no Retry-After, then the wait is the jittered T7 step for that attempt', async () => {
  const t = await openTestStore(pglite[1], { queue: { attempts: 9, retryDelaySeconds: 1, retryDelayMaxSeconds: 1, leaseSeconds: 30, superviseIntervalSeconds: 1 } });
  const attempts: number[] = [];
  const handler: TaskEventHandler = async (_job, context) => {
    attempts.push(context.attempt);
    throw new AppError('HUBSPOT_UNAVAILABLE', 'HubSpot answered 503', { status: 503, retryable: true });
  };
  // Top of each step: attempt 0 waits 1 s, attempt 1 waits 5 s.
  const worker = createWorker({ queue: t.queue, handler, log, clock: createFixedClock(NOW), consume: { pollingIntervalSeconds: 0.5 }, random: () => 0.999 });
  try {
    await t.store.recordDelivery(delivery());
    await worker.start();
    await eventually(async () => attempts.length === 2 && (await jobRows(t))[0]?.state === 'retry', 20_000);
    const [row] = await jobRows(t);
    expect(row?.retry_count).toBe(1);
    expect(row?.wait_s).toBeGreaterThan(3.5);
    expect(row?.wait_s).toBeLessThanOrEqual(5.1);
  } finally {
    await worker.stop(2000);
    await t.close();
  }
});

test('when a job kills its worker every time, then after its first death it runs alone, and the claim after three lone deaths dead-letters it without running it', async () => {
  // Retries after a lease expiry start at once (no backoff step): each death costs only the lease and the supervisor's look.
  const settings = { attempts: 9, retryDelaySeconds: 0, retryDelayMaxSeconds: 0, leaseSeconds: 1, superviseIntervalSeconds: 1, suspectWarmupSeconds: 0 };
  const t = await openTestStore(pglite[1], { queue: settings });
  let runs = 0;
  const hangs: (() => void)[] = [];
  // Each "crashed" worker holds the job forever, as a dead process would; its lease runs out.
  const mayRun: boolean[] = [];
  const crashing: TaskEventHandler = (_job, context) => {
    runs += 1;
    mayRun.push(context.previousAttemptMayRun === true);
    return new Promise((resolve) => { hangs.push(() => resolve({ status: 'done' })); });
  };
  const queues: BossQueue[] = [];
  const workers: Worker[] = [];
  try {
    // One worker per death (a hung handler holds its worker, as a dead process would), one to dead-letter.
    for (let i = 0; i < 5; i += 1) {
      const queue = i === 0 ? t.queue : createBossQueue(t.db, settings);
      if (i > 0) await queue.start();
      queues.push(queue);
      workers.push(createWorker({ queue, handler: crashing, log, clock: createFixedClock(NOW), consume: { batchSize: 1, pollingIntervalSeconds: 0.5 } }));
    }
    await t.store.recordDelivery(delivery());
    for (const worker of workers) await worker.start();
    await eventually(async () => (await t.queue.countJobs(TASK_EVENTS_DEAD_LETTER)).created === 1, 25_000);
    // The first run (a death that proves nothing yet: it might have been another job's), then three lone runs.
    expect(runs).toBe(4);
    // Each rerun is told its predecessor was given up on (its worker's handler timeout), not killed: it may still run.
    expect(mayRun).toEqual([false, true, true, true]);
    const [dead] = await t.db.query<{ data: Record<string, unknown> }>('select data from pgboss.job where name = $1', [TASK_EVENTS_DEAD_LETTER]);
    expect(dead?.data.leaseExpiries).toBe(3);
  } finally {
    for (const hang of hangs) hang();
    for (const worker of workers) await worker.stop(500);
    for (const queue of queues.slice(1)) await queue.stop(500).catch(() => undefined);
    await t.close();
  }
}, 30_000);
