/**
 * RELIABILITY.md row 51 and T7 (3 lease expiries make a job poison), on the real queue (PGlite).
 * A job that kills its worker is modelled as in retry-schedule.test.ts: the worker holds it
 * forever, so its lease runs out. Poison detection must blame only the job that kills:
 * - a poison job is dead-lettered after three deaths while it ran alone, while another portal's
 *   20 jobs, delivered at the same time, all complete;
 * - the jobs that shared a batch with it (in flight when its process died) are not;
 * - a job caught again and again by process deaths that are not its doing (a kill storm: every
 *   process dies within seconds of starting) is not dead-lettered either, and completes once a
 *   process lives past the warm-up;
 * - the jobs a process hands back while a suspect runs alone run once, in another process (pg-boss
 *   used to fail them under that process's claim when the lone run's batch was settled).
 */
import { createFixedClock } from '../../../src/clock.ts';
import { TASK_EVENTS_DEAD_LETTER, TASK_EVENTS_QUEUE, createBossQueue, type BossQueue, type QueueSettings } from '../../../src/store/boss-queue.ts';
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
const POISON_PORTAL = '51000001';
const HEALTHY_PORTAL = '51000002';
// Retries after a lease expiry start at once (no backoff step): each death costs only the lease and the supervisor's look.
const FAST: QueueSettings = { attempts: 9, retryDelaySeconds: 0, retryDelayMaxSeconds: 0, leaseSeconds: 1, superviseIntervalSeconds: 1, suspectWarmupSeconds: 0 };

function delivery(portalId: string, count: number, firstId: number): DeliveryRecord {
  const events = Array.from({ length: count }, (_, i) => taskCreation({ portalId: Number(portalId), eventId: firstId + i, objectId: firstId + i }));
  const body = Buffer.from(JSON.stringify(events));
  return { id: crypto.randomUUID(), receivedAt: NOW, body, status: 'accepted', reason: undefined, events: parseBatch(body, () => true).events, quarantined: [] };
}

/** Worker "processes" on one database: each its own pg-boss instance, as replicas are. */
function processes(t: TestStore, settings: QueueSettings) {
  const queues: BossQueue[] = [];
  const workers: Worker[] = [];
  const hangs: (() => void)[] = [];
  return {
    hangs,
    async start(handler: TaskEventHandler, batchSize: number): Promise<Worker> {
      const queue = queues.length === 0 ? t.queue : createBossQueue(t.db, settings);
      if (queues.length > 0) await queue.start();
      queues.push(queue);
      const worker = createWorker({ queue, handler, log, clock: createFixedClock(NOW), consume: { batchSize, pollingIntervalSeconds: 0.5 } });
      workers.push(worker);
      await worker.start();
      return worker;
    },
    /** A death: the job is held forever, as by a process that is gone. */
    hang(): Promise<never> {
      return new Promise((_resolve, reject) => { hangs.push(() => reject(new Error('released'))); });
    },
    async close() {
      for (const hang of hangs) hang();
      for (const worker of workers) await worker.stop(500);
      for (const queue of queues.slice(1)) await queue.stop(500).catch(() => undefined);
      await t.close();
    },
  };
}

const deadPortals = async (t: TestStore) =>
  (await t.db.query<{ portal: string; object: string }>(`select data->>'portalId' as portal, data->>'objectId' as object from pgboss.job where name = $1`, [TASK_EVENTS_DEAD_LETTER]));

test('when one portal has a poison job, then it is dead-lettered after 3 lone deaths and the other portal\'s jobs all complete meanwhile', async () => {
  const t = await openTestStore(pglite[1], { queue: FAST });
  const fleet = processes(t, FAST);
  const healthyDone = new Set<string>();
  let poisonRuns = 0;
  const handler: TaskEventHandler = async (job) => {
    if (job.portalId === POISON_PORTAL) { poisonRuns += 1; return fleet.hang(); }
    healthyDone.add(job.objectId);
    return { status: 'done' };
  };
  try {
    await t.store.recordDelivery(delivery(POISON_PORTAL, 1, 51_000));
    await t.store.recordDelivery(delivery(HEALTHY_PORTAL, 20, 52_000));
    for (let i = 0; i < 5; i += 1) await fleet.start(handler, 1);
    await eventually(async () => healthyDone.size === 20, 20_000);
    await eventually(async () => (await t.queue.countJobs(TASK_EVENTS_DEAD_LETTER)).created === 1, 25_000);
    expect(poisonRuns).toBe(4);
    expect((await deadPortals(t)).map((row) => row.portal)).toEqual([POISON_PORTAL]);
  } finally {
    await fleet.close();
  }
}, 60_000);

