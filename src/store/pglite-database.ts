/**
 * The embedded engine: PGlite (PostgreSQL compiled to WASM) persisted under a directory.
 * One connection for one process: two processes must never open the same directory.
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { PGlite, type PGliteOptions, type Transaction } from '@electric-sql/pglite';
import { fromPglite } from 'pg-boss';
import { toBossDb, type SqlDatabase, type SqlExecutor } from './sql-database.ts';
import { hasDatabase } from './pglite-initdb.ts';

const INITDB_ENTRY = fileURLToPath(new URL('./pglite-initdb.ts', import.meta.url));

/** Runs initdb for an empty directory in a child process (see pglite-initdb.ts for why). */
async function initdbInChild(dataDir: string): Promise<void> {
  const child = spawn(process.execPath, [INITDB_ENTRY, dataDir], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
  const code = await new Promise<number | null>((resolve, reject) => { child.once('error', reject); child.once('exit', resolve); });
  if (code !== 0) throw new Error(`PGlite initdb of ${dataDir} failed (exit ${code}): ${stderr.trim()}`);
}

function executorOf(target: PGlite | Transaction): Omit<SqlExecutor, 'bossDb'> & { execRows(sql: string): Promise<object[]> } {
  return {
    query: async <T extends object>(sql: string, params?: unknown[]) => (await target.query<T>(sql, params)).rows,
    exec: async (sql: string) => { await target.exec(sql); },
    execRows: async (sql: string) => (await target.exec(sql)).flatMap((result) => result.rows as object[]),
  };
}

/**
 * PGlite's postgresql.conf (written into the data directory at every start). PGlite's default
 * `shared_buffers = 128MB` lives inside the WASM heap and is touched at start: 16 MB took ≈ 100 MB
 * off the service's RSS idle and under load, 4 MB another ≈ 9 MB, at ≈ 5 % more CPU per 100-event
 * request and none measurable per 1-event request on a shared 2-core machine (README, Performance:
 * memory). The working set of an install that runs on PGlite (new events, their jobs, the right
 * edge of their indexes) is small; a larger one belongs on PostgreSQL.
 */
export const PGLITE_POSTGRESQL_CONF: readonly string[] = ['shared_buffers = 4MB', 'work_mem = 1MB'];

export interface PgliteDatabaseOptions {
  /** postgresql.conf lines; default {@link PGLITE_POSTGRESQL_CONF}. */
  postgresqlConf?: readonly string[];
  /**
   * A data directory to start from (a `dumpDataDir()` tarball) instead of running initdb: tests
   * clone one prepared template per database. Only for a `memory://` database.
   */
  loadDataDir?: Blob;
  /**
   * Let V8 recompile PGlite's WASM with TurboFan (its default). Off by default: the tier-up of
   * PostgreSQL's ≈ 10 MB of WASM holds ≈ 50 MB of compiler memory for the life of the process and
   * peaks above 550 MB RSS while it runs; Liftoff's code alone keeps the service ≈ 55 MB lower
   * with no measurable ingest cost (README, Performance: memory).
   */
  wasmTierUp?: boolean;
}

/**
 * Liftoff only, for every WASM module compiled from now on in this process (PGlite; undici's
 * llhttp is already compiled at start). V8 reads these flags when it compiles a module, so they
 * hold when set before the first `PGlite.create`.
 */
function keepWasmOnLiftoff(): void {
  setFlagsFromString('--no-wasm-tier-up');
  setFlagsFromString('--no-wasm-dynamic-tiering');
}

/** Opens (creating if needed) a PGlite database; `memory://` keeps it in memory (tests). */
export async function createPgliteDatabase(dataDir: string, options: PgliteDatabaseOptions = {}): Promise<SqlDatabase> {
  if (!dataDir.startsWith('memory://')) {
    mkdirSync(dataDir, { recursive: true });
    if (!hasDatabase(dataDir)) await initdbInChild(dataDir);
  }
  if (options.wasmTierUp !== true) keepWasmOnLiftoff();
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
