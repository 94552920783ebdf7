/**
 * One PGlite initdb per Jest worker instead of one per database: initdb in WASM takes 1–4 s, a
 * copy of its result 0.05–0.4 s. The first database a worker opens builds the template (an
 * initdb'd data directory and its tarball) under the run's directory, UNROBOT_TEST_PGLITE_TEMPLATE
 * (made by the global setup, removed by the teardown); each database starts from a copy of it,
 * exactly as fresh (empty, unmigrated) as one that ran initdb itself. A run with no PGlite test
 * (`npm run test:unit`) builds none.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { createPgliteDatabase, PGLITE_POSTGRESQL_CONF, type PgliteDatabaseOptions } from '../../src/store/pglite-database.ts';
import type { SqlDatabase } from '../../src/store/sql-database.ts';

export const TEMPLATE_ENV = 'UNROBOT_TEST_PGLITE_TEMPLATE';

const dataDirOf = (root: string) => join(root, 'data');
const tarballOf = (root: string) => join(root, 'data.tar');

/** Runs initdb once under `root`: `root/data` (a data directory) and `root/data.tar` (its dump). */
export async function buildPgliteTemplate(root: string): Promise<void> {
  const pglite = await PGlite.create(dataDirOf(root), { postgresqlconf: [...PGLITE_POSTGRESQL_CONF] } as object);
  const dump = await pglite.dumpDataDir('none');
  await pglite.close();
  writeFileSync(tarballOf(root), Buffer.from(await dump.arrayBuffer()));
}

let built: Promise<string> | undefined;
/** This process's template, built on first use (outside Jest's global setup: in a temporary directory). */
function templateRoot(): Promise<string> {
  built ??= (async () => {
    const runDir = process.env[TEMPLATE_ENV];
    const root = runDir === undefined ? mkdtempSync(join(tmpdir(), 'unrobot-pglite-template-')) : join(runDir, `worker-${process.pid}`);
    mkdirSync(root, { recursive: true });
    await buildPgliteTemplate(root);
    return root;
  })();
  return built;
}

let tarball: Promise<Blob> | undefined;

/** A fresh in-memory PGlite database (`memory://`), started from the template. */
export async function openPgliteMemory(options: Omit<PgliteDatabaseOptions, 'loadDataDir'> = {}): Promise<SqlDatabase> {
  tarball ??= templateRoot().then((root) => new Blob([readFileSync(tarballOf(root))]));
  return createPgliteDatabase('memory://', { ...options, loadDataDir: await tarball });
}

/**
 * Fills `dataDir` (absent or empty) with a copy of the template, so that PGlite, the test's or a
 * child service's, opens it without running initdb. Returns `dataDir`.
 */
export async function seedPgliteDir(dataDir: string): Promise<string> {
  cpSync(dataDirOf(await templateRoot()), dataDir, { recursive: true });
  return dataDir;
}