test('when a poison job shares a batch with 9 other jobs, then only it is dead-lettered: the 9 die with it once, run alone and complete', async () => {
  const t = await openTestStore(pglite[1], { queue: FAST });
  const fleet = processes(t, FAST);
  const runs = new Map<string, number>();
  const done = new Set<string>();
  const handler: TaskEventHandler = async (job, context) => {
    runs.set(job.objectId, (runs.get(job.objectId) ?? 0) + 1);
    if (job.objectId === '53000') return fleet.hang();
    // The first time round every job is in flight together when the poison job kills the process.
    if (context.attempt === 0) return fleet.hang();
    done.add(job.objectId);
    return { status: 'done' };
  };
  try {
    await t.store.recordDelivery(delivery(HEALTHY_PORTAL, 10, 53_000));
    // A hung handler holds its worker as a dead process would: one process per death, one spare.
    await fleet.start(handler, 10);
    for (let i = 0; i < 5; i += 1) await fleet.start(handler, 10);
    await eventually(async () => done.size === 9 && (await t.queue.countJobs(TASK_EVENTS_DEAD_LETTER)).created === 1, 40_000);
    expect((await deadPortals(t)).map((row) => row.object)).toEqual(['53000']);
    expect(runs.get('53000')).toBe(4);
    for (const [objectId, count] of runs) if (objectId !== '53000') expect(count).toBe(2);
    expect((await t.queue.countJobs(TASK_EVENTS_QUEUE)).completed).toBe(9);
  } finally {
    await fleet.close();
  }
}, 60_000);

test('when a suspect runs alone, then the jobs handed back from its batch run once, in another process, even while the suspect still runs', async () => {
  // A lease longer than the handlers below (the first process's hang still expires it).
  const settings: QueueSettings = { ...FAST, leaseSeconds: 4 };
  const t = await openTestStore(pglite[1], { queue: settings });
  const fleet = processes(t, settings);
  const runs = new Map<string, number[]>();
  let suspectRunning = false;
  const record = (job: { objectId: string }, attempt: number) => runs.set(job.objectId, [...(runs.get(job.objectId) ?? []), attempt]);
  // First process: the suspect-to-be hangs there (its lease expires, as when a replica is killed).
  const hanging: TaskEventHandler = async (job, context) => { record(job, context.attempt); return fleet.hang(); };
  // The suspect's lone run outlasts nothing: it ends while the handed-back jobs still run elsewhere.
  const slow = async (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const handler: TaskEventHandler = async (job, context) => {
    record(job, context.attempt);
    if (job.objectId === '55000') { suspectRunning = true; await slow(800); suspectRunning = false; return { status: 'done' }; }
    await slow(2_000);
    return { status: 'done' };
  };
  try {
    await t.store.recordDelivery(delivery(HEALTHY_PORTAL, 1, 55_000));
    await fleet.start(hanging, 1);
    await eventually(async () => (await t.queue.countJobs(TASK_EVENTS_QUEUE)).retry === 1, 10_000);
    await t.store.recordDelivery(delivery(HEALTHY_PORTAL, 5, 55_001));
    // This process claims the suspect with the 5 others, runs it alone and hands the 5 back…
    await fleet.start(handler, 10);
    await eventually(async () => suspectRunning, 10_000);
    // …which another process claims and is still running when the lone run's batch is settled.
    await fleet.start(handler, 10);
    await eventually(async () => (await t.queue.countJobs(TASK_EVENTS_QUEUE)).completed === 6, 20_000);
    await slow(2_000);
    expect(runs.get('55000')).toEqual([0, 1]);
    for (let id = 55_001; id <= 55_005; id += 1) expect(runs.get(String(id))).toEqual([0]);
    expect((await t.queue.countJobs(TASK_EVENTS_QUEUE)).completed).toBe(6);
  } finally {
    await fleet.close();
  }
}, 60_000);

test('when every process dies within seconds of starting (a kill storm) while a job runs, then the job is never dead-lettered and completes once a process lives past the warm-up', async () => {
  const settings: QueueSettings = { ...FAST, suspectWarmupSeconds: 3 };
  const t = await openTestStore(pglite[1], { queue: settings });
  const fleet = processes(t, settings);
  let runs = 0;
  let lastAttempt = -1;
  const dying: TaskEventHandler = async (_job, context) => { runs += 1; lastAttempt = context.attempt; return fleet.hang(); };
  let completed = false;
  const healthy: TaskEventHandler = async () => { runs += 1; completed = true; return { status: 'done' }; };
  try {
    await t.store.recordDelivery(delivery(HEALTHY_PORTAL, 1, 54_000));
    // Five processes in a row, each killed 2 s after it starts, whatever it is running then.
    for (let i = 0; i < 5; i += 1) {
      const worker = await fleet.start(dying, 10);
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      await worker.stop(0);
    }
    expect(await deadPortals(t)).toEqual([]);
    await fleet.start(healthy, 10);
    await eventually(async () => completed, 20_000);
    expect(await deadPortals(t)).toEqual([]);
    // It ran in the first process only (killed there); the young ones handed it back unrun.
    expect(runs).toBe(2);
    expect(lastAttempt).toBe(0);
  } finally {
    await fleet.close();
  }
}, 60_000);
