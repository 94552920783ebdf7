/**
 * OAuth as HubSpot runs it: the authorize page (an app.hubspot.com page in reality; here it
 * approves at once and redirects with `code` and `state`), token exchange and refresh on
 * `/oauth/v1/token` and `/oauth/2026-03/token` (also `/oauth/v3/token`), expiring access tokens,
 * token info and revocation. https://developers.hubspot.com/docs/api-reference/auth-oauth-v1/guide
 */
import { randomUUID } from 'node:crypto';
import express, { Router, type Request, type Response } from 'express';
import { DEFAULT_SCOPES, newToken, type IssuedToken, type SandboxState } from './state.ts';

export interface OAuthOptions {
  /** Access-token lifetime; HubSpot's is 30 minutes (`expires_in: 1800`). */
  accessTokenTtlSeconds: number;
}

function oauthError(res: Response, status: string, message: string, httpStatus = 400): void {
  res.status(httpStatus).json({ status, message, correlationId: randomUUID(), requestId: randomUUID() });
}

function tokenBody(state: SandboxState, issued: IssuedToken, refreshToken: string, ttl: number) {
  const portal = state.portal(issued.portalId);
  return {
    token_type: 'bearer', access_token: issued.token, refresh_token: refreshToken, expires_in: ttl,
    hub_id: issued.portalId, user_id: portal.user.id, scopes: issued.scopes, token_use: 'access',
  };
}

