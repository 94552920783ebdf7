/**
 * Uninstall from the settings page (`DELETE /api/v1/install`): HubSpot's app-initiated uninstall
 * with the portal's own token, then the purge of every tenant table (src/oauth/purge-portal.ts),
 * which also deletes the portal's sessions. HubSpot answering 401/404 (or our token being gone
 * already) means the install is gone there: the purge still runs. A 5xx, 429 or timeout purges
 * nothing: the admin is told to try again, so HubSpot never keeps an install we forgot.
 */
import { AppError } from '../errors.ts';
import type { TokenProvider } from '../hubspot/token-provider.ts';
import type { PurgeReport } from '../store/install-store.ts';

export type HubSpotUninstall = 'uninstalled' | 'already-gone';

export interface PortalUninstaller {
  /** Removes the app from the portal in HubSpot, then purges its data here. */
  uninstall(portalId: string): Promise<{ hubspot: HubSpotUninstall; purge: PurgeReport }>;
}

export interface AppUninstallOptions {
  /** `config.hubspot.apiBaseUrl`: https://api.hubapi.com, or the sandbox. */
  apiBaseUrl: string;
  tokens: Pick<TokenProvider, 'getAccessToken'>;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

const GONE_CODES = new Set(['hubspot.not-installed', 'hubspot.revoked', 'hubspot.bad-refresh-token']);

/** `DELETE /appinstalls/v3/external-install` with the portal's token. Throws a retryable AppError (502) when HubSpot may still hold the install. */
export function createAppUninstall(options: AppUninstallOptions): (portalId: string) => Promise<HubSpotUninstall> {
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 10_000;
  return async (portalId) => {
    let token: string;
    try {
      token = await options.tokens.getAccessToken(portalId);
    } catch (error) {
      if (error instanceof AppError && GONE_CODES.has(error.code)) return 'already-gone';
      throw error;
    }
    let response: Response;
    try {
      response = await doFetch(`${options.apiBaseUrl}/appinstalls/v3/external-install`, {
        method: 'DELETE', headers: { authorization: `Bearer ${token}` }, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      throw new AppError(timedOut ? 'hubspot.timeout' : 'hubspot.network', `appInstalls.uninstall: ${timedOut ? 'HubSpot did not answer in time' : 'network error talking to HubSpot'}`, { status: 502, retryable: true, cause: error });
    }
    await response.body?.cancel().catch(() => undefined);
    if (response.ok) return 'uninstalled';
    if (response.status === 401 || response.status === 404) return 'already-gone';
    throw new AppError('hubspot.unavailable', `appInstalls.uninstall: HubSpot answered ${response.status}`, { status: 502, retryable: true, details: { portalId, status: response.status } });
  };
}

export function createPortalUninstaller(deps: { appUninstall: (portalId: string) => Promise<HubSpotUninstall>; purge: (portalId: string) => Promise<PurgeReport> }): PortalUninstaller {
  return {
    async uninstall(portalId) {
      const hubspot = await deps.appUninstall(portalId);
      return { hubspot, purge: await deps.purge(portalId) };
    },
  };
}
