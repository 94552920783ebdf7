/**
 * RELIABILITY.md row 33 at the intake: exotic Unicode in `propertyValue` (emoji, ZWJ sequences,
 * the RTL override U+202E, combining marks) is stored and read back byte-exact, on both engines.
 * Lone surrogates and NUL cannot be stored in PostgreSQL text or jsonb: defined behaviour, each is
 * replaced by U+FFFD in the stored event (the raw body keeps the original bytes) and the batch is
 * accepted (it used to fail whole with 503, so HubSpot would retry it for 24 h and drop it).
 */
import request from 'supertest';
import type { Express } from 'express';
import { createFixedClock } from '../../../src/clock.ts';
import { loadConfig } from '../../../src/config.ts';
import { createApp } from '../../../src/http/create-app.ts';
import { NOW, PUBLIC_BASE_URL, TEST_SECRET, WEBHOOK_PATH, signedHeaders, taskCreation, staticTokenEnv } from '../../helpers/hubspot-webhook.ts';
import { engines, openTestStore, type TestStore } from '../../helpers/stores.ts';
import { createTestLogger } from '../../helpers/test-logger.ts';

const config = loadConfig({ PUBLIC_BASE_URL, HUBSPOT_CLIENT_SECRET: TEST_SECRET, ...staticTokenEnv() });
const log = createTestLogger();

const EXOTIC = {
  emoji: 'Follow up 🤝🏽 with 🇩🇪 client',
  zwj: 'Family 👨‍👩‍👧‍👦 and 🏳️‍🌈 and 🧑🏿‍💻',
  rtl: 'Call \u202Eevil.exe\u202C now \u2067مرحبا\u2069',
  combining: 'Ze\u0301ro Ame\u0301lie n\u0303 Z̸̢͓͈̀a̴l̷g̶o̵',
  astral: '𝔘𝔫𝔯𝔬𝔟𝔬𝔱 𐍈 𠜎',
};

describe.each(engines())('exotic Unicode through the intake on %s', (_engine, openDatabase) => {
  let t: TestStore;
  let app: Express;
  let nextEventId = 70_000;
  beforeAll(async () => {
    t = await openTestStore(openDatabase);
    app = createApp({ config, log, store: t.store, clock: createFixedClock(NOW) });
  });
  afterAll(async () => { await t.close(); });

  const change = (propertyValue: string) => taskCreation({ eventId: (nextEventId += 1), subscriptionType: 'object.propertyChange', propertyName: 'hs_task_subject', propertyValue });
  const post = (body: string) => request(app).post(WEBHOOK_PATH).set(signedHeaders(body)).send(body);
  const stored = async (eventId: number) => (await t.db.query<{ property_value: string | null; status: string }>(
    `select property_value, status from webhook_events where event_id = $1`, [String(eventId)]))[0];

  test.each(Object.entries(EXOTIC))('when propertyValue holds %s text, then it is stored and read back byte-exact', async (_name, value) => {
    const event = change(value);
    expect((await post(JSON.stringify([event]))).status).toBe(204);
    const row = await stored(event.eventId as number);
    expect(Buffer.from(row?.property_value ?? '', 'utf8').equals(Buffer.from(value, 'utf8'))).toBe(true);
    expect(row?.property_value).toBe(value);
  });

  test('when a batch carries NUL or lone surrogates, then 204: every event is stored, each such character replaced by U+FFFD, the raw body kept byte-exact', async () => {
    const values = ['before\u0000after', 'lone \uD800 high', 'lone \uDFFF low', 'pair \uD83E\uDD1D ok', 'reversed \uDD1D\uD83E'];
    const good = change(EXOTIC.zwj);
    const events = [...values.map(change), good, taskCreation({ eventId: (nextEventId += 1), changeSource: 'CRM\u0000UI\uD800' })];
    const body = JSON.stringify(events);
    expect((await post(body)).status).toBe(204);
    const rows = await Promise.all(events.map((event) => stored(event.eventId as number)));
    expect(rows.map((row) => row?.property_value ?? null)).toEqual([
      'before\uFFFDafter', 'lone \uFFFD high', 'lone \uFFFD low', 'pair 🤝 ok', 'reversed \uFFFD\uFFFD', EXOTIC.zwj, null]);
    expect(rows.every((row) => row !== undefined)).toBe(true);
    const [delivery] = await t.db.query<{ body: Uint8Array }>(
      `select d.body from webhook_deliveries d join webhook_events e on e.delivery_id = d.id where e.event_id = $1`, [String(good.eventId)]);
    expect(Buffer.from(delivery?.body ?? []).equals(Buffer.from(body, 'utf8'))).toBe(true);
    // HubSpot's retry of the same batch (attemptNumber bumped) dedupes to the same events.
    const retry = JSON.stringify(events.map((event) => ({ ...event, attemptNumber: 1 })));
    const before = await t.db.query<{ n: number }>('select count(*)::int as n from webhook_events');
    expect((await post(retry)).status).toBe(204);
    expect(await t.db.query<{ n: number }>('select count(*)::int as n from webhook_events')).toEqual(before);
  });
});