export function createOAuthRouter(state: SandboxState, options: OAuthOptions): Router {
  const router = Router();
  const form = express.urlencoded({ extended: false, limit: '16kb' });

  router.get(['/oauth/authorize', '/oauth/:portalId/authorize'], (req, res) => {
    const query = req.query as Record<string, string | undefined>;
    if (query.client_id !== state.app.clientId || !query.redirect_uri) {
      res.status(400).type('text/plain').send('Authorization failed because this application is misconfigured (unknown client_id or missing redirect_uri).');
      return;
    }
    const target = new URL(query.redirect_uri);
    if (query.state !== undefined) target.searchParams.set('state', query.state);
    if (query.sandbox_deny !== undefined) {
      target.searchParams.set('error', 'access_denied');
      target.searchParams.set('error_description', 'The user denied the request');
      res.redirect(302, target.toString());
      return;
    }
    const portalId = Number(req.params.portalId ?? query.portalId ?? state.defaultPortalId);
    if (!state.portals.has(portalId)) {
      res.status(404).type('text/plain').send(`No sandbox portal ${portalId}`);
      return;
    }
    const scopes = `${query.scope ?? ''} ${query.optional_scope ?? ''}`.split(/[\s+]+/).filter(Boolean);
    const code = randomUUID();
    state.authCodes.set(code, { portalId, redirectUri: query.redirect_uri, scopes: scopes.length ? scopes : [...DEFAULT_SCOPES], expiresAt: state.clock.now() + 10 * 60_000, used: false });
    target.searchParams.set('code', code);
    res.redirect(302, target.toString());
  });

  const exchange = (req: Request, res: Response): void => {
    const body = (req.body ?? {}) as Record<string, string | undefined>;
    if (body.client_id !== state.app.clientId) return oauthError(res, 'BAD_CLIENT_ID', 'missing or invalid client id');
    if (body.client_secret !== state.app.clientSecret) return oauthError(res, 'BAD_CLIENT_SECRET', 'missing or invalid client secret');
    const ttl = options.accessTokenTtlSeconds;
    if (body.grant_type === 'authorization_code') {
      const grant = body.code === undefined ? undefined : state.authCodes.get(body.code);
      if (!grant || grant.used || grant.expiresAt <= state.clock.now()) return oauthError(res, 'BAD_AUTH_CODE', 'missing or unknown auth code');
      if (grant.redirectUri !== body.redirect_uri) return oauthError(res, 'BAD_REDIRECT_URI', 'redirect URI does not match initial auth code URL');
      grant.used = true;
      const refreshToken = newToken('na1-');
      state.refreshTokens.set(refreshToken, { portalId: grant.portalId, scopes: grant.scopes, revoked: false });
      const issued = state.issueAccessToken(grant.portalId, grant.scopes, ttl, refreshToken);
      return void res.json(tokenBody(state, issued, refreshToken, ttl));
    }
    if (body.grant_type === 'refresh_token') {
      const refresh = body.refresh_token === undefined ? undefined : state.refreshTokens.get(body.refresh_token);
      if (!refresh || refresh.revoked || !state.portals.has(refresh.portalId)) return oauthError(res, 'BAD_REFRESH_TOKEN', 'missing or unknown refresh token');
      const issued = state.issueAccessToken(refresh.portalId, refresh.scopes, ttl, body.refresh_token);
      return void res.json(tokenBody(state, issued, String(body.refresh_token), ttl));
    }
    oauthError(res, 'BAD_GRANT_TYPE', `unsupported grant_type: ${body.grant_type ?? 'missing'}`);
  };

  router.post(['/oauth/v1/token', '/oauth/v3/token', '/oauth/2026-03/token'], form, exchange);

  router.get('/oauth/v1/access-tokens/:token', (req, res) => {
    const issued = state.tokens.get(String(req.params.token));
    if (!issued || issued.revoked) return oauthError(res, 'error', 'access token not found', 404);
    const portal = state.portal(issued.portalId);
    const expiresIn = issued.expiresAt === null ? 0 : Math.max(0, Math.floor((issued.expiresAt - state.clock.now()) / 1000));
    res.json({
      token: issued.token, user: portal.user.email, hub_domain: portal.domain, scopes: issued.scopes, hub_id: portal.portalId,
      app_id: state.app.appId, expires_in: expiresIn, user_id: portal.user.id, token_type: 'access',
    });
  });

  router.get('/oauth/v1/refresh-tokens/:token', (req, res) => {
    const refresh = state.refreshTokens.get(String(req.params.token));
    if (!refresh || refresh.revoked) return oauthError(res, 'error', 'refresh token not found', 404);
    const portal = state.portal(refresh.portalId);
    res.json({
      token: req.params.token, user: portal.user.email, hub_domain: portal.domain, scopes: refresh.scopes, hub_id: portal.portalId,
      client_id: state.app.clientId, user_id: portal.user.id, token_type: 'refresh',
    });
  });

  const revokeRefresh = (token: string): boolean => {
    const refresh = state.refreshTokens.get(token);
    if (!refresh) return false;
    refresh.revoked = true;
    for (const issued of state.tokens.values()) if (issued.refreshToken === token) issued.revoked = true;
    return true;
  };

  router.delete('/oauth/v1/refresh-tokens/:token', (req, res) => {
    if (!revokeRefresh(String(req.params.token))) return oauthError(res, 'error', 'refresh token not found', 404);
    res.status(204).end();
  });

  router.post(['/oauth/2026-03/token/revoke', '/oauth/v3/token/revoke'], form, (req, res) => {
    const body = (req.body ?? {}) as Record<string, string | undefined>;
    if (body.client_id !== state.app.clientId || body.client_secret !== state.app.clientSecret) return oauthError(res, 'BAD_CLIENT_SECRET', 'missing or invalid client credentials');
    const token = body.token ?? '';
    const access = state.tokens.get(token);
    if (access) access.revoked = true;
    revokeRefresh(token);
    // RFC 7009: revoking an unknown token is not an error.
    res.status(200).json({});
  });

  router.post(['/oauth/2026-03/token/introspect', '/oauth/v3/token/introspect'], form, (req, res) => {
    const body = (req.body ?? {}) as Record<string, string | undefined>;
    const issued = state.tokens.get(body.token ?? '');
    const active = issued !== undefined && !issued.revoked && (issued.expiresAt === null || issued.expiresAt > state.clock.now());
    if (!active) return void res.json({ active: false });
    res.json({ active: true, hub_id: issued.portalId, scope: issued.scopes.join(' '), client_id: state.app.clientId, exp: issued.expiresAt === null ? null : Math.floor(issued.expiresAt / 1000), token_type: 'access' });
  });

  return router;
}
