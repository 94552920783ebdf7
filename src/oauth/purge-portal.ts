/**
 * Uninstall: delete a portal's tokens and purge its data from every tenant table, keeping one
 * audit row without personal data. The settings API's `DELETE /api/v1/install` calls this with
 * the portal of the session; a CLI can call it with a portal id.
 */
import type { Clock } from '../clock.ts';
import type { Logger } from '../logger.ts';
import type { InstallStore, PurgeReport } from '../store/install-store.ts';
import type { OAuthTokenProvider } from './oauth-token-provider.ts';

export interface PurgePortalDeps {
  installs: Pick<InstallStore, 'purgePortal'>;
  /** Drops the in-memory access token too, when this process holds one. */
  tokens?: Pick<OAuthTokenProvider, 'forget'>;
  clock: Clock;
  log: Logger;
}

export async function purgePortal(deps: PurgePortalDeps, portalId: string): Promise<PurgeReport> {
  if (!/^\d{1,20}$/.test(portalId)) throw new TypeError('portalId must be a HubSpot portal (hub) id');
  deps.tokens?.forget(portalId);
  const report = await deps.installs.purgePortal(portalId, deps.clock.now());
  deps.log.info({ portalId, deleted: report.deleted }, 'portal uninstalled and its data purged');
  return report;
}
