/**
 * The dead-letter queue as an operator uses it (`npm run dlq`): list what failed and why, redrive
 * one job or all of them, and a redriven poison job runs again instead of bouncing straight back.
 */
import { AppError } from '../../../src/errors.ts';
import { TASK_EVENTS_DEAD_LETTER, TASK_EVENTS_QUEUE } from '../../../src/store/boss-queue.ts';
import type { DeliveryRecord } from '../../../src/store/ports.ts';
import { parseBatch } from '../../../src/webhooks/parse-batch.ts';
import { createWorker, type TaskEventHandler } from '../../../src/worker/create-worker.ts';
import { createFixedClock } from '../../../src/clock.ts';
import { runDlq } from '../../../scripts/dlq.ts';
import { listParked, listSkips } from '../../../src/store/skip-log.ts';
import { eventually } from '../../helpers/eventually.ts';
import { NOW, taskCreation } from '../../helpers/hubspot-webhook.ts';
import { engines, openTestStore } from '../../helpers/stores.ts';
import { createTestLogger } from '../../helpers/test-logger.ts';

const log = createTestLogger();

function delivery(eventIds: number[]): DeliveryRecord {
  const body = Buffer.from(JSON.stringify(eventIds.map((eventId) => taskCreation({ eventId, objectId: 7000 + eventId, propertyValue: 'private note' }))));
  const batch = parseBatch(body, () => true);
  return { id: crypto.randomUUID(), receivedAt: NOW, body, status: 'accepted', reason: undefined, events: batch.events, quarantined: [] };
}

describe.each(engines())('dead-letter queue on %s', (_engine, openDatabase) => {
  test('when jobs failed permanently, then list shows them without personal data, redrive <id> moves one and redrive-all the rest', async () => {
    const t = await openTestStore(openDatabase);
    let failing = true;
    const handler: TaskEventHandler = async () => {
      if (failing) throw new AppError('HUBSPOT_VALIDATION', 'HubSpot answered 400: property hs_task_body is invalid', { status: 400, retryable: false });
      return { status: 'done' };
    };
    const worker = createWorker({ queue: t.queue, handler, log, clock: createFixedClock(NOW), consume: { pollingIntervalSeconds: 0.5 } });
    const lines: string[] = [];
    const io = { out: (line: string) => lines.push(line), err: (line: string) => lines.push(`ERR ${line}`) };
    try {
      await t.store.recordDelivery(delivery([1, 2, 3]));
      await worker.start();
      await eventually(async () => (await t.queue.countJobs(TASK_EVENTS_DEAD_LETTER)).created === 3);

      expect(await runDlq(['list'], t.queue, io)).toBe(0);
      const listed = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(listed).toHaveLength(3);
      expect(listed[0]).toMatchObject({ subscriptionType: 'object.creation', error: 'HUBSPOT_VALIDATION: HubSpot answered 400: property hs_task_body is invalid' });
      expect(lines.join('\n')).not.toContain('private note');

      failing = false;
      lines.length = 0;
      expect(await runDlq(['redrive', String(listed[0]?.id)], t.queue, io)).toBe(0);
      expect(lines).toEqual(['{"redriven":1}']);
      await eventually(async () => (await t.queue.countJobs(TASK_EVENTS_QUEUE)).completed === 1);

      lines.length = 0;
      expect(await runDlq(['redrive-all'], t.queue, io)).toBe(0);
      expect(lines).toEqual(['{"redriven":2}']);
      await eventually(async () => (await t.queue.countJobs(TASK_EVENTS_QUEUE)).completed === 3);
      expect((await t.queue.countJobs(TASK_EVENTS_DEAD_LETTER)).created ?? 0).toBe(0);

      lines.length = 0;
      expect(await runDlq(['redrive', '00000000-0000-0000-0000-000000000000'], t.queue, io)).toBe(1);
      expect(await runDlq(['bogus'], t.queue, io)).toBe(2);
    } finally {
      await worker.stop(2000);
      await t.close();
    }
  }, 40_000);

  test('when a poison job is redriven, then its lease-expiry count is reset and it runs again', async () => {
    const t = await openTestStore(openDatabase);
    await t.store.recordDelivery(delivery([9]));
    await t.db.query(`update pgboss.job set data = data || '{"leaseExpiries":3}'::jsonb where name = $1`, [TASK_EVENTS_QUEUE]);
    let runs = 0;
    const handler: TaskEventHandler = async () => { runs += 1; return { status: 'done' }; };
    const worker = createWorker({ queue: t.queue, handler, log, clock: createFixedClock(NOW), consume: { pollingIntervalSeconds: 0.5 } });
    try {
      await worker.start();
      await eventually(async () => (await t.queue.countJobs(TASK_EVENTS_DEAD_LETTER)).created === 1);
      expect(runs).toBe(0);
      expect(await t.queue.redrive()).toBe(1);
      await eventually(async () => runs === 1);
    } finally {
      await worker.stop(2000);
      await t.close();
    }
  }, 30_000);

  test('when events were skipped as portal-unknown and jobs parked, then `skips --reason portal-unknown` and `parked` list them without personal data', async () => {
    const t = await openTestStore(openDatabase);
    try {
      await t.db.query(`insert into card_skips (portal_id, task_id, event_key, reason, detail, created_at) values
        ('987654', '41000001', 'k-unknown', 'portal-unknown', 'no credentials', to_timestamp(1751280000)),
        ('145883449', '7001', 'k-specific', 'not-robotic', 'has a topic', to_timestamp(1751280001))`);
      await t.db.query(`insert into paused_portals (portal_id, reason, paused_at) values ('555', 'hubspot.revoked', now())`);
      await t.db.query(`insert into parked_jobs (portal_id, event_key, job, parked_at) values ('555', 'k-parked', '{"objectId":"9001","propertyValue":"private note"}', to_timestamp(1751280002))`);
      const lines: string[] = [];
      const io = { out: (line: string) => lines.push(line), err: (line: string) => lines.push(`ERR ${line}`) };
      const outcomes = { listSkips: (options: { reason?: string; limit: number }) => listSkips(t.db, options), listParked: (options: { limit: number }) => listParked(t.db, options) };
      expect(await runDlq(['skips', '--reason', 'portal-unknown'], t.queue, io, outcomes)).toBe(0);
      expect(lines.map((line) => JSON.parse(line))).toEqual([{ portalId: '987654', taskId: '41000001', eventKey: 'k-unknown', reason: 'portal-unknown', at: '2025-06-30T10:40:00.000Z' }]);
      lines.length = 0;
      expect(await runDlq(['parked'], t.queue, io, outcomes)).toBe(0);
      expect(lines.map((line) => JSON.parse(line))).toEqual([{ portalId: '555', objectId: '9001', eventKey: 'k-parked', reason: 'hubspot.revoked', parkedAt: '2025-06-30T10:40:02.000Z' }]);
      expect(lines.join('')).not.toContain('private note');
      expect(await runDlq(['skips', '--reason', 'Bad Reason!'], t.queue, io, outcomes)).toBe(2);
    } finally {
      await t.close();
    }
  });
});
