/**
 * One PostgreSQL dialect, two engines. `SqlDatabase` is what the store and the queue adapter
 * need from either engine: single statements with parameters, multi-statement scripts,
 * transactions, a session-level advisory lock and a pg-boss connection.
 */
import type { ConstructorOptions, Db } from 'pg-boss';

export interface QueryOptions {
  prepare?: string;
}

export interface SqlExecutor {
  /**
   * `options.prepare` names a statement the engine may keep prepared per connection (parsed and
   * planned once; the hot intake statement): the same name must always come with the same text.
   */
  query<T extends object = Record<string, unknown>>(sql: string, params?: unknown[], options?: QueryOptions): Promise<T[]>;
  /** Several statements, no parameters (PGlite's `exec`; the simple query protocol on pg). */
  exec(sql: string): Promise<void>;
  /** The same connection, shaped as pg-boss's `db` option, so pg-boss writes join this transaction. */
  readonly bossDb: Db;
}

export interface SqlDatabase extends SqlExecutor {
  readonly engine: 'pglite' | 'postgres';
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  /** Runs `work` on one connection that holds `pg_advisory_lock(key)` (released afterwards). */
  withAdvisoryLock<T>(key: number, work: (conn: SqlExecutor) => Promise<T>): Promise<T>;
  /** How pg-boss should connect to this database. */
  bossOptions(): Pick<ConstructorOptions, 'db' | 'connectionString' | 'max' | 'backend'>;
  close(): Promise<void>;
}

/** Adapts any `query`/`exec` pair to pg-boss's `executeSql` (multi-statement text goes through exec). */
export function toBossDb(
  query: (sql: string, params?: unknown[]) => Promise<object[]>,
  execRows: (sql: string) => Promise<object[]>,
): Db {
  return {
    executeSql: async (text, values) => ({ rows: values && values.length > 0 ? await query(text, values) : await execRows(text) }),
  };
}
