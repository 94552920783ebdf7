/**
 * RELIABILITY.md row 51: a job that kills its worker every time (modelled as in
 * retry-schedule.test.ts: the worker holds it forever, so its lease runs out) lands in the DLQ
 * after 3 lease expiries, while another portal's 20 jobs, delivered at the same time, all complete.
 */
import { createFixedClock } from '../../../src/clock.ts';
import { TASK_EVENTS_DEAD_LETTER, createBossQueue, type BossQueue } from '../../../src/store/boss-queue.ts';
import type { DeliveryRecord } from '../../../src/store/ports.ts';
import { parseBatch } from '../../../src/webhooks/parse-batch.ts';
import { createWorker, type TaskEventHandler, type Worker } from '../../../src/worker/create-worker.ts';
import { NOW, taskCreation } from '../../helpers/hubspot-webhook.ts';
import { engines, openTestStore } from '../../helpers/stores.ts';
import { createTestLogger } from '../../helpers/test-logger.ts';

const log = createTestLogger();
const [pglite] = engines();
if (pglite === undefined) throw new Error('PGlite is always available');
const POISON_PORTAL = '51000001';
const HEALTHY_PORTAL = '51000002';

function delivery(portalId: string, count: number, firstId: number): DeliveryRecord {
  const events = Array.from({ length: count }, (_, i) => taskCreation({ portalId: Number(portalId), eventId: firstId + i, objectId: firstId + i }));
  const body = Buffer.from(JSON.stringify(events));
  return { id: crypto.randomUUID(), receivedAt: NOW, body, status: 'accepted', reason: undefined, events: parseBatch(body, () => true).events, quarantined: [] };
}

async function eventually(predicate: () => Promise<boolean>, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (!(await predicate())) {
    if (Date.now() > until) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

test('when one portal has a poison job, then it is dead-lettered after 3 lease expiries and the other portal\'s jobs all complete meanwhile', async () => {
  const settings = { attempts: 9, retryDelaySeconds: 1, retryDelayMaxSeconds: 1, leaseSeconds: 1, superviseIntervalSeconds: 1 };
  const t = await openTestStore(pglite[1], { queue: settings });
  const hangs: (() => void)[] = [];
  const healthyDone = new Set<string>();
  let poisonRuns = 0;
  const handler: TaskEventHandler = async (job) => {
    if (job.portalId === POISON_PORTAL) {
      poisonRuns += 1;
      return new Promise((resolve) => { hangs.push(() => resolve({ status: 'done' })); });
    }
    healthyDone.add(job.objectId);
    return { status: 'done' };
  };
  const queues: BossQueue[] = [];
  const workers: Worker[] = [];
  try {
    for (let i = 0; i < 5; i += 1) {
      const queue = i === 0 ? t.queue : createBossQueue(t.db, settings);
      if (i > 0) await queue.start();
      queues.push(queue);
      workers.push(createWorker({ queue, store: t.store, handler, log, clock: createFixedClock(NOW), consume: { batchSize: 1, pollingIntervalSeconds: 0.5 } }));
    }
    await t.store.recordDelivery(delivery(POISON_PORTAL, 1, 51_000));
    await t.store.recordDelivery(delivery(HEALTHY_PORTAL, 20, 52_000));
    for (const worker of workers) await worker.start();
    await eventually(async () => healthyDone.size === 20, 20_000);
    await eventually(async () => (await t.queue.countJobs(TASK_EVENTS_DEAD_LETTER)).created === 1, 25_000);
    expect(poisonRuns).toBe(3);
    const dead = await t.db.query<{ portal: string }>(`select data->>'portalId' as portal from pgboss.job where name = $1`, [TASK_EVENTS_DEAD_LETTER]);
    expect(dead).toEqual([{ portal: POISON_PORTAL }]);
  } finally {
    for (const hang of hangs) hang();
    for (const worker of workers) await worker.stop(500);
    for (const queue of queues.slice(1)) await queue.stop(500).catch(() => undefined);
    await t.close();
  }
}, 60_000);
