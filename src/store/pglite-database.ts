/**
 * The embedded engine: PGlite (PostgreSQL compiled to WASM) persisted under a directory.
 * One connection for one process: two processes must never open the same directory.
 */
import { mkdirSync } from 'node:fs';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { fromPglite } from 'pg-boss';
import { toBossDb, type SqlDatabase, type SqlExecutor } from './sql-database.ts';

function executorOf(target: PGlite | Transaction): Omit<SqlExecutor, 'bossDb'> & { execRows(sql: string): Promise<object[]> } {
  return {
    query: async <T extends object>(sql: string, params?: unknown[]) => (await target.query<T>(sql, params)).rows,
    exec: async (sql: string) => { await target.exec(sql); },
    execRows: async (sql: string) => (await target.exec(sql)).flatMap((result) => result.rows as object[]),
  };
}

/** Opens (creating if needed) a PGlite database; `memory://` keeps it in memory (tests). */
export async function createPgliteDatabase(dataDir: string): Promise<SqlDatabase> {
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create(dataDir);
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
