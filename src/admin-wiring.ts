/**
 * Wires who may act for a portal: the token providers (a static token and/or OAuth installs)
 * and the routes people use — OAuth install/login and the settings page and API. The app
 * listens before the database opens, so the routes are attached once it is ready.
 */
import type { RequestHandler } from 'express';
import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import { createOAuthClient } from './hubspot/oauth-tokens.ts';
import { createTokenCipher } from './hubspot/token-cipher.ts';
import { createStaticTokenProvider, type TokenProvider } from './hubspot/token-provider.ts';
import type { Logger } from './logger.ts';
import { createOAuthRouter, type OAuthRouteDeps } from './oauth/oauth-routes.ts';
import { createCompositeTokenProvider, createOAuthTokenProvider, type OAuthTokenProvider } from './oauth/oauth-token-provider.ts';
import { purgePortal } from './oauth/purge-portal.ts';
import type { SettingsService } from './settings/create-settings-service.ts';
import { createAppUninstall, createPortalUninstaller, type PortalUninstaller } from './settings/uninstall.ts';
import { createSqlOAuthStateStore } from './store/oauth-state-store.ts';
import { createSqlInstallStore } from './store/sql-install-store.ts';
import type { SqlDatabase } from './store/sql-database.ts';

export interface PortalAccess {
  /** Undefined when neither a static token nor OAuth is configured: the pipeline cannot run. */
  tokens: TokenProvider | undefined;
  /** The OAuth routes' dependencies, when OAuth is configured (client id, secret, encryption key). */
  oauth: Omit<OAuthRouteDeps, 'onLogin' | 'onInstalled'> | undefined;
  /** The OAuth token provider itself, so an uninstall drops the portal's cached access token. */
  oauthTokens?: Pick<OAuthTokenProvider, 'forget'>;
}

/** Builds the token providers: the static token first, then OAuth installs. */
export function createPortalAccess(config: Config, db: SqlDatabase, clock: Clock, log: Logger): PortalAccess {
  const providers: TokenProvider[] = [];
  const { accessToken, portalId, clientId, clientSecrets } = config.hubspot;
  if (accessToken !== undefined && portalId !== undefined) providers.push(createStaticTokenProvider(portalId, accessToken));
  let oauth: PortalAccess['oauth'];
  let oauthTokens: OAuthTokenProvider | undefined;
  const clientSecret = clientSecrets[0];
  if (clientId !== undefined && clientSecret !== undefined && config.tokenEncryptionKeys !== undefined) {
    const installs = createSqlInstallStore(db);
    const cipher = createTokenCipher(config.tokenEncryptionKeys);
    const oauthClient = createOAuthClient({ apiBaseUrl: config.hubspot.apiBaseUrl, clientId, clientSecret });
    const tokens = createOAuthTokenProvider({ installs, cipher, oauthClient, clock, log: log.child({ component: 'oauth' }) });
    providers.push(tokens);
    oauthTokens = tokens;
    oauth = { config, states: createSqlOAuthStateStore(db), installs, cipher, oauthClient, tokens, clock, log };
  }
  return { tokens: providers.length === 0 ? undefined : createCompositeTokenProvider(providers), oauth, ...(oauthTokens && { oauthTokens }) };
}

/**
 * `DELETE /api/v1/install`: HubSpot's app-initiated uninstall with the portal's token, then the
 * purge. Only with OAuth installs: a static token has no install to remove.
 */
export function createUninstaller(config: Config, access: PortalAccess): PortalUninstaller | undefined {
  const { oauth, tokens, oauthTokens } = access;
  if (oauth === undefined || tokens === undefined) return undefined;
  return createPortalUninstaller({
    appUninstall: createAppUninstall({ apiBaseUrl: config.hubspot.apiBaseUrl, tokens }),
    purge: (portalId) => purgePortal({ installs: oauth.installs, ...(oauthTokens && { tokens: oauthTokens }), clock: oauth.clock, log: oauth.log }, portalId),
  });
}

export interface AdminRoutes {
  /** Mount on the app before the database opens; answers 503 on its paths until attached. */
  handler: RequestHandler;
  attach(settings: SettingsService, oauth: OAuthRouteDeps | undefined): void;
}

const ADMIN_PATH = /^\/(settings|api\/v1|oauth)(\/|$)/;

export function createAdminRoutes(): AdminRoutes {
  let routes: RequestHandler[] | undefined;
  return {
    handler(req, res, next) {
      if (routes === undefined) {
        if (!ADMIN_PATH.test(req.path)) { next(); return; }
        res.status(503).setHeader('Retry-After', '5');
        res.json({ error: { code: 'internal', message: 'The service is starting; try again in a few seconds.' } });
        return;
      }
      const [first, second] = routes;
      first?.(req, res, (error?: unknown) => (error !== undefined || !second ? next(error) : second(req, res, next)));
    },
    attach(settings, oauth) {
      routes = oauth === undefined ? [settings.router] : [settings.router, createOAuthRouter(oauth)];
    },
  };
}
