/**
 * Key rotation (issue 8, T10): `npm run reencrypt` against the configured database and keyring.
 * Tokens saved under the old key are rewritten under the new one; a row that no longer decrypts
 * flags only its portal; a second run finds nothing to do; then the old key can be dropped.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { createTokenCipher } from '../../../src/hubspot/token-cipher.ts';
import { applyMigrations } from '../../../src/store/migrations.ts';
import { createPgliteDatabase } from '../../../src/store/pglite-database.ts';
import { createSqlInstallStore } from '../../../src/store/sql-install-store.ts';
import { runReencrypt } from '../../../scripts/reencrypt.ts';
import { seedPgliteDir } from '../../helpers/pglite-template.ts';

const NOW = Date.parse('2026-03-02T09:00:00Z');
const oldKey = { id: 'k2025', key: randomBytes(32) };
const newKey = { id: 'k2026', key: randomBytes(32) };
const keyring = (...keys: { id: string; key: Buffer }[]) => keys.map(({ id, key }) => `${id}:${key.toString('base64')}`).join(',');
let dir: string;

async function withInstalls<T>(work: (installs: ReturnType<typeof createSqlInstallStore>) => Promise<T>): Promise<T> {
  const db = await createPgliteDatabase(dir);
  try {
    await applyMigrations(db);
    return await work(createSqlInstallStore(db));
  } finally {
    await db.close();
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'unrobot-reencrypt-'));
  await seedPgliteDir(dir);
  const before = createTokenCipher([oldKey]);
  await withInstalls(async (installs) => {
    for (const portalId of ['1001', '2002']) {
      await installs.saveInstall({ portalId, refreshTokenCiphertext: before.encrypt(`na1-refresh-${portalId}`, { portalId, purpose: 'refresh-token' }), scopes: ['oauth'], userId: '7', email: null, at: NOW });
    }
    // Portal 3003's row was copied from 1001's: the portal id is bound as AAD, so it cannot decrypt.
    const [copied] = (await installs.listCiphertexts()).filter((row) => row.portalId === '1001');
    await installs.saveInstall({ portalId: '3003', refreshTokenCiphertext: copied?.ciphertext ?? '', scopes: ['oauth'], userId: '7', email: null, at: NOW });
  });
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('when npm run reencrypt runs with the new key first, then old-key tokens move to the new key, the copied row flags only its portal, and the old key can then be dropped', async () => {
  const env = { NODE_ENV: 'test', DATA_DIR: dir, LOG_LEVEL: 'silent', TOKEN_ENCRYPTION_KEY: keyring(newKey, oldKey) };
  expect(await runReencrypt(env)).toEqual({ scanned: 3, reencrypted: 2, raced: 0, undecryptable: 1 });
  expect(await runReencrypt(env)).toMatchObject({ reencrypted: 0, undecryptable: 0 });

  const onlyNew = createTokenCipher([newKey]);
  await withInstalls(async (installs) => {
    for (const portalId of ['1001', '2002']) {
      const row = (await installs.listCiphertexts()).find((r) => r.portalId === portalId);
      expect(onlyNew.decrypt(row?.ciphertext ?? '', { portalId, purpose: 'refresh-token' })).toBe(`na1-refresh-${portalId}`);
    }
    expect(await installs.getInstall('3003')).toMatchObject({ status: 'revoked', statusReason: 'undecryptable' });
    expect(await installs.getInstall('1001')).toMatchObject({ status: 'active' });
  });
}, 60_000);

test('when the keyring is missing, then the CLI exits 2 with a message naming TOKEN_ENCRYPTION_KEY, and package.json runs it as npm run reencrypt', () => {
  const script = new URL('../../../scripts/reencrypt.ts', import.meta.url).pathname;
  const run = spawnSync(process.execPath, [script], { env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', DATA_DIR: dir }, encoding: 'utf8', timeout: 30_000 });
  expect(run.status).toBe(2);
  expect(run.stderr).toContain('TOKEN_ENCRYPTION_KEY');
  const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> };
  expect(pkg.scripts.reencrypt).toBe('node scripts/reencrypt.ts');
});
