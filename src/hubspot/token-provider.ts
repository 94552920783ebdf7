/**
 * Where a portal's current access token comes from. The pipeline, the poller and the settings
 * routes ask this port; the static-token provider (one portal, `HUBSPOT_ACCESS_TOKEN`) and the
 * OAuth provider (many portals, encrypted refresh tokens, single-flight refresh) implement it.
 */
import { AppError } from '../errors.ts';

export interface TokenProvider {
  /**
   * A token valid for at least the next few minutes. Throws `AppError` with code
   * `hubspot.not-installed` (no install for that portal) or `hubspot.revoked` (refresh refused:
   * the portal's jobs must pause, not retry); both are not retryable.
   */
  getAccessToken(portalId: string): Promise<string>;
  /**
   * Called after HubSpot answered 401 for `token`: drops it so the next call refreshes
   * (once, single-flight). Static tokens cannot refresh: the provider marks the portal revoked.
   */
  invalidate(portalId: string, token: string): Promise<void>;
  /** Portals this provider can act for right now (installed, not revoked). */
  activePortals(): Promise<string[]>;
}

/** A single private-app / static token for one portal (`HUBSPOT_ACCESS_TOKEN` + `HUBSPOT_PORTAL_ID`). */
export function createStaticTokenProvider(portalId: string, accessToken: string): TokenProvider {
  let revoked = false;
  return {
    async getAccessToken(requested) {
      if (requested !== portalId) {
        throw new AppError('hubspot.not-installed', 'no HubSpot token is configured for this portal', { status: 404, details: { portalId: requested } });
      }
      if (revoked) {
        throw new AppError('hubspot.revoked', 'HubSpot rejected the configured access token; set a valid HUBSPOT_ACCESS_TOKEN and restart', {
          details: { portalId },
        });
      }
      return accessToken;
    },
    async invalidate(requested, token) {
      if (requested === portalId && token === accessToken) revoked = true;
    },
    async activePortals() {
      return revoked ? [] : [portalId];
    },
  };
}
