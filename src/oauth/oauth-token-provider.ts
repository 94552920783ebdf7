/**
 * The {@link TokenProvider} for OAuth installs (RELIABILITY.md T9, rows 43, 44, 53): access
 * tokens in memory only, refreshed at least 5 minutes before they expire, one refresh in flight
 * per portal, and a refused refresh (or an undecryptable row) marks the install revoked so every
 * later call fails at once without a HubSpot call. Single flight is per process: replicas each
 * refresh on their own, which HubSpot allows (refresh tokens are reusable).
 */
import type { Clock } from '../clock.ts';
import { AppError } from '../errors.ts';
import type { OAuthClient, TokenGrant } from '../hubspot/oauth-tokens.ts';
import type { TokenCipher } from '../hubspot/token-cipher.ts';
import type { TokenProvider } from '../hubspot/token-provider.ts';
import type { Logger } from '../logger.ts';
import type { InstallStore } from '../store/install-store.ts';

/** Refresh when this little lifetime remains (T9: "refresh when ≤ 5 min remain"). */
export const REFRESH_MARGIN_MS = 5 * 60_000;

export interface OAuthTokenProvider extends TokenProvider {
  /** Caches the access token of a fresh install, so the first job needs no refresh. */
  remember(portalId: string, grant: Pick<TokenGrant, 'accessToken' | 'expiresInSeconds'>): void;
  /** Drops the cached access token (uninstall, revocation seen elsewhere). */
  forget(portalId: string): void;
}

export interface OAuthTokenProviderDeps {
  installs: InstallStore;
  cipher: TokenCipher;
  oauthClient: Pick<OAuthClient, 'refresh'>;
  clock: Clock;
  log: Logger;
}

interface CachedToken {
  token: string;
  expiresAt: number;
}

export function createOAuthTokenProvider(deps: OAuthTokenProviderDeps): OAuthTokenProvider {
  const { installs, cipher, oauthClient, clock, log } = deps;
  const cache = new Map<string, CachedToken>();
  const inFlight = new Map<string, Promise<string>>();

  const revoked = (portalId: string, reason: string): AppError =>
    new AppError('hubspot.revoked', `HubSpot access for portal ${portalId} is revoked (${reason}); an admin must reinstall the app`, {
      status: 401, details: { portalId, reason },
    });

  const markRevoked = async (portalId: string, reason: string): Promise<AppError> => {
    cache.delete(portalId);
    if (await installs.markRevoked(portalId, reason, clock.now())) log.warn({ portalId, reason }, 'portal needs re-auth: its jobs pause until it reinstalls');
    return revoked(portalId, reason);
  };

  const refresh = async (portalId: string): Promise<string> => {
    const install = await installs.getInstall(portalId);
    if (install === undefined) {
      throw new AppError('hubspot.not-installed', 'the app is not installed in this portal', { status: 404, details: { portalId } });
    }
    const stored = install.refreshTokenCiphertext;
    if (install.status === 'revoked' || stored === null) throw revoked(portalId, install.statusReason ?? 'revoked');
    let refreshToken: string;
    try {
      refreshToken = cipher.decrypt(stored, { portalId, purpose: 'refresh-token' });
    } catch (error) {
      log.error({ portalId, code: error instanceof AppError ? error.code : 'unknown' }, 'stored refresh token does not decrypt');
      throw await markRevoked(portalId, 'undecryptable');
    }
    let grant: TokenGrant;
    try {
      grant = await oauthClient.refresh(refreshToken);
    } catch (error) {
      if (error instanceof AppError && error.code === 'hubspot.bad-refresh-token') throw await markRevoked(portalId, 'bad-refresh-token');
      throw error;
    }
    if (grant.hubId !== undefined && grant.hubId !== portalId) {
      throw await markRevoked(portalId, 'token-portal-mismatch');
    }
    const now = clock.now();
    cache.set(portalId, { token: grant.accessToken, expiresAt: now + grant.expiresInSeconds * 1000 });
    if (grant.refreshToken !== refreshToken) {
      await installs.replaceRefreshToken(portalId, stored, cipher.encrypt(grant.refreshToken, { portalId, purpose: 'refresh-token' }), now);
    }
    log.debug({ portalId, expiresInSeconds: grant.expiresInSeconds }, 'access token refreshed');
    return grant.accessToken;
  };

  return {
    getAccessToken(portalId) {
      const cached = cache.get(portalId);
      if (cached !== undefined && cached.expiresAt - clock.now() > REFRESH_MARGIN_MS) return Promise.resolve(cached.token);
      const pending = inFlight.get(portalId);
      if (pending !== undefined) return pending;
      const started = refresh(portalId).finally(() => inFlight.delete(portalId));
      inFlight.set(portalId, started);
      return started;
    },
    async invalidate(portalId, token) {
      if (cache.get(portalId)?.token === token) cache.delete(portalId);
    },
    activePortals: () => installs.activePortals(),
    remember(portalId, grant) {
      cache.set(portalId, { token: grant.accessToken, expiresAt: clock.now() + grant.expiresInSeconds * 1000 });
    },
    forget(portalId) {
      cache.delete(portalId);
    },
  };
}

/**
 * Several providers as one: the first that knows a portal answers (a static `HUBSPOT_ACCESS_TOKEN`
 * portal first, then OAuth installs). `hubspot.not-installed` from one provider means "ask the next".
 */
export function createCompositeTokenProvider(providers: readonly TokenProvider[]): TokenProvider {
  return {
    async getAccessToken(portalId) {
      let last: unknown = new AppError('hubspot.not-installed', 'the app is not installed in this portal', { status: 404, details: { portalId } });
      for (const provider of providers) {
        try {
          return await provider.getAccessToken(portalId);
        } catch (error) {
          if (!(error instanceof AppError && error.code === 'hubspot.not-installed')) throw error;
          last = error;
        }
      }
      throw last;
    },
    async invalidate(portalId, token) {
      await Promise.all(providers.map((provider) => provider.invalidate(portalId, token)));
    },
    async activePortals() {
      const lists = await Promise.all(providers.map((provider) => provider.activePortals()));
      return [...new Set(lists.flat())].sort();
    },
  };
}
