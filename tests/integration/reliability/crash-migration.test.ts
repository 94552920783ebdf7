/**
 * Crash test (issue 8, RELIABILITY.md §2.4): two replicas start at once against a fresh
 * PostgreSQL database and one is SIGKILLed while it migrates. After a restart the schema is
 * complete and every version is recorded exactly once. Bounded: 3 rounds, kill points spread over
 * the migration window.
 */
import pg from 'pg';
import { MIGRATIONS } from '../../../src/store/migrations.ts';
import { createTestDatabase, postgresAvailable } from '../../helpers/postgres.ts';
import { startServiceProcess } from './service-process.ts';

const maybe = postgresAvailable ? describe : describe.skip;

async function inspect(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const versions = (await client.query<{ version: number; n: number }>('select version, count(*)::int as n from schema_migrations group by version order by version')).rows;
    const tables = (await client.query<{ name: string | null }>(
      `select to_regclass(t) as name from unnest(array['webhook_deliveries','webhook_events','quarantined_events','processed_events','pgboss.job']) as t`)).rows;
    return { versions, tables: tables.map((row) => row.name) };
  } finally {
    await client.end();
  }
}

/** Polls until some session of `database` holds an advisory lock (the migration lock), i.e. a migration is running. */
async function migrationRunning(adminUrl: string, database: string, ms = 20_000): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      const { rows } = await client.query<{ n: number }>(
        `select count(*)::int as n from pg_locks l join pg_database d on d.oid = l.database
          where l.locktype = 'advisory' and l.granted and d.datname = $1`, [database]);
      if ((rows[0]?.n ?? 0) > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    throw new Error('no migration lock seen');
  } finally {
    await client.end();
  }
}

maybe('crash during migration on postgres', () => {
  test.each([[0], [30], [120]])('when two replicas start together and are SIGKILLed %i ms after the migration lock is taken, then two restarted replicas finish and every version is applied exactly once', async (delayMs) => {
    const database = await createTestDatabase();
    const name = new URL(database.url).pathname.slice(1);
    try {
      const env = { DATABASE_URL: database.url, WORKER: 'off' };
      const first = [startServiceProcess(`migrate-a-${delayMs}`, env), startServiceProcess(`migrate-b-${delayMs}`, env)];
      await migrationRunning(database.url, name);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      for (const service of first) service.child.kill('SIGKILL');
      await Promise.all(first.map((service) => service.exited));
      const finishedBeforeKill = first.some((service) => service.lines().some((line) => line.msg === 'migrations applied'));
      if (delayMs === 0) expect(finishedBeforeKill).toBe(false);
      const partial = await inspect(database.url).catch(() => ({ versions: [], tables: [] }));
      process.stdout.write(`kill at +${delayMs} ms: ${partial.versions.length}/${MIGRATIONS.length} versions committed before the kill\n`);

      const second = [startServiceProcess(`migrate-c-${delayMs}`, env), startServiceProcess(`migrate-d-${delayMs}`, env)];
      await Promise.all(second.map((service) => service.waitFor('ready')));
      for (const service of second) service.child.kill('SIGTERM');
      expect(await Promise.all(second.map((service) => service.exited))).toEqual([0, 0]);

      const { versions, tables } = await inspect(database.url);
      expect(versions.map((row) => row.version)).toEqual(MIGRATIONS.map((migration) => migration.version).sort((a, b) => a - b));
      expect(versions.every((row) => row.n === 1)).toBe(true);
      expect(tables.every((table) => table !== null)).toBe(true);
    } finally {
      await database.drop();
    }
  }, 60_000);
});
