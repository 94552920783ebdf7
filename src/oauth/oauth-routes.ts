/**
 * `GET /oauth/install`, `GET /oauth/login` and `GET /oauth/callback`. Thin: each calls one
 * use-case function and renders a page. The callback URL carries `?code=`: query strings never
 * reach a log line here (and the app's request serializer drops them too).
 */
import { Router, type Request, type Response } from 'express';
import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import { AppError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { OAuthStateStore } from '../store/oauth-state-store.ts';
import { APP_SCOPES } from './app-scopes.ts';
import { issueState, safeReturnTo, STATE_TTL_MS } from './authorization-state.ts';
import { completeAuthorization, type CompleteAuthorizationDeps, type LoginIdentity } from './complete-authorization.ts';
import { renderPage } from './oauth-pages.ts';

/** Called at the end of a login callback; it owns the session and must answer (usually a redirect to `identity.returnTo`). */
export type OnLogin = (req: Request, res: Response, identity: LoginIdentity) => void | Promise<void>;

export interface OAuthRouteDeps extends Omit<CompleteAuthorizationDeps, 'redirectUri' | 'states'> {
  config: { publicBaseUrl: string; hubspot: Pick<Config['hubspot'], 'clientId' | 'oauthBaseUrl'> };
  states: OAuthStateStore;
  clock: Clock;
  log: Logger;
  onLogin?: OnLogin;
  scopes?: readonly string[];
}

/** Cookie names: `__Host-` needs Secure, which plain-http localhost development cannot have. */
export function stateCookieName(publicBaseUrl: string): string {
  return publicBaseUrl.startsWith('https:') ? '__Host-unrobot-oauth' : 'unrobot-oauth';
}

function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index > 0 && part.slice(0, index).trim() === name) return part.slice(index + 1).trim();
  }
  return undefined;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

export function createOAuthRouter(deps: OAuthRouteDeps): Router {
  const router = Router();
  const redirectUri = `${deps.config.publicBaseUrl}/oauth/callback`;
  const secure = deps.config.publicBaseUrl.startsWith('https:');
  const cookieName = stateCookieName(deps.config.publicBaseUrl);
  const cookieAttributes = `Path=/; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
  const log = deps.log.child({ component: 'oauth' });

  const page = (res: Response, status: number, title: string, message: string, link?: { href: string; label: string }) => {
    res.status(status).type('html').set('cache-control', 'no-store').send(renderPage(title, message, link));
  };

  const start = (purpose: 'install' | 'login') => async (req: Request, res: Response) => {
    const clientId = deps.config.hubspot.clientId;
    if (clientId === undefined) return page(res, 503, 'OAuth is not configured', 'Set HUBSPOT_CLIENT_ID (and HUBSPOT_CLIENT_SECRET) to install Unrobot with HubSpot OAuth.');
    const returnTo = purpose === 'login' ? safeReturnTo(req.query.returnTo) : null;
    const { state, binding } = await issueState(deps.states, deps.clock, purpose, returnTo);
    const url = new URL(`${deps.config.hubspot.oauthBaseUrl}/oauth/authorize`);
    url.searchParams.set('client_id', clientId);
    url.searchParams.set('redirect_uri', redirectUri);
    url.searchParams.set('scope', (deps.scopes ?? APP_SCOPES).join(' '));
    url.searchParams.set('state', state);
    res.set('cache-control', 'no-store');
    res.append('set-cookie', `${cookieName}=${binding}; Max-Age=${STATE_TTL_MS / 1000}; ${cookieAttributes}`);
    res.redirect(302, url.toString());
  };

  router.get('/oauth/install', start('install'));
  router.get('/oauth/login', start('login'));

  router.get('/oauth/callback', async (req, res) => {
    res.set('referrer-policy', 'no-referrer');
    res.append('set-cookie', `${cookieName}=; Max-Age=0; ${cookieAttributes}`);
    const input = { state: text(req.query.state), binding: readCookie(req, cookieName), code: text(req.query.code), error: text(req.query.error) };
    try {
      const outcome = await completeAuthorization({ ...deps, redirectUri, log }, input);
      if (outcome.purpose === 'login') {
        if (deps.onLogin === undefined) return page(res, 501, 'Signed in, but no session', 'This service has no settings session handler; nothing else to do here.');
        return await deps.onLogin(req, res, outcome.identity);
      }
      page(res, 200, outcome.reinstalled ? 'Unrobot is reinstalled' : 'Unrobot is installed',
        `Unrobot now reads new tasks in HubSpot account ${outcome.identity.portalId} and posts reflection cards on the client's timeline.`,
        { href: '/settings', label: 'Open the settings' });
    } catch (error) {
      const known = error instanceof AppError ? error : undefined;
      log.warn({ code: known?.code ?? 'internal', reason: known?.details?.reason, status: known?.status }, 'oauth callback refused');
      if (known?.code === 'oauth.bad-state') return page(res, 400, 'This sign-in link cannot be used', `${known.message}. Start again from the install or sign-in button.`, { href: '/oauth/install', label: 'Start again' });
      if (known?.code === 'oauth.denied') return page(res, 400, 'Access was not granted', `${known.message}. An admin (super admin or App Marketplace access) can try again.`, { href: '/oauth/install', label: 'Try again' });
      if (known?.code === 'oauth.bad-code') return page(res, 400, 'HubSpot refused the sign-in', known.message, { href: '/oauth/install', label: 'Start again' });
      page(res, 502, 'HubSpot could not complete the sign-in', 'Nothing was stored. Please try again in a minute.', { href: '/oauth/install', label: 'Try again' });
    }
  });

  return router;
}
