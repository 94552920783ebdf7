/**
 * The embedded engine: PGlite (PostgreSQL compiled to WASM) persisted under a directory.
 * One connection for one process: two processes must never open the same directory.
 */
import { mkdirSync } from 'node:fs';
import { PGlite, type PGliteOptions, type Transaction } from '@electric-sql/pglite';
import { fromPglite } from 'pg-boss';
import { toBossDb, type SqlDatabase, type SqlExecutor } from './sql-database.ts';

function executorOf(target: PGlite | Transaction): Omit<SqlExecutor, 'bossDb'> & { execRows(sql: string): Promise<object[]> } {
  return {
    query: async <T extends object>(sql: string, params?: unknown[]) => (await target.query<T>(sql, params)).rows,
    exec: async (sql: string) => { await target.exec(sql); },
    execRows: async (sql: string) => (await target.exec(sql)).flatMap((result) => result.rows as object[]),
  };
}

/**
 * PGlite's postgresql.conf (written into the data directory at every start). PGlite's default
 * `shared_buffers = 128MB` lives inside the WASM heap; 16 MB takes ≈ 100 MB off the service's RSS
 * idle and under load with no measurable ingest cost (README, Performance: PGlite memory).
 */
export const PGLITE_POSTGRESQL_CONF: readonly string[] = ['shared_buffers = 16MB', 'work_mem = 1MB'];

export interface PgliteDatabaseOptions {
  /** postgresql.conf lines; default {@link PGLITE_POSTGRESQL_CONF}. */
  postgresqlConf?: readonly string[];
  /**
   * A data directory to start from (a `dumpDataDir()` tarball) instead of running initdb: tests
   * clone one prepared template per database. Only for a `memory://` database.
   */
  loadDataDir?: Blob;
}

/** Opens (creating if needed) a PGlite database; `memory://` keeps it in memory (tests). */
export async function createPgliteDatabase(dataDir: string, options: PgliteDatabaseOptions = {}): Promise<SqlDatabase> {
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  // `postgresqlconf` is a runtime option of PGlite 0.5 that its type declarations do not list.
  const pgliteOptions = {
    postgresqlconf: [...(options.postgresqlConf ?? PGLITE_POSTGRESQL_CONF)],
    ...(options.loadDataDir && { loadDataDir: options.loadDataDir }),
  } as PGliteOptions;
  const pglite = await PGlite.create(dataDir, pgliteOptions);
  const root = executorOf(pglite);
  const bossDb = fromPglite(pglite);
  return {
    engine: 'pglite',
    query: root.query,
    exec: root.exec,
    bossDb,
    transaction: (work) =>
      pglite.transaction(async (tx) => {
        const inner = executorOf(tx);
        return work({ query: inner.query, exec: inner.exec, bossDb: toBossDb(inner.query, inner.execRows) });
      }),
    // A single connection owned by this process: the lock only guards against re-entry.
    withAdvisoryLock: async (key, work) => {
      await pglite.query('select pg_advisory_lock($1)', [key]);
      try {
        return await work({ query: root.query, exec: root.exec, bossDb });
      } finally {
        await pglite.query('select pg_advisory_unlock($1)', [key]);
      }
    },
    bossOptions: () => ({ db: bossDb, backend: 'pglite' }),
    close: async () => { if (!pglite.closed) await pglite.close(); },
  };
}
