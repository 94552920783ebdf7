/**
 * RELIABILITY.md row 53, the wrong-key half: a TOKEN_ENCRYPTION_KEY that is well-formed but not
 * the key the stored tokens were made with is found at boot (the service as a child process
 * exits 2 naming the variable), while one corrupt row among good ones still lets it start.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { createTokenCipher } from '../../../src/hubspot/token-cipher.ts';
import { checkKeyring } from '../../../src/oauth/check-keyring.ts';
import { applyMigrations } from '../../../src/store/migrations.ts';
import { createPgliteDatabase } from '../../../src/store/pglite-database.ts';
import { createSqlInstallStore } from '../../../src/store/sql-install-store.ts';
import { startServiceProcess } from './service-process.ts';
import { seedPgliteDir } from '../../helpers/pglite-template.ts';

const NOW = Date.parse('2026-03-02T09:00:00Z');
const right = { id: 'k2026', key: randomBytes(32) };
const wrong = { id: 'k2026', key: randomBytes(32) };
const keyring = (...keys: { id: string; key: Buffer }[]) => keys.map(({ id, key }) => `${id}:${key.toString('base64')}`).join(',');
const dirs: string[] = [];

/** A PGlite directory holding installs for `portals` made under `right`; `copyTo` gets a row copied from the first portal. */
async function storeWith(portals: string[], copyTo?: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'unrobot-wrong-key-'));
  await seedPgliteDir(dir);
  dirs.push(dir);
  const db = await createPgliteDatabase(dir);
  try {
    await applyMigrations(db);
    const installs = createSqlInstallStore(db);
    const cipher = createTokenCipher([right]);
    for (const portalId of portals) {
      await installs.saveInstall({ portalId, refreshTokenCiphertext: cipher.encrypt(`na1-refresh-${portalId}`, { portalId, purpose: 'refresh-token' }), scopes: ['oauth'], userId: '7', email: null, at: NOW });
    }
    if (copyTo !== undefined) {
      const [first] = await installs.listCiphertexts();
      await installs.saveInstall({ portalId: copyTo, refreshTokenCiphertext: first?.ciphertext ?? '', scopes: ['oauth'], userId: '7', email: null, at: NOW });
    }
  } finally {
    await db.close();
  }
  return dir;
}

const boot = (dataDir: string, key: string) => startServiceProcess(`wrong-key-${dirs.length}`, {
  DATA_DIR: dataDir, TOKEN_ENCRYPTION_KEY: key, HUBSPOT_CLIENT_ID: 'client-id-53', WORKER: 'off',
});

afterAll(() => { for (const dir of dirs) rmSync(dir, { recursive: true, force: true }); });

describe('boot with a well-formed but wrong encryption key (row 53)', () => {
  let threePortals: string;
  beforeAll(async () => { threePortals = await storeWith(['1001', '2002', '3003']); }, 60_000);

  test('when the key under the stored id is not the one the tokens were made with, then the service exits 2 at boot naming TOKEN_ENCRYPTION_KEY', async () => {
    const service = boot(threePortals, keyring(wrong));
    expect(await service.exited).toBe(2);
    const refused = service.lines().find((line) => line.msg === 'TOKEN_ENCRYPTION_KEY does not open the stored tokens; refusing to start');
    expect(refused).toMatchObject({ problems: [expect.stringMatching(/key "k2026" .* opens none of 3 stored tokens/)] });
    expect(service.lines().some((line) => line.msg === 'ready')).toBe(false);
  }, 60_000);

  test('when the stored tokens name a key id the keyring lacks, then the service exits 2 at boot', async () => {
    const service = boot(threePortals, keyring({ id: 'k2027', key: right.key }));
    expect(await service.exited).toBe(2);
  }, 60_000);

  test('when the right key is configured (also behind a new current key), then the service starts and says the key opens the stored tokens', async () => {
    const service = boot(threePortals, keyring({ id: 'k2027', key: randomBytes(32) }, right));
    const opened = await service.waitFor('TOKEN_ENCRYPTION_KEY opens the stored tokens', 40_000);
    expect(opened).toMatchObject({ keys: [{ keyId: 'k2026', rows: 3, tried: 3, opened: 3, known: true }] });
    await service.waitFor('ready', 40_000);
    service.child.kill('SIGTERM');
    expect(await service.exited).toBe(0);
  }, 60_000);

  test('when one row among good ones is corrupt (copied from another portal), then the service still starts', async () => {
    const service = boot(await storeWith(['1001', '2002'], '3003'), keyring(right));
    expect(await service.waitFor('TOKEN_ENCRYPTION_KEY opens the stored tokens', 40_000)).toMatchObject({ keys: [{ rows: 3, tried: 3, opened: 2 }] });
    await service.waitFor('ready', 40_000);
    service.child.kill('SIGTERM');
    expect(await service.exited).toBe(0);
  }, 60_000);
});

describe('checkKeyring', () => {
  const rows = (cipher: ReturnType<typeof createTokenCipher>, portals: string[]) => ({
    listCiphertexts: async () => portals.map((portalId) => ({ portalId, ciphertext: cipher.encrypt('t', { portalId, purpose: 'refresh-token' }) })),
  });

  test('when no token is stored, then the check passes', async () => {
    expect(await checkKeyring({ listCiphertexts: async () => [] }, createTokenCipher([wrong]), { knownKeyIds: ['k2026'] })).toEqual({ ok: true, keys: [], problems: [] });
  });

  test('when a single stored token does not open, then the check passes (that portal alone is affected) and reports it', async () => {
    const check = await checkKeyring(rows(createTokenCipher([right]), ['1']), createTokenCipher([wrong]), { knownKeyIds: ['k2026'] });
    expect(check).toMatchObject({ ok: true, keys: [{ keyId: 'k2026', rows: 1, tried: 1, opened: 0 }] });
  });

  test('when rows under an old key do not open but rows under the current key do, then the check fails naming the old key', async () => {
    const old = { id: 'k2025', key: randomBytes(32) };
    const stored = [...await rows(createTokenCipher([old]), ['1', '2']).listCiphertexts(), ...await rows(createTokenCipher([right]), ['3']).listCiphertexts()];
    const check = await checkKeyring({ listCiphertexts: async () => stored }, createTokenCipher([right, { id: 'k2025', key: randomBytes(32) }]), { knownKeyIds: ['k2026', 'k2025'] });
    expect(check.ok).toBe(false);
    expect(check.problems).toEqual([expect.stringContaining('key "k2025"')]);
  });
});
