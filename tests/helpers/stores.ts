/**
 * The store and queue on each engine, for integration tests that must pass on both:
 * `describe.each(engines())('on %s', (_name, open) => …)`.
 */
import type { BossQueue, QueueSettings } from '../../src/store/boss-queue.ts';
import { createBossQueue } from '../../src/store/boss-queue.ts';
import { applyMigrations } from '../../src/store/migrations.ts';
import { createPgDatabase } from '../../src/store/pg-database.ts';
import type { Store } from '../../src/store/ports.ts';
import type { SqlDatabase } from '../../src/store/sql-database.ts';
import { createSqlStore, type SqlStoreOptions } from '../../src/store/sql-store.ts';
import { openPgliteMemory } from './pglite-template.ts';
import { createTestDatabase, postgresAvailable } from './postgres.ts';

/** Fast settings for tests: short lease, quick retries, few attempts. */
export const FAST_QUEUE: QueueSettings = {
  attempts: 3,
  retryDelaySeconds: 1,
  retryDelayMaxSeconds: 1,
  leaseSeconds: 1,
  superviseIntervalSeconds: 1,
  suspectWarmupSeconds: 0,
};

export interface TestStore {
  db: SqlDatabase;
  queue: BossQueue;
  store: Store;
  close(): Promise<void>;
}

/**
 * Opens a fresh database. `migrated` is a hint the engine may take: PGlite then starts from the
 * migrated template (the caller's migrations find nothing left to do); PostgreSQL ignores it.
 */
export type OpenDatabase = (options?: { migrated?: boolean }) => Promise<{ db: SqlDatabase; dispose(): Promise<void> }>;

const openPglite: OpenDatabase = async (options = {}) => {
  const db = await openPgliteMemory(options);
  return { db, dispose: () => db.close() };
};

const openPostgres: OpenDatabase = async () => {
  const database = await createTestDatabase();
  const db = await createPgDatabase(database.url, { max: 5 });
  return { db, dispose: async () => { await db.close(); await database.drop(); } };
};

/** The engines available here: PGlite always, PostgreSQL when a server answers (required in CI). */
export function engines(): [string, OpenDatabase][] {
  return postgresAvailable ? [['pglite', openPglite], ['postgres', openPostgres]] : [['pglite', openPglite]];
}

export interface OpenStoreOptions extends SqlStoreOptions {
  queue?: QueueSettings;
}

/** Opens a migrated store with a started queue on a fresh database of the given engine. */
export async function openTestStore(open: OpenDatabase, options: OpenStoreOptions = {}): Promise<TestStore> {
  const { db, dispose } = await open({ migrated: true });
  await applyMigrations(db);
  const queue = createBossQueue(db, options.queue ?? FAST_QUEUE);
  await queue.start();
  const store = createSqlStore(db, queue, options);
  return {
    db, queue, store,
    close: async () => { await queue.stop(1000).catch(() => undefined); await dispose(); },
  };
}
