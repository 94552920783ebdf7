/**
 * Key rotation without downtime: put the new key first in TOKEN_ENCRYPTION_KEY and keep the old
 * one after it (every key decrypts, the first encrypts), restart, then run this. It rewrites each
 * refresh token made under an older key; a compare-and-set means a concurrent refresh wins.
 * Once it reports 0 remaining, the old key can be removed.
 */
import type { Clock } from '../clock.ts';
import { AppError } from '../errors.ts';
import type { TokenCipher } from '../hubspot/token-cipher.ts';
import type { Logger } from '../logger.ts';
import type { InstallStore } from '../store/install-store.ts';

export interface ReencryptDeps {
  installs: Pick<InstallStore, 'listCiphertexts' | 'replaceRefreshToken' | 'markRevoked'>;
  cipher: TokenCipher;
  clock: Clock;
  log: Logger;
}

export interface ReencryptReport {
  scanned: number;
  reencrypted: number;
  /** Rows changed by someone else meanwhile (already current). */
  raced: number;
  /** Rows that no longer decrypt: flagged "needs re-auth". */
  undecryptable: number;
}

export async function reencryptInstalls(deps: ReencryptDeps): Promise<ReencryptReport> {
  const report: ReencryptReport = { scanned: 0, reencrypted: 0, raced: 0, undecryptable: 0 };
  for (const { portalId, ciphertext } of await deps.installs.listCiphertexts()) {
    report.scanned += 1;
    let stale: boolean;
    let plaintext: string;
    try {
      stale = deps.cipher.needsReencryption(ciphertext);
      if (!stale) continue;
      plaintext = deps.cipher.decrypt(ciphertext, { portalId, purpose: 'refresh-token' });
    } catch (error) {
      report.undecryptable += 1;
      deps.log.error({ portalId, code: error instanceof AppError ? error.code : 'unknown' }, 'stored refresh token does not decrypt; portal needs re-auth');
      await deps.installs.markRevoked(portalId, 'undecryptable', deps.clock.now());
      continue;
    }
    const next = deps.cipher.encrypt(plaintext, { portalId, purpose: 'refresh-token' });
    if (await deps.installs.replaceRefreshToken(portalId, ciphertext, next, deps.clock.now())) report.reencrypted += 1;
    else report.raced += 1;
  }
  deps.log.info({ ...report }, 'refresh tokens re-encrypted under the current key');
  return report;
}
