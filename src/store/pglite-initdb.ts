/**
 * Creates a PGlite data directory in a process of its own (`node src/store/pglite-initdb.ts DIR`):
 * PGlite runs initdb in the process that first opens an empty directory, and the second WASM
 * instance, the initdb module and the data-directory dump that this takes stay resident in that
 * process's malloc arenas after they are freed (≈ 160 MB of RSS for the life of the service). Run
 * here, the service only ever opens an existing directory.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';

/** Whether `dataDir` already holds a database (PostgreSQL writes PG_VERSION at initdb). */
export function hasDatabase(dataDir: string): boolean {
  return existsSync(join(dataDir, 'PG_VERSION'));
}

async function initdb(dataDir: string): Promise<void> {
  mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create(dataDir);
  await pglite.close();
}

const dataDir = process.argv[2];
if (dataDir !== undefined && import.meta.filename === process.argv[1]) {
  initdb(dataDir).then(() => process.exit(0), (error: unknown) => {
    process.stderr.write(`pglite initdb: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
