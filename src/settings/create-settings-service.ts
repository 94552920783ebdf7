/**
 * Wires the settings feature: the API router, the page router, the sign-in hook for the OAuth
 * login callback, and the store-backed `SettingsSource` for the worker.
 */
import express, { type RequestHandler } from 'express';
import type { Clock } from '../clock.ts';
import type { Logger } from '../logger.ts';
import type { SqlDatabase } from '../store/sql-database.ts';
import { createLoginHook, createSettingsPageRouter } from './settings-page.ts';
import type { PreviewHubSpot } from './preview.ts';
import { createSettingsApiRouter } from './settings-router.ts';
import { createSessions, type Sessions } from './sessions.ts';
import { createSettingsStore, type SettingsStore } from './settings-store.ts';
import type { PortalUninstaller } from './uninstall.ts';

export interface SettingsServiceDeps {
  db: SqlDatabase;
  clock: Clock;
  log: Logger;
  config: { publicBaseUrl: string; demo: boolean; hubspot: { clientSecrets: readonly string[] } };
  /** HubSpot for the preview, once the pipeline's clients exist; the preview reads stored events until then. */
  preview?: () => PreviewHubSpot | undefined;
  /** `DELETE /api/v1/install`; wired when OAuth installs exist (src/admin-wiring.ts). */
  uninstaller?: PortalUninstaller;
}

export interface SettingsService {
  /** Mount on the app: `/settings`, `/settings/assets/*`, `/api/v1/*`. */
  router: express.Router;
  /** The OAuth login callback's `onLogin`: creates the session and redirects to `/settings`. */
  onLogin: ReturnType<typeof createLoginHook>;
  /** Settings per portal, for the worker, the poller and the preview. */
  store: SettingsStore;
  sessions: Sessions;
}

export function createSettingsService(deps: SettingsServiceDeps): SettingsService {
  const store = createSettingsStore(deps.db);
  const sessions = createSessions(deps.db, deps.clock);
  const router = express.Router();
  router.use(createSettingsPageRouter({ sessions, publicBaseUrl: deps.config.publicBaseUrl }));
  router.use(createSettingsApiRouter({ db: deps.db, store, sessions, clock: deps.clock, log: deps.log, config: deps.config, ...(deps.preview && { preview: deps.preview }), ...(deps.uninstaller && { uninstaller: deps.uninstaller }) }));
  return { router, onLogin: createLoginHook({ sessions, store, clock: deps.clock }), store, sessions };
}

/**
 * The settings routes for an app that listens before its database is open (src/main.ts):
 * 503 until `current()` returns the service, then the service's router.
 */
export function settingsWhenReady(current: () => SettingsService | undefined): RequestHandler {
  return (req, res, next) => {
    const service = current();
    if (service) { service.router(req, res, next); return; }
    if (req.path === '/settings' || req.path.startsWith('/settings/') || req.path.startsWith('/api/v1/')) {
      res.status(503).setHeader('Retry-After', '5');
      res.json({ error: { code: 'internal', message: 'The service is starting; try again in a few seconds.' } });
      return;
    }
    next();
  };
}
