/**
 * POST /webhooks/hubspot against a real store, on each engine: every intake row (1–28) of
 * RELIABILITY.md §4, plus dedupe, atomic batches and the 503 paths.
 */
import { gzipSync } from 'node:zlib';
import request from 'supertest';
import type { Express } from 'express';
import { createFixedClock } from '../../src/clock.ts';
import { loadConfig } from '../../src/config.ts';
import { createApp } from '../../src/http/create-app.ts';
import { NOW, PUBLIC_BASE_URL, TEST_SECRET, WEBHOOK_PATH, signedHeaders, taskCreation, taskEvents, staticTokenEnv } from '../helpers/hubspot-webhook.ts';
import { engines, openTestStore, type TestStore } from '../helpers/stores.ts';
import { createTestLogger } from '../helpers/test-logger.ts';

const OLD_SECRET = 'previous-client-secret-9a8b7c';
const config = loadConfig({ PUBLIC_BASE_URL, HUBSPOT_CLIENT_SECRET: `${TEST_SECRET},${OLD_SECRET}`, ...staticTokenEnv() });
const log = createTestLogger();

describe.each(engines())('webhook intake on %s', (_engine, openDatabase) => {
  let t: TestStore;
  let app: Express;
  const clock = createFixedClock(NOW);

  beforeAll(async () => {
    t = await openTestStore(openDatabase);
    app = createApp({ config, log, store: t.store, clock });
  });
  afterAll(async () => { await t.close(); });
  beforeEach(() => clock.set(NOW));

  async function counts() {
    const one = async (sql: string) => (await t.db.query<{ n: number }>(sql))[0]?.n ?? 0;
    const jobs = await t.queue.countJobs('task-events');
    return {
      deliveries: await one('select count(*)::int as n from webhook_deliveries'),
      quarantinedDeliveries: await one(`select count(*)::int as n from webhook_deliveries where status = 'quarantined'`),
      events: await one('select count(*)::int as n from webhook_events'),
      ignored: await one(`select count(*)::int as n from webhook_events where status = 'ignored'`),
      orphans: await one(`select count(*)::int as n from webhook_events where status = 'orphan'`),
      quarantined: await one('select count(*)::int as n from quarantined_events'),
      jobs: Object.values(jobs).reduce((sum, n) => sum + n, 0),
    };
  }

  async function delta(action: () => Promise<unknown>) {
    const before = await counts();
    await action();
    const after = await counts();
    return Object.fromEntries(Object.entries(after).map(([key, value]) => [key, value - before[key as keyof typeof before]]));
  }

  const nothing = { deliveries: 0, quarantinedDeliveries: 0, events: 0, ignored: 0, orphans: 0, quarantined: 0, jobs: 0 };
  let nextEventId = 1_000;
  const fresh = (overrides: Record<string, unknown> = {}) => taskCreation({ eventId: (nextEventId += 1), ...overrides });

  function post(body: string | Buffer, headers: Record<string, string> = signedHeaders(body)) {
    return request(app).post(WEBHOOK_PATH).set(headers).send(body);
  }

  test('when a signed batch of task events arrives, then 204 and each event is stored with one job', async () => {
    const body = JSON.stringify(taskEvents().map((event, i) => ({ ...event, eventId: 50 + i })));
    const changes = await delta(async () => { expect((await post(body)).status).toBe(204); });
    expect(changes).toEqual({ ...nothing, deliveries: 1, events: 3, jobs: 3 });
  });

  test('row 1: when the method is GET or PUT, then 405 with Allow: POST and nothing is stored', async () => {
    const changes = await delta(async () => {
      const get = await request(app).get(WEBHOOK_PATH);
      expect(get.status).toBe(405);
      expect(get.headers.allow).toBe('POST');
      expect((await request(app).put(WEBHOOK_PATH).set('content-type', 'application/json').send('[]')).status).toBe(405);
    });
    expect(changes).toEqual(nothing);
  });

  test('row 2: when the content type is missing or text/plain, then 415', async () => {
    const body = JSON.stringify([fresh()]);
    const { 'content-type': _type, ...headers } = signedHeaders(body);
    expect((await request(app).post(WEBHOOK_PATH).set(headers).send(Buffer.from(body))).status).toBe(415);
    expect((await post(body, { ...headers, 'content-type': 'text/plain' })).status).toBe(415);
  });

  test('row 3: when Content-Length is above 1 MB, then 413', async () => {
    const body = `[${' '.repeat(1024 * 1024)}]`;
    const changes = await delta(async () => { expect((await post(body)).status).toBe(413); });
    expect(changes).toEqual(nothing);
  });

  test('row 5: when the body is gzip-encoded, then 415 and it is never inflated', async () => {
    const body = gzipSync(JSON.stringify([fresh()]));
    const res = await post(body, { ...signedHeaders(body), 'content-encoding': 'gzip' });
    expect(res.status).toBe(415);
  });

  test('row 7: when the body is empty but the headers are there, then 401', async () => {
    const res = await request(app).post(WEBHOOK_PATH).set(signedHeaders('')).send('');
    expect(res.status).toBe(401);
  });

  test('row 8: when the v3 signature or the timestamp header is missing, then 401', async () => {
    const body = JSON.stringify([fresh()]);
    const { 'x-hubspot-signature-v3': _s, ...noSignature } = signedHeaders(body);
    const { 'x-hubspot-request-timestamp': _t, ...noTimestamp } = signedHeaders(body);
    expect((await post(body, noSignature)).status).toBe(401);
    expect((await post(body, noTimestamp)).status).toBe(401);
  });

  test('row 9: when one byte of the body or of the signature is flipped, then 401', async () => {
    const body = JSON.stringify([fresh()]);
    const headers = signedHeaders(body);
    const changes = await delta(async () => {
      expect((await post(body.replace('"object.creation"', '"object.creatioN"'), headers)).status).toBe(401);
      const sig = headers['x-hubspot-signature-v3'] ?? '';
      const flipped = `${sig[0] === 'A' ? 'B' : 'A'}${sig.slice(1)}`;
      expect((await post(body, { ...headers, 'x-hubspot-signature-v3': flipped })).status).toBe(401);
    });
    expect(changes).toEqual(nothing);
  });

  test('row 10: when the signature has the wrong length or is not base64, then 401', async () => {
    const body = JSON.stringify([fresh()]);
    for (const signature of ['abc', 'sha256=abc123', '!'.repeat(44), 'A'.repeat(88)]) {
      expect((await post(body, { ...signedHeaders(body), 'x-hubspot-signature-v3': signature })).status).toBe(401);
    }
  });

  test('row 11: when the timestamp is 301 s off either way, then 401; at 299 s, then 204', async () => {
    for (const [offset, status] of [[-301_000, 401], [301_000, 401], [-299_000, 204], [299_000, 204]] as const) {
      const body = JSON.stringify([fresh()]);
      expect((await post(body, signedHeaders(body, { timestamp: NOW + offset }))).status).toBe(status);
    }
  });

  test('row 12: when the timestamp is non-numeric, in seconds, negative or 1e20, then 401', async () => {
    for (const timestamp of ['soon', String(Math.floor(NOW / 1000)), String(-NOW), '1e20', '100000000000000000000']) {
      const body = JSON.stringify([fresh()]);
      expect((await post(body, signedHeaders(body, { timestamp }))).status).toBe(401);
    }
  });

  test('row 13: when signed for http://, another host, or with a spoofed X-Forwarded-Host, then 401', async () => {
    const body = JSON.stringify([fresh()]);
    expect((await post(body, signedHeaders(body, { baseUrl: 'http://unrobot.example.com' }))).status).toBe(401);
    expect((await post(body, signedHeaders(body, { baseUrl: 'https://evil.example.com' }))).status).toBe(401);
    const spoofed = { ...signedHeaders(body, { baseUrl: 'https://evil.example.com' }), 'x-forwarded-host': 'evil.example.com', 'x-forwarded-proto': 'https' };
    expect((await post(body, spoofed)).status).toBe(401);
  });

  test('row 14: when only v1/v2 signature headers are present, then 401', async () => {
    const body = JSON.stringify([fresh()]);
    const res = await post(body, { 'content-type': 'application/json', 'x-hubspot-signature': 'a'.repeat(64), 'x-hubspot-signature-version': 'v2' });
    expect(res.status).toBe(401);
  });

  test('row 15: when signed with the previous secret, then 204 while it is configured and 401 once removed', async () => {
    const body = JSON.stringify([fresh()]);
    expect((await post(body, signedHeaders(body, { secret: OLD_SECRET }))).status).toBe(204);
    const rotated = createApp({ config: loadConfig({ PUBLIC_BASE_URL, HUBSPOT_CLIENT_SECRET: TEST_SECRET, ...staticTokenEnv() }), log, store: t.store, clock });
    const again = JSON.stringify([fresh()]);
    expect((await request(rotated).post(WEBHOOK_PATH).set(signedHeaders(again, { secret: OLD_SECRET })).send(again)).status).toBe(401);
  });

  test('row 16: when a delivery is replayed exactly, then 204 and no new event or job', async () => {
    const body = JSON.stringify([fresh()]);
    expect((await post(body)).status).toBe(204);
    const changes = await delta(async () => { expect((await post(body)).status).toBe(204); });
    expect(changes).toEqual({ ...nothing, deliveries: 1 });
  });

  test('row 17: when HubSpot retries with attemptNumber 1, a new timestamp and signature, then it dedupes to the first event', async () => {
    const event = fresh();
    expect((await post(JSON.stringify([event]))).status).toBe(204);
    clock.advance(60_000);
    const retry = JSON.stringify([{ ...event, attemptNumber: 1 }]);
    const changes = await delta(async () => { expect((await post(retry, signedHeaders(retry, { timestamp: NOW + 60_000 }))).status).toBe(204); });
    expect(changes).toEqual({ ...nothing, deliveries: 1 });
  });

  test('row 18: when the same eventId comes under two subscriptionIds, then both are stored with a job each', async () => {
    const event = fresh();
    const body = JSON.stringify([event, { ...event, subscriptionId: 99 }]);
    const changes = await delta(async () => { expect((await post(body)).status).toBe(204); });
    expect(changes).toEqual({ ...nothing, deliveries: 1, events: 2, jobs: 2 });
  });

  test('row 19: when the signature is valid but the JSON is malformed, then 204 and the raw delivery is quarantined', async () => {
    const body = '[{"eventId": 1,';
    const changes = await delta(async () => { expect((await post(body)).status).toBe(204); });
    expect(changes).toEqual({ ...nothing, deliveries: 1, quarantinedDeliveries: 1 });
    const [row] = await t.db.query<{ body: Uint8Array; reason: string }>(`select body, reason from webhook_deliveries where status = 'quarantined' order by received_at desc limit 1`);
    expect(Buffer.from(row?.body ?? []).toString()).toBe(body);
  });

  test('row 20: when the body is an object or an event has wrong types, then 204 and it is quarantined', async () => {
    const object = JSON.stringify(fresh());
    const changes = await delta(async () => {
      expect((await post(object)).status).toBe(204);
      expect((await post(JSON.stringify([fresh({ occurredAt: 'yesterday', portalId: true })]))).status).toBe(204);
    });
    expect(changes).toEqual({ ...nothing, deliveries: 2, quarantinedDeliveries: 1, quarantined: 1 });
  });

  test('row 21: when the batch is [], then 204 and no jobs', async () => {
    const changes = await delta(async () => { expect((await post('[]')).status).toBe(204); });
    expect(changes).toEqual({ ...nothing, deliveries: 1 });
  });

  test('row 22: when 100 events arrive with one bad objectId, then 99 are stored and enqueued and 1 is quarantined', async () => {
    const events = Array.from({ length: 100 }, (_, i) => fresh(i === 42 ? { objectId: 'abc' } : { objectId: 700_000 + i }));
    const changes = await delta(async () => { expect((await post(JSON.stringify(events))).status).toBe(204); });
    expect(changes).toEqual({ ...nothing, deliveries: 1, events: 99, jobs: 99, quarantined: 1 });
    const [bad] = await t.db.query<{ position: number; portal_id: string }>('select position, portal_id from quarantined_events order by id desc limit 1');
    expect(bad).toEqual({ position: 42, portal_id: '145883449' });
  });

  test('row 23: when more than 100 events arrive, then all are accepted', async () => {
    const events = Array.from({ length: 150 }, () => fresh());
    const changes = await delta(async () => { expect((await post(JSON.stringify(events))).status).toBe(204); });
    expect(changes).toEqual({ ...nothing, deliveries: 1, events: 150, jobs: 150 });
  });

  test('row 24: when the subscription type is unknown or the object is not a task, then 204, stored as ignored, no job', async () => {
    const body = JSON.stringify([fresh({ subscriptionType: 'object.somethingNew' }), fresh({ objectTypeId: '0-1' }), { ...fixtureContact(), eventId: (nextEventId += 1) }]);
    const changes = await delta(async () => { expect((await post(body)).status).toBe(204); });
    expect(changes).toEqual({ ...nothing, deliveries: 1, events: 3, ignored: 3 });
  });

  test('row 25: when events carry extra unknown fields, then they are processed normally', async () => {
    const body = JSON.stringify([fresh({ brandNewField: { nested: [1, 2] }, isSensitive: true })]);
    const changes = await delta(async () => { expect((await post(body)).status).toBe(204); });
    expect(changes).toEqual({ ...nothing, deliveries: 1, events: 1, jobs: 1 });
  });

  test('row 26: when the portal has no active install, then 204, stored as orphan, no job', async () => {
    const installsOnly = createApp({ config, log, store: t.store, clock, knownPortals: async () => new Set(['1']) });
    const body = JSON.stringify([fresh()]);
    const changes = await delta(async () => { expect((await request(installsOnly).post(WEBHOOK_PATH).set(signedHeaders(body)).send(body)).status).toBe(204); });
    expect(changes).toEqual({ ...nothing, deliveries: 1, events: 1, orphans: 1 });
  });

  test('row 27: when the body has __proto__ or constructor.prototype keys, then it is quarantined and Object.prototype stays clean', async () => {
    const changes = await delta(async () => {
      expect((await post('[{"__proto__": {"polluted": 1}, "eventId": 1}]')).status).toBe(204);
      expect((await post('[{"constructor": {"prototype": {"polluted": 1}}}]')).status).toBe(204);
    });
    expect(changes).toEqual({ ...nothing, deliveries: 2, quarantinedDeliveries: 2 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('row 28: when objectId is above 2^53, then it is kept exact in the event and the job', async () => {
    const body = `[${JSON.stringify(fresh()).replace('"objectId":180584432881', '"objectId":9007199254740993')}]`;
    expect(body).toContain('9007199254740993');
    expect((await post(body)).status).toBe(204);
    const [row] = await t.db.query<{ object_id: string }>(`select object_id from webhook_events where object_id = '9007199254740993'`);
    expect(row?.object_id).toBe('9007199254740993');
    const [job] = await t.db.query<{ object_id: string }>(`select data->>'objectId' as object_id from pgboss.job where data->>'objectId' = '9007199254740993'`);
    expect(job?.object_id).toBe('9007199254740993');
  });
});

function fixtureContact(): Record<string, unknown> {
  return { eventId: 60775291, subscriptionId: 6527595, portalId: 48975575, occurredAt: 1782371969536, subscriptionType: 'contact.creation', objectId: 508369434347, attemptNumber: 0 };
}
