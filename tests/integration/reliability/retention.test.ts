/**
 * Retention (RELIABILITY.md T5): dedupe keys live at least 7 days, raw bodies and quarantine are
 * purged after the configured retention, and a redelivery within the key window stays a duplicate.
 */
import request from 'supertest';
import { jest } from '@jest/globals';
import { createFixedClock } from '../../../src/clock.ts';
import { createHealthApp } from '../../../src/http/health-app.ts';
import { purgeExpired } from '../../../src/store/retention.ts';
import type { DeliveryRecord } from '../../../src/store/ports.ts';
import { parseBatch } from '../../../src/webhooks/parse-batch.ts';
import { startRetentionRunner } from '../../../src/worker/retention-runner.ts';
import { NOW, taskCreation } from '../../helpers/hubspot-webhook.ts';
import { engines, openTestStore, type TestStore } from '../../helpers/stores.ts';
import { createTestLogger } from '../../helpers/test-logger.ts';

const DAY = 24 * 3600 * 1000;

function delivery(eventId: number, receivedAt: number): DeliveryRecord {
  const body = Buffer.from(JSON.stringify([taskCreation({ eventId }), { eventId: 'broken' }]));
  const batch = parseBatch(body, () => true);
  return { id: crypto.randomUUID(), receivedAt, body, status: 'accepted', reason: undefined, events: batch.events, quarantined: batch.quarantined };
}

describe.each(engines())('retention on %s', (_engine, openDatabase) => {
  let t: TestStore;
  beforeAll(async () => { t = await openTestStore(openDatabase); });
  afterAll(async () => { await t.close(); });

  const one = async (sql: string) => (await t.db.query<{ n: number }>(sql))[0]?.n ?? 0;

  test('when the purge runs with 3-day retention, then bodies and quarantine older than 3 days go, dedupe keys stay 7 days', async () => {
    await t.store.recordDelivery(delivery(1, NOW - 10 * DAY)); // past both windows
    await t.store.recordDelivery(delivery(2, NOW - 5 * DAY)); // raw past retention, key kept
    await t.store.recordDelivery(delivery(3, NOW - 1 * DAY)); // everything kept

    const result = await purgeExpired(t.db, { retentionDays: 3 }, NOW);
    expect(result).toEqual({ events: 1, quarantined: 2, deliveries: 1, bodiesCleared: 1 });
    expect(await one('select count(*)::int as n from webhook_events')).toBe(2);
    expect(await one('select count(*)::int as n from quarantined_events')).toBe(1);
    expect(await one('select count(*)::int as n from webhook_deliveries')).toBe(2);
    expect(await one('select count(*)::int as n from webhook_deliveries where octet_length(body) = 0')).toBe(1);

    // A late redelivery of event 2 (5 days old) is still recognised as a duplicate.
    const again = await t.store.recordDelivery(delivery(2, NOW));
    expect(again).toMatchObject({ inserted: 0, duplicates: 1, enqueued: 0 });

    // Running it again changes nothing.
    expect(await purgeExpired(t.db, { retentionDays: 3 }, NOW)).toEqual({ events: 0, quarantined: 0, deliveries: 0, bodiesCleared: 0 });
  });
});

test('when the retention runner ticks and the purge fails once, then it logs and the next tick purges', async () => {
  jest.useFakeTimers();
  try {
    const purge = jest.fn<(now: number) => Promise<{ events: number; quarantined: number; deliveries: number; bodiesCleared: number }>>()
      .mockRejectedValueOnce(new Error('database gone'))
      .mockResolvedValue({ events: 1, quarantined: 0, deliveries: 0, bodiesCleared: 0 });
    const runner = startRetentionRunner({ purge, clock: createFixedClock(NOW), log: createTestLogger(), intervalMs: 1000 });
    await jest.advanceTimersByTimeAsync(1000);
    await jest.advanceTimersByTimeAsync(1000);
    runner.stop();
    await jest.advanceTimersByTimeAsync(5000);
    expect(purge).toHaveBeenCalledTimes(2);
    expect(purge).toHaveBeenCalledWith(NOW);
  } finally {
    jest.useRealTimers();
  }
});

test('when the worker-only health app is probed, then /healthz is 200 and /readyz follows readiness and draining', async () => {
  let ok = false;
  let accepting = true;
  const app = createHealthApp({ health: { readiness: async () => ({ ok, checks: { database: ok } }) }, isAccepting: () => accepting });
  expect((await request(app).get('/healthz')).status).toBe(200);
  expect((await request(app).get('/readyz')).status).toBe(503);
  ok = true;
  expect((await request(app).get('/readyz')).status).toBe(200);
  accepting = false;
  expect((await request(app).get('/readyz')).body).toMatchObject({ status: 'not-ready', checks: { accepting: false } });
  expect((await request(app).post('/webhooks/hubspot')).status).toBe(404);
});
