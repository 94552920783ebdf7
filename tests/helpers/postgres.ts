/**
 * A fresh, uniquely named PostgreSQL database per test file, on the server at TEST_DATABASE_URL
 * (default: the local server). When no server answers, PostgreSQL tests are skipped locally but
 * FAIL when REQUIRE_POSTGRES=1 or CI=true, so CI can never pass without them.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The server's admin database URL (TEST_DATABASE_URL, default the local server). */
export const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REQUIRED = process.env.REQUIRE_POSTGRES === '1' || process.env.CI === 'true';

async function serverAnswers(): Promise<boolean> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch (error) {
    if (REQUIRED) throw new Error(`PostgreSQL is required (REQUIRE_POSTGRES=1 or CI=true) but ${ADMIN_URL} does not answer: ${String(error)}`);
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Whether PostgreSQL-backed tests run in this process (throws when required and missing). */
export const postgresAvailable: boolean = await serverAnswers();

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates an empty database named `unrobot_test_<random>`; `drop()` removes it (forcing out connections). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `unrobot_test_${randomBytes(6).toString('hex')}`;
  await admin((client) => client.query(`create database ${name}`));
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => admin((client) => client.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
  };
}
