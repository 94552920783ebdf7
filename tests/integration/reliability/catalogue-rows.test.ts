/**
 * RELIABILITY.md §4 rows not covered elsewhere: 31 (`contact.privacyDeletion` accepted and
 * stored), 46/47 (database gone or read-only: 503 within 2 s, nothing acknowledged, readiness
 * false), 52 (server clock ±6 min: 401 and the stale-timestamp counter moves;
 * ±4 min accepted), 53 (encryption key missing or malformed at boot: refuse to start).
 */
import { spawnSync } from 'node:child_process';
import request from 'supertest';
import pg from 'pg';
import { createFixedClock } from '../../../src/clock.ts';
import { loadConfig } from '../../../src/config.ts';
import { createApp } from '../../../src/http/create-app.ts';
import { createMetrics } from '../../../src/http/metrics.ts';
import { NOW, PUBLIC_BASE_URL, TEST_SECRET, WEBHOOK_PATH, fixture, signedHeaders, staticTokenEnv, taskCreation } from '../../helpers/hubspot-webhook.ts';
import { createTestDatabase, postgresAvailable } from '../../helpers/postgres.ts';
import { engines, openTestStore, type TestStore } from '../../helpers/stores.ts';
import { createTestLogger } from '../../helpers/test-logger.ts';
import { createBossQueue } from '../../../src/store/boss-queue.ts';
import { applyMigrations } from '../../../src/store/migrations.ts';
import { createPgDatabase } from '../../../src/store/pg-database.ts';
import { createSqlStore } from '../../../src/store/sql-store.ts';
import { FAST_QUEUE } from '../../helpers/stores.ts';

const config = loadConfig({ PUBLIC_BASE_URL, HUBSPOT_CLIENT_SECRET: TEST_SECRET, ...staticTokenEnv() });
const log = createTestLogger();
const MAIN = new URL('../../../src/main.ts', import.meta.url).pathname;
const [pglite] = engines();

describe('intake rows on PGlite', () => {
  let t: TestStore;
  const clock = createFixedClock(NOW);
  const metrics = createMetrics();
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    if (pglite === undefined) throw new Error('PGlite engine missing');
    t = await openTestStore(pglite[1]);
    app = createApp({ config, log, store: t.store, clock, metrics });
  });
  afterAll(async () => { await t.close(); });

  const post = (body: string, timestamp = NOW) => request(app).post(WEBHOOK_PATH).set(signedHeaders(body, { timestamp })).send(body);

  test('row 31: when contact.privacyDeletion arrives, then 204 and it is stored (as ignored, no job) for the hourly purge (privacy-purge.test.ts)', async () => {
    const contact = fixture<Record<string, unknown>>('contact-creation.json');
    const deletion = { ...contact, eventId: 31_031, subscriptionType: 'contact.privacyDeletion', objectId: 31_000_031, occurredAt: NOW };
    const before = await t.queue.countJobs('task-events');
    expect((await post(JSON.stringify([deletion]))).status).toBe(204);
    const rows = await t.db.query<{ subscription_type: string; status: string }>(
      `select subscription_type, status from webhook_events where object_id = '31000031'`);
    expect(rows).toEqual([{ subscription_type: 'contact.privacyDeletion', status: 'ignored' }]);
    expect(await t.queue.countJobs('task-events')).toEqual(before);
  });

  test('row 52: when the server clock is 6 min ahead or behind, then 401 and the stale-timestamp counter moves; at 4 min, then 204', async () => {
    const stale = async () => (await metrics.registry.getSingleMetricAsString('unrobot_webhook_requests_total'))
      .split('\n').filter((line) => line.includes('outcome="signature-stale-timestamp"')).map((line) => Number(line.split(' ').pop())).reduce((a, b) => a + b, 0);
    const before = await stale();
    let eventId = 52_000;
    for (const [skewMinutes, status] of [[6, 401], [-6, 401], [4, 204], [-4, 204]] as const) {
      clock.set(NOW + skewMinutes * 60_000);
      eventId += 1;
      const body = JSON.stringify([taskCreation({ eventId })]);
      expect({ skewMinutes, status: (await post(body)).status }).toEqual({ skewMinutes, status });
    }
    clock.set(NOW);
    expect(await stale()).toBe(before + 2);
  });
});

const maybe = postgresAvailable ? describe : describe.skip;
maybe('database trouble on PostgreSQL (rows 46/47)', () => {
  test('when the database turns read-only or is gone, then webhooks get 503 within 2 s, nothing is stored, and /readyz is not ready', async () => {
    const database = await createTestDatabase();
    const name = new URL(database.url).pathname.slice(1);
    const db = await createPgDatabase(database.url, { max: 3 });
    await applyMigrations(db);
    const queue = createBossQueue(db, FAST_QUEUE, () => undefined);
    await queue.start();
    const app = createApp({ config, log, store: createSqlStore(db, queue), clock: createFixedClock(NOW) });
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' });
    await admin.connect();
    try {
      const timed = async (eventId: number) => {
        const body = JSON.stringify([taskCreation({ eventId })]);
        const started = Date.now();
        const response = await request(app).post(WEBHOOK_PATH).set(signedHeaders(body)).send(body);
        return { status: response.status, ms: Date.now() - started };
      };
      expect((await timed(46_001)).status).toBe(204);

      // Read-only (a full disk or a failed-over replica look the same to the service).
      await admin.query(`alter database ${name} set default_transaction_read_only = on`);
      await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()`, [name]);
      const readOnly = await timed(46_002);
      expect(readOnly.status).toBe(503);
      expect(readOnly.ms).toBeLessThan(2_500);
      const reader = new pg.Client({ connectionString: database.url });
      await reader.connect();
      const stored = await reader.query(`select 1 from webhook_events where event_id = '46002'`);
      await reader.end();
      expect(stored.rowCount).toBe(0);
      const readOnlyReady = await request(app).get('/readyz');
      expect(readOnlyReady.status).toBe(503);
      expect(readOnlyReady.body.checks.database).toBe(false);

      // Gone: the database no longer exists.
      await database.drop();
      const gone = await timed(47_001);
      expect(gone.status).toBe(503);
      expect(gone.ms).toBeLessThan(2_500);
      const ready = await request(app).get('/readyz');
      expect(ready.status).toBe(503);
      expect(ready.body.checks.database).toBe(false);
    } finally {
      await admin.end();
      await queue.stop(500).catch(() => undefined);
      await db.close().catch(() => undefined);
      await database.drop().catch(() => undefined);
    }
  }, 60_000);
});

describe('boot with a bad encryption key (row 53)', () => {
  const boot = (env: Record<string, string>) => spawnSync(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH ?? '', PORT: '0', PUBLIC_BASE_URL, HUBSPOT_CLIENT_SECRET: TEST_SECRET, HUBSPOT_CLIENT_ID: 'client-id-53', ...env },
    encoding: 'utf8', timeout: 30_000,
  });

  test('when OAuth is configured in production without TOKEN_ENCRYPTION_KEY, then the service refuses to start and names the variable', () => {
    const run = boot({ NODE_ENV: 'production' });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/TOKEN_ENCRYPTION_KEY/);
  });

  test('when TOKEN_ENCRYPTION_KEY is malformed (short key, no id), then the service refuses to start in any environment', () => {
    for (const key of ['k1:c2hvcnQ=', 'not-a-keyring']) {
      const run = boot({ NODE_ENV: 'development', TOKEN_ENCRYPTION_KEY: key });
      expect({ key, status: run.status }).toEqual({ key, status: 2 });
      expect(run.stderr).toMatch(/TOKEN_ENCRYPTION_KEY/);
    }
  });
});
