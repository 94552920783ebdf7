/**
 * Crash test (RELIABILITY.md §2.4, row 48): the real service as a child process receives signed
 * batches and is SIGKILLed right after its 204s. After a restart, every acknowledged event is
 * stored, has exactly one job, and ends in exactly one outcome (issue 14's invariant; the tasks
 * do not exist in the sandbox behind it, so each is skipped as `task-deleted`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyMigrations } from '../../src/store/migrations.ts';
import { createPgDatabase } from '../../src/store/pg-database.ts';
import { createPgliteDatabase } from '../../src/store/pglite-database.ts';
import type { SqlDatabase } from '../../src/store/sql-database.ts';
import { createSandbox } from '../../src/sandbox/create-sandbox.ts';
import { readEventOutcomes, settled, violations } from '../helpers/event-outcomes.ts';
import { PUBLIC_BASE_URL, TEST_SANDBOX_PORTAL, TEST_SECRET, WEBHOOK_PATH, signedHeaders, staticTokenEnv, taskCreation } from '../helpers/hubspot-webhook.ts';
import { createTestDatabase, postgresAvailable, type TestDatabase } from '../helpers/postgres.ts';
import { captureChildOutput } from '../helpers/test-logger.ts';
import { seedPgliteDir } from '../helpers/pglite-template.ts';

const MAIN = new URL('../../src/main.ts', import.meta.url).pathname;

interface Service { child: ChildProcess; url: string; exited: Promise<number | null> }

async function startService(env: Record<string, string>): Promise<Service> {
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', PORT: '0', PUBLIC_BASE_URL, HUBSPOT_CLIENT_SECRET: TEST_SECRET,
      JOB_LEASE_SECONDS: '1', JOB_RETRY_DELAY_SECONDS: '1', JOB_SUSPECT_WARMUP_SECONDS: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => { stderr += chunk.toString(); captureChildOutput('crash-service', chunk); });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`service did not start: ${stderr}`)), 20_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      captureChildOutput('crash-service', chunk);
      const match = /"url":"(http:\/\/[^"]+)".*"msg":"listening"/.exec(out);
      if (match?.[1] && out.includes('"msg":"ready"')) { clearTimeout(timer); resolve(match[1]); }
    });
    child.once('exit', () => { clearTimeout(timer); reject(new Error(`service exited early: ${stderr}`)); });
  });
  return { child, url, exited };
}

async function sendBatch(url: string, eventIds: number[]): Promise<number | 'failed'> {
  const body = JSON.stringify(eventIds.map((eventId) => taskCreation({ eventId, objectId: 900_000 + eventId })));
  try {
    const res = await fetch(`${url}${WEBHOOK_PATH}`, { method: 'POST', headers: signedHeaders(body, { timestamp: Date.now() }), body });
    return res.status;
  } catch {
    return 'failed';
  }
}

type Engine = { name: string; setup(): Promise<{ env: Record<string, string>; open(): Promise<SqlDatabase>; cleanup(): Promise<void> }> };

const pgliteEngine: Engine = {
  name: 'pglite',
  setup: async () => {
    const dir = mkdtempSync(join(tmpdir(), 'unrobot-crash-'));
    await seedPgliteDir(dir);
    return { env: { DATA_DIR: dir }, open: () => createPgliteDatabase(dir), cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
  },
};
const postgresEngine: Engine = {
  name: 'postgres',
  setup: async () => {
    const database: TestDatabase = await createTestDatabase();
    return { env: { DATABASE_URL: database.url }, open: () => createPgDatabase(database.url), cleanup: () => database.drop() };
  },
};

describe.each((postgresAvailable ? [pgliteEngine, postgresEngine] : [pgliteEngine]).map((engine) => [engine.name, engine] as const))(
  'crash safety on %s',
  (_name, engine) => {
    test('when the service is SIGKILLed right after its 204s, then after a restart every acknowledged event is stored and ends in exactly one outcome', async () => {
      const setup = await engine.setup();
      const { open } = setup;
      const sandbox = createSandbox({ ...TEST_SANDBOX_PORTAL, app: { clientSecret: TEST_SECRET }, seed: false, rateLimits: false });
      const hubspot = await sandbox.listen(0, '127.0.0.1');
      const env = { ...setup.env, ...staticTokenEnv(hubspot.url) };
      const cleanup = async () => { await hubspot.close(); await setup.cleanup(); };
      try {
        const first = await startService(env);
        const batches = Array.from({ length: 8 }, (_, b) => Array.from({ length: 25 }, (_, i) => 10_000 + b * 100 + i));
        const acknowledged: number[] = [];
        // Fire every batch, and kill the moment the fifth 204 comes back: later batches are cut off mid-flight.
        let acks = 0;
        await Promise.all(batches.map(async (ids) => {
          const status = await sendBatch(first.url, ids);
          if (status === 204) {
            acknowledged.push(...ids);
            acks += 1;
            if (acks === 5) first.child.kill('SIGKILL');
          }
        }));
        first.child.kill('SIGKILL');
        await first.exited;
        expect(acknowledged.length).toBeGreaterThanOrEqual(125);

        // Restart; give the worker time for expired leases and retries, then stop it cleanly.
        const second = await startService(env);
        await new Promise((resolve) => setTimeout(resolve, engine.name === 'pglite' ? 10_000 : 4_000));
        second.child.kill('SIGTERM');
        expect(await second.exited).toBe(0);

        const db = await open();
        try {
          await applyMigrations(db);
          const stored = await db.query<{ event_id: string; event_key: string }>('select event_id, event_key from webhook_events');
          const storedIds = new Set(stored.map((row) => Number(row.event_id)));
          expect(acknowledged.filter((id) => !storedIds.has(id))).toEqual([]);
          const jobs = await db.query<{ key: string; n: number }>(
            `select data->>'eventKey' as key, count(*)::int as n from pgboss.job where name = 'task-events' group by 1`);
          expect(jobs.filter((row) => row.n !== 1)).toEqual([]);
          expect(jobs.length).toBe(stored.length);
          const outcomes = await readEventOutcomes(db);
          expect(outcomes).toHaveLength(stored.length);
          const states = await db.query(`select state, count(*)::int as n from pgboss.job where name = 'task-events' group by 1`);
          expect({ settled: settled(outcomes), states }).toEqual({ settled: true, states });
          expect(violations(outcomes)).toEqual([]);
          expect(new Set(outcomes.flatMap((event) => event.skipReasons))).toEqual(new Set(['task-deleted']));
        } finally {
          await db.close();
        }
      } finally {
        await cleanup();
      }
    }, 60_000);
  },
);
