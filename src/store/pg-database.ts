/** The server engine: a PostgreSQL server through a `pg` pool (any number of replicas). */
import pg from 'pg';
import { toBossDb, type QueryOptions, type SqlDatabase, type SqlExecutor } from './sql-database.ts';

type Queryable = pg.Pool | pg.PoolClient;

function executorOf(target: Queryable): SqlExecutor {
  const query = async <T extends object>(sql: string, params?: unknown[], options?: QueryOptions) =>
    (options?.prepare === undefined ? await target.query<T>(sql, params) : await target.query<T>({ name: options.prepare, text: sql, values: params ?? [] })).rows;
  const execRows = async (sql: string) => {
    const result = (await target.query(sql)) as unknown as pg.QueryResult | pg.QueryResult[];
    return Array.isArray(result) ? result.flatMap((item) => item.rows as object[]) : (result.rows as object[]);
  };
  return { query, exec: async (sql) => { await target.query(sql); }, bossDb: toBossDb(query, execRows) };
}

export interface PgDatabaseOptions {
  /** Pool size for the store; pg-boss keeps its own small pool. */
  max?: number;
}

export async function createPgDatabase(connectionString: string, options: PgDatabaseOptions = {}): Promise<SqlDatabase> {
  const pool = new pg.Pool({ connectionString, max: options.max ?? 10, application_name: 'unrobot' });
  // An idle client that loses its server must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  const root = executorOf(pool);
  await pool.query('select 1');
  const withClient = async <T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    try {
      return await work(client);
    } finally {
      client.release();
    }
  };
  return {
    engine: 'postgres',
    ...root,
    transaction: (work) =>
      withClient(async (client) => {
        await client.query('begin');
        try {
          const result = await work(executorOf(client));
          await client.query('commit');
          return result;
        } catch (error) {
          await client.query('rollback').catch(() => undefined);
          throw error;
        }
      }),
    withAdvisoryLock: (key, work) =>
      withClient(async (client) => {
        await client.query('select pg_advisory_lock($1)', [key]);
        try {
          return await work(executorOf(client));
        } finally {
          await client.query('select pg_advisory_unlock($1)', [key]);
        }
      }),
    bossOptions: () => ({ connectionString, max: 4, backend: 'postgres' }),
    close: () => pool.end(),
  };
}
