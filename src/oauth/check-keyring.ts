/**
 * RELIABILITY.md row 53: a well-formed but wrong TOKEN_ENCRYPTION_KEY is found at boot, not at the
 * first decryption. For each key id the stored refresh tokens name, up to `sample` rows are tried.
 * A key id the keyring lacks, or a key that opens none of two or more of its rows, or a store
 * where not one of two or more rows opens, makes the check fail: the service refuses to start.
 * One row that does not open among rows that do is a corrupt (or copied) row: it stays the
 * concern of its own portal (flagged "needs re-auth" on first use, or by `npm run reencrypt`).
 * With a single stored token, a wrong key and a corrupt row look the same: the check reports it
 * but lets the service start (that portal alone is affected either way).
 */
import { AppError } from '../errors.ts';
import type { TokenCipher } from '../hubspot/token-cipher.ts';
import type { InstallStore } from '../store/install-store.ts';

export interface KeyringCheck {
  ok: boolean;
  /** Per key id found in stored tokens: rows stored under it, rows tried, rows that opened. */
  keys: { keyId: string; rows: number; tried: number; opened: number; known: boolean }[];
  /** Why the check failed, for the operator (no token text, no portal ids). */
  problems: string[];
}

export async function checkKeyring(
  installs: Pick<InstallStore, 'listCiphertexts'>,
  cipher: TokenCipher,
  options: { knownKeyIds: readonly string[]; sample?: number },
): Promise<KeyringCheck> {
  const sample = options.sample ?? 5;
  const byKey = new Map<string, { portalId: string; ciphertext: string }[]>();
  for (const row of await installs.listCiphertexts()) {
    const keyId = row.ciphertext.split(':')[1] ?? '';
    byKey.set(keyId, [...(byKey.get(keyId) ?? []), row]);
  }
  const keys: KeyringCheck['keys'] = [];
  const problems: string[] = [];
  for (const [keyId, rows] of byKey) {
    const known = options.knownKeyIds.includes(keyId);
    const tried = rows.slice(0, sample);
    let opened = 0;
    for (const { portalId, ciphertext } of tried) {
      try {
        cipher.decrypt(ciphertext, { portalId, purpose: 'refresh-token' });
        opened += 1;
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
      }
    }
    keys.push({ keyId, rows: rows.length, tried: tried.length, opened, known });
    if (keyId !== '' && !known) problems.push(`${rows.length} stored token(s) use key "${keyId}", which TOKEN_ENCRYPTION_KEY does not hold (removed too early?)`);
    else if (known && opened === 0 && tried.length >= 2) problems.push(`key "${keyId}" in TOKEN_ENCRYPTION_KEY opens none of ${tried.length} stored tokens made with it: wrong key material`);
  }
  const totalTried = keys.reduce((sum, key) => sum + key.tried, 0);
  const totalOpened = keys.reduce((sum, key) => sum + key.opened, 0);
  if (problems.length === 0 && totalTried >= 2 && totalOpened === 0) problems.push(`none of ${totalTried} stored tokens opens with TOKEN_ENCRYPTION_KEY`);
  return { ok: problems.length === 0, keys, problems };
}
