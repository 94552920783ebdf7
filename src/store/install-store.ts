/**
 * The installs port: one row per HubSpot portal that installed the app over OAuth, with its
 * encrypted refresh token, scopes, installing user and status. The OAuth routes write it, the
 * OAuth token provider reads it, and uninstall purges the portal through it.
 */

export type InstallStatus = 'active' | 'revoked';

export interface InstallRecord {
  portalId: string;
  /** `token-cipher` ciphertext (purpose `refresh-token`); null once the portal needs a reinstall. */
  refreshTokenCiphertext: string | null;
  scopes: string[];
  /** The HubSpot user who installed (the portal's first admin). */
  installedByUserId: string | null;
  installedByEmail: string | null;
  /** Epoch milliseconds of the latest install. */
  installedAt: number;
  status: InstallStatus;
  /** Why the install is revoked (`bad-refresh-token`, `undecryptable`, `uninstalled`, …). */
  statusReason: string | null;
}

export interface SaveInstallInput {
  portalId: string;
  refreshTokenCiphertext: string;
  scopes: readonly string[];
  userId: string | null;
  email: string | null;
  at: number;
}

/** What an uninstall removed, per table (row counts only: nothing personal). */
export interface PurgeReport {
  portalId: string;
  deleted: Record<string, number>;
}

export interface InstallStore {
  /** Creates or replaces the install and clears any revoked flag (a reinstall resumes the portal). */
  saveInstall(input: SaveInstallInput): Promise<{ reinstalled: boolean }>;
  getInstall(portalId: string): Promise<InstallRecord | undefined>;
  /** Portals installed and not revoked. */
  activePortals(): Promise<string[]>;
  /** Drops the refresh token and flags the portal "needs re-auth"; true when it was active. */
  markRevoked(portalId: string, reason: string, at: number): Promise<boolean>;
  /** Compare-and-set of the stored ciphertext (refresh-token rotation, re-encryption); true when replaced. */
  replaceRefreshToken(portalId: string, expected: string, next: string, at: number): Promise<boolean>;
  /** Every stored refresh-token ciphertext, for key rotation. */
  listCiphertexts(): Promise<{ portalId: string; ciphertext: string }[]>;
  /** Deletes the portal's tokens and every tenant row, in one transaction, keeping one audit row. */
  purgePortal(portalId: string, at: number): Promise<PurgeReport>;
}
