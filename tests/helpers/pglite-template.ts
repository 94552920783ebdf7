/**
 * One PGlite initdb per Jest worker instead of one per database: initdb in WASM takes 1–4 s, a
 * copy of its result 0.05–0.4 s. The first database a worker opens builds the template (an
 * initdb'd data directory and its dump) under the run's directory, UNROBOT_TEST_PGLITE_TEMPLATE
 * (made by the global setup, removed by the teardown); each database starts from a copy of it,
 * exactly as fresh (empty, unmigrated) as one that ran initdb itself. A run with no PGlite test
 * (`npm run test:unit`) builds none. Stores and stacks start from a second template, migrated and
 * with pg-boss's schema, as a service's first start leaves a database; the migrations still run on
 * it (and find nothing to do).
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { createBossQueue, DEFAULT_QUEUE_SETTINGS } from '../../src/store/boss-queue.ts';
import { applyMigrations } from '../../src/store/migrations.ts';
import { createPgliteDatabase, PGLITE_POSTGRESQL_CONF, type PgliteDatabaseOptions } from '../../src/store/pglite-database.ts';
import type { SqlDatabase } from '../../src/store/sql-database.ts';

export const TEMPLATE_ENV = 'UNROBOT_TEST_PGLITE_TEMPLATE';

// `postgresqlconf` is a runtime option of PGlite 0.5 that its type declarations do not list.
const PGLITE_OPTIONS = { postgresqlconf: [...PGLITE_POSTGRESQL_CONF] } as PGliteOptions;

/** Opens `dataDir` (running initdb when it is empty) and returns its dump. */
async function openAndDump(dataDir: string): Promise<Blob> {
  const pglite = await PGlite.create(dataDir, PGLITE_OPTIONS);
  try {
    return await pglite.dumpDataDir('none');
  } finally {
    await pglite.close();
  }
}

/**
 * This worker's directory for its templates. Jest gives every test file a fresh module registry,
 * so the templates are kept on disk, where the worker's later files find them ready.
 */
function workerDir(): string {
  const runDir = process.env[TEMPLATE_ENV];
  const dir = runDir === undefined ? mkdtempSync(join(tmpdir(), 'unrobot-pglite-template-')) : join(runDir, `worker-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** The dump named `name` in the worker's directory, built by `build` unless a file of this worker built it already. */
async function kept(name: string, build: (dataDir: string) => Promise<Blob>): Promise<{ dataDir: string; dump: Blob }> {
  const dir = workerDir();
  const dataDir = join(dir, name);
  const tarball = join(dir, `${name}.tar`);
  if (!existsSync(`${tarball}.ready`)) {
    rmSync(dataDir, { recursive: true, force: true });
    writeFileSync(tarball, Buffer.from(await (await build(dataDir)).arrayBuffer()));
    writeFileSync(`${tarball}.ready`, '');
  }
  return { dataDir, dump: new Blob([readFileSync(tarball)]) };
}

let fresh: ReturnType<typeof kept> | undefined;
/** The empty template: initdb's result. */
const freshTemplate = () => (fresh ??= kept('fresh', openAndDump));

let migrated: ReturnType<typeof kept> | undefined;
/** The template with every migration applied and pg-boss's schema and queues created, as a service's first start leaves it. */
const migratedTemplate = () => (migrated ??= kept('migrated', async (dataDir) => {
  await seedPgliteDir(dataDir);
  const db = await createPgliteDatabase(dataDir);
  try {
    await applyMigrations(db);
    const queue = createBossQueue(db, DEFAULT_QUEUE_SETTINGS);
    await queue.start();
    await queue.stop(1_000);
  } finally {
    await db.close();
  }
  return openAndDump(dataDir);
}));

/**
 * In Jest, the worker's templates are made before the first test of any file that imports this
 * module, under a timeout of their own: initdb on a busy machine can outlast a test's 30 s, and a
 * test should not fail for it. A later file of the same worker finds them ready at once.
 */
const TEMPLATE_BUILD_TIMEOUT_MS = 300_000;
if (typeof beforeAll === 'function') {
  beforeAll(async () => { await freshTemplate(); await migratedTemplate(); }, TEMPLATE_BUILD_TIMEOUT_MS);
}

export interface MemoryDatabaseOptions extends Omit<PgliteDatabaseOptions, 'loadDataDir'> {
  /** Start from the migrated template (schema, pg-boss) instead of the empty one. */
  migrated?: boolean;
}

/** A fresh in-memory PGlite database (`memory://`), started from a template. */
export async function openPgliteMemory({ migrated: wanted = false, ...options }: MemoryDatabaseOptions = {}): Promise<SqlDatabase> {
  const { dump } = await (wanted ? migratedTemplate() : freshTemplate());
  return createPgliteDatabase('memory://', { ...options, loadDataDir: dump });
}

/**
 * Fills `dataDir` (absent or empty) with a copy of the empty template, so that PGlite, the test's
 * or a child service's, opens it without running initdb. Returns `dataDir`.
 */
export async function seedPgliteDir(dataDir: string): Promise<string> {
  cpSync((await freshTemplate()).dataDir, dataDir, { recursive: true });
  return dataDir;
}
