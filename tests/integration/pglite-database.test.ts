/**
 * PGlite's postgresql.conf: the small shared_buffers that keeps the WASM heap at its minimum is
 * what a database opened by createPgliteDatabase runs with, on disk as in memory, and a caller can
 * still choose its own settings.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPgliteDatabase } from '../../src/store/pglite-database.ts';
import type { SqlDatabase } from '../../src/store/sql-database.ts';

async function settings(db: SqlDatabase): Promise<{ shared_buffers: string; work_mem: string }> {
  const [row] = await db.query<{ shared_buffers: string; work_mem: string }>(
    `select current_setting('shared_buffers') as shared_buffers, current_setting('work_mem') as work_mem`);
  if (row === undefined) throw new Error('no settings row');
  return row;
}

describe('createPgliteDatabase', () => {
  test('when a database is opened in memory, then it runs with shared_buffers 4MB and work_mem 1MB', async () => {
    const db = await createPgliteDatabase('memory://');
    try {
      expect(await settings(db)).toEqual({ shared_buffers: '4MB', work_mem: '1MB' });
    } finally {
      await db.close();
    }
  });

  test('when a directory is reopened with other settings, then the new settings apply', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'unrobot-pglite-conf-'));
    try {
      const first = await createPgliteDatabase(join(dir, 'data'));
      expect((await settings(first)).shared_buffers).toBe('4MB');
      await first.close();
      const second = await createPgliteDatabase(join(dir, 'data'), { postgresqlConf: ['shared_buffers = 32MB'] });
      try {
        expect((await settings(second)).shared_buffers).toBe('32MB');
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
