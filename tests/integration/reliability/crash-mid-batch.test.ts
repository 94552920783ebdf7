/**
 * Crash test (issue 8, RELIABILITY.md §2.4 point 5): the service is SIGKILLed while a 100-event
 * batch is being written. Either all 100 events (and their jobs) were committed, or none; an
 * acknowledged batch is always complete; and HubSpot's retry (attemptNumber 1, new timestamp and
 * signature) after the restart leaves exactly 100 events and 100 jobs. On PostgreSQL the kill
 * fires the moment the inbox transaction is seen open; on PGlite at spread delays.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { applyMigrations } from '../../../src/store/migrations.ts';
import { createPgliteDatabase } from '../../../src/store/pglite-database.ts';
import type { SqlDatabase } from '../../../src/store/sql-database.ts';
import { createPgDatabase } from '../../../src/store/pg-database.ts';
import { WEBHOOK_PATH, signedHeaders, taskCreation } from '../../helpers/hubspot-webhook.ts';
import { createTestDatabase, postgresAvailable } from '../../helpers/postgres.ts';
import { startServiceProcess, type ServiceProcess } from './service-process.ts';
import { seedPgliteDir } from '../../helpers/pglite-template.ts';

function batch(round: number, attemptNumber: number): string {
  return JSON.stringify(Array.from({ length: 100 }, (_, i) =>
    taskCreation({ eventId: 70_000 + round * 1000 + i, objectId: 880_000 + round * 1000 + i, attemptNumber })));
}

async function send(url: string, body: string): Promise<number | 'no-answer'> {
  try {
    const res = await fetch(`${url}${WEBHOOK_PATH}`, { method: 'POST', headers: signedHeaders(body, { timestamp: Date.now() }), body });
    return res.status;
  } catch {
    return 'no-answer';
  }
}

async function started(service: ServiceProcess): Promise<string> {
  const line = await service.waitFor('listening');
  await service.waitFor('ready');
  return String(line.url);
}

async function counts(db: SqlDatabase, round: number) {
  const low = String(70_000 + round * 1000);
  const high = String(70_000 + round * 1000 + 99);
  const events = await db.query<{ n: number }>(
    'select count(*)::int as n from webhook_events where event_id::bigint between $1 and $2', [low, high]);
  const jobs = await db.query<{ n: number; keys: number }>(
    `select count(*)::int as n, count(distinct data->>'eventKey')::int as keys from pgboss.job
      where name = 'task-events' and (data->>'eventId')::bigint between $1 and $2`, [low, high]);
  return { events: events[0]?.n ?? 0, jobs: jobs[0]?.n ?? 0, keys: jobs[0]?.keys ?? 0 };
}

/** Polls PostgreSQL until a session of `database` has an open transaction writing the inbox. */
function watchInboxTransaction(url: string, database: string): { seen: Promise<void>; stop(): void } {
  let stopped = false;
  const seen = (async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      while (!stopped) {
        const { rows } = await client.query<{ n: number }>(
          `select count(*)::int as n from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()
            and xact_start is not null and (query ilike '%webhook_events%' or query ilike '%webhook_deliveries%' or query ilike '%pgboss%job%')`,
          [database]);
        if ((rows[0]?.n ?? 0) > 0) return;
      }
    } finally {
      await client.end();
    }
  })();
  return { seen, stop: () => { stopped = true; } };
}

interface Engine { env: Record<string, string>; open(): Promise<SqlDatabase>; killWhenWriting(send: Promise<unknown>, round: number): Promise<void>; cleanup(): Promise<void> }

async function postgresEngine(): Promise<Engine> {
  const database = await createTestDatabase();
  const name = new URL(database.url).pathname.slice(1);
  return {
    env: { DATABASE_URL: database.url, WORKER: 'off' },
    open: () => createPgDatabase(database.url),
    killWhenWriting: async (sending) => {
      const watch = watchInboxTransaction(database.url, name);
      await Promise.race([watch.seen, sending]);
      watch.stop();
    },
    cleanup: () => database.drop(),
  };
}

async function pgliteEngine(): Promise<Engine> {
  const dir = mkdtempSync(join(tmpdir(), 'unrobot-midbatch-'));
  await seedPgliteDir(dir);
  return {
    env: { DATA_DIR: dir, WORKER: 'off' },
    open: () => createPgliteDatabase(dir),
    killWhenWriting: async (sending, round) => { await Promise.race([new Promise((resolve) => setTimeout(resolve, [2, 8, 20][round % 3])), sending]); },
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

const engines: [string, () => Promise<Engine>, number][] = [['pglite', pgliteEngine, 2]];
if (postgresAvailable) engines.push(['postgres', postgresEngine, 3]);

describe.each(engines)('SIGKILL mid-batch on %s', (_name, makeEngine, rounds) => {
  test('when the service dies while a 100-event batch is written, then all or none was committed, and the retry leaves exactly 100 events and jobs', async () => {
    const engine = await makeEngine();
    const outcomes: string[] = [];
    try {
      for (let round = 0; round < rounds; round += 1) {
        const victim = startServiceProcess(`midbatch-${round}`, engine.env);
        const url = await started(victim);
        const sending = send(url, batch(round, 0));
        await engine.killWhenWriting(sending, round);
        victim.child.kill('SIGKILL');
        await victim.exited;
        const status = await sending;

        const db = await engine.open();
        let after;
        try {
          await applyMigrations(db);
          after = await counts(db, round);
        } finally {
          await db.close();
        }
        expect([0, 100]).toContain(after.events);
        expect(after.jobs).toBe(after.events);
        if (status === 204) expect(after.events).toBe(100);
        outcomes.push(`${status}/${after.events === 0 ? 'none' : 'all'}`);

        // HubSpot retries: a new attempt number, timestamp and signature.
        const restarted = startServiceProcess(`midbatch-retry-${round}`, engine.env);
        const retryUrl = await started(restarted);
        expect(await send(retryUrl, batch(round, 1))).toBe(204);
        restarted.child.kill('SIGTERM');
        expect(await restarted.exited).toBe(0);

        const check = await engine.open();
        try {
          expect(await counts(check, round)).toEqual({ events: 100, jobs: 100, keys: 100 });
        } finally {
          await check.close();
        }
      }
      process.stdout.write(`mid-batch kills on ${_name}: ${outcomes.join(', ')} (status/committed)\n`);
    } finally {
      await engine.cleanup();
    }
  }, 90_000);
});
