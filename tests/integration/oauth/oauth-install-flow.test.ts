import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Request, Response } from 'express';
import request from 'supertest';
import { loadConfig } from '../../../src/config.ts';
import { createApp } from '../../../src/http/create-app.ts';
import { DEFAULT_APP } from '../../../src/sandbox/create-sandbox.ts';
import { APP_SCOPES } from '../../../src/oauth/app-scopes.ts';
import type { LoginIdentity } from '../../../src/oauth/complete-authorization.ts';
import { PUBLIC_BASE_URL, startOAuthHarness, type OAuthHarness } from './oauth-harness.ts';

const onLogin = jest.fn(async (_req: Request, res: Response, identity: LoginIdentity) => { res.redirect(303, identity.returnTo); });
const onInstalled = jest.fn(async (_portalId: string) => undefined);
let h: OAuthHarness;
beforeAll(async () => { h = await startOAuthHarness({ onLogin, onInstalled }); });
afterAll(async () => { await h.close(); });

interface Started { authorizeUrl: URL; cookie: string; setCookie: string }

/** Step 1: our start route (install or login) → the authorize URL and the state cookie. */
async function start(path = '/oauth/install'): Promise<Started> {
  const response = await request(h.app).get(path);
  expect(response.status).toBe(302);
  const setCookie = String(response.headers['set-cookie']?.[0] ?? '');
  return { authorizeUrl: new URL(String(response.headers.location)), cookie: setCookie.split(';')[0] ?? '', setCookie };
}

/** Step 2: the (sandbox's) HubSpot authorize page → the callback path with code and state. */
async function authorize(authorizeUrl: URL, extra: Record<string, string> = {}): Promise<string> {
  const url = new URL(authorizeUrl);
  for (const [key, value] of Object.entries(extra)) url.searchParams.set(key, value);
  const response = await fetch(url, { redirect: 'manual' });
  expect(response.status).toBe(302);
  const callback = new URL(response.headers.get('location') ?? '');
  expect(callback.origin).toBe(PUBLIC_BASE_URL);
  return `${callback.pathname}${callback.search}`;
}

const auditCount = async (): Promise<number> => Number((await h.db.query<{ n: number }>('select count(*)::int as n from install_audit'))[0]?.n);

describe('OAuth install over HTTP against the sandbox', () => {
  it('when an admin installs, then the authorize URL asks for exactly the app scopes and the install is stored with an encrypted refresh token', async () => {
    const { authorizeUrl, cookie, setCookie } = await start();
    expect(authorizeUrl.origin + authorizeUrl.pathname).toBe(`${h.sandboxUrl}/oauth/authorize`);
    expect(authorizeUrl.searchParams.get('client_id')).toBe(DEFAULT_APP.clientId);
    expect(authorizeUrl.searchParams.get('redirect_uri')).toBe(`${PUBLIC_BASE_URL}/oauth/callback`);
    expect(authorizeUrl.searchParams.get('scope')?.split(' ')).toEqual([...APP_SCOPES]);
    expect(authorizeUrl.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).toMatch(/Max-Age=600/);
    const stored = await h.db.query<{ state_hash: string }>('select state_hash from oauth_states');
    expect(stored.map((row) => row.state_hash)).not.toContain(authorizeUrl.searchParams.get('state'));

    const callback = await authorize(authorizeUrl);
    const response = await request(h.app).get(callback).set('cookie', cookie);
    expect(response.status).toBe(200);
    expect(response.text).toContain('Unrobot is installed');

    const portalId = String(h.sandbox.portalId);
    const install = await h.installs.getInstall(portalId);
    expect(install).toMatchObject({ portalId, status: 'active', scopes: [...APP_SCOPES], installedByUserId: expect.any(String), installedByEmail: expect.stringContaining('@') });
    expect(install?.refreshTokenCiphertext).toMatch(/^v1:k1:/);
    const refreshToken = h.cipher.decrypt(install?.refreshTokenCiphertext ?? '', { portalId, purpose: 'refresh-token' });
    expect(h.sandbox.state.refreshTokens.get(refreshToken)?.portalId).toBe(h.sandbox.portalId);
    expect(await h.tokens.activePortals()).toEqual([portalId]);

    // The access token of the install is cached: the first job needs no refresh, and it works.
    h.clearRequests();
    const token = await h.tokens.getAccessToken(portalId);
    expect(h.tokenRequests()).toBe(0);
    const crm = await fetch(`${h.sandboxUrl}/crm/v3/objects/tasks?limit=1`, { headers: { authorization: `Bearer ${token}` } });
    expect(crm.status).toBe(200);

    // The same callback again (a replayed URL): refused, nothing written.
    const audits = await auditCount();
    const replay = await request(h.app).get(callback).set('cookie', cookie);
    expect(replay.status).toBe(400);
    expect(replay.text).toContain('already used');
    expect(await auditCount()).toBe(audits);
  });

  it('when the callback comes without the cookie of the browser that started it, then it is refused and nothing is stored', async () => {
    const { authorizeUrl } = await start();
    const callback = await authorize(authorizeUrl);
    const audits = await auditCount();
    const other = await start();
    const response = await request(h.app).get(callback).set('cookie', other.cookie);
    expect(response.status).toBe(400);
    expect(response.text).toContain('another browser');
    expect(await auditCount()).toBe(audits);
  });

  it('when the callback comes after 10 minutes, or without a state, then it is refused', async () => {
    const { authorizeUrl, cookie } = await start();
    const callback = await authorize(authorizeUrl);
    h.clock.advance(10 * 60_000 + 1);
    const late = await request(h.app).get(callback).set('cookie', cookie);
    expect(late.status).toBe(400);
    expect(late.text).toContain('expired');
    const noState = await request(h.app).get(callback.replace(/state=[^&]+/, '')).set('cookie', cookie);
    expect(noState.status).toBe(400);
  });

  it('when the admin refuses on HubSpot, then a clear page says so and nothing is stored', async () => {
    const { authorizeUrl, cookie } = await start();
    const callback = await authorize(authorizeUrl, { sandbox_deny: '1' });
    expect(callback).toContain('error=access_denied');
    const audits = await auditCount();
    const response = await request(h.app).get(callback).set('cookie', cookie);
    expect(response.status).toBe(400);
    expect(response.text).toContain('Access was not granted');
    expect(await auditCount()).toBe(audits);
  });

  it('when a user signs in with a hostile returnTo, then onLogin gets their identity and a same-origin path', async () => {
    const { authorizeUrl, cookie } = await start('/oauth/login?returnTo=//evil.example/steal');
    const callback = await authorize(authorizeUrl);
    const response = await request(h.app).get(callback).set('cookie', cookie);
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/settings');
    expect(onLogin).toHaveBeenCalledTimes(1);
    expect(onLogin.mock.calls[0]?.[2]).toEqual({
      portalId: String(h.sandbox.portalId), userId: expect.any(String), email: expect.stringContaining('@'), scopes: [...APP_SCOPES], returnTo: '/settings',
    });
  });

  it('when the app is uninstalled in HubSpot and 50 jobs ask for a token, then 1 refresh is tried in total, the portal is revoked, and later calls make 0 HubSpot calls; a reinstall resumes it', async () => {
    const portalId = String(h.sandbox.portalId);
    await fetch(`${h.sandboxUrl}/__sandbox/portals/${portalId}/uninstall`, { method: 'POST' });
    h.clock.advance(30 * 60_000);
    h.clearRequests();
    const results = await Promise.allSettled(Array.from({ length: 50 }, () => h.tokens.getAccessToken(portalId)));
    expect(results.every((r) => r.status === 'rejected' && (r.reason as { code?: string }).code === 'hubspot.revoked')).toBe(true);
    expect(h.tokenRequests()).toBe(1);
    await expect(h.tokens.getAccessToken(portalId)).rejects.toMatchObject({ code: 'hubspot.revoked', retryable: false });
    expect(h.sandbox.state.requests.entries()).toHaveLength(1);
    expect(await h.tokens.activePortals()).toEqual([]);
    expect(await h.installs.getInstall(portalId)).toMatchObject({ status: 'revoked', statusReason: 'bad-refresh-token', refreshTokenCiphertext: null });

    const { authorizeUrl, cookie } = await start();
    const response = await request(h.app).get(await authorize(authorizeUrl)).set('cookie', cookie);
    expect(response.text).toContain('Unrobot is reinstalled');
    expect(onInstalled).toHaveBeenLastCalledWith(portalId);
    expect(await h.tokens.activePortals()).toEqual([portalId]);
    await expect(h.tokens.getAccessToken(portalId)).resolves.toMatch(/^CO/);
  });

  it('when the routes are mounted in the service app, then a full install works and the request log shows the path without the query', async () => {
    const service = createApp({ config: loadConfig({ NODE_ENV: 'test' }), log: h.log, clock: h.clock, oauth: h.routeDeps,
      store: { recordDelivery: async () => ({ inserted: 0, duplicates: 0, enqueued: 0 }), readiness: async () => ({ ok: true, checks: {} }) } });
    const started = await request(service).get('/oauth/install');
    const cookie = String(started.headers['set-cookie']?.[0] ?? '').split(';')[0] ?? '';
    const callback = await authorize(new URL(String(started.headers.location)));
    const done = await request(service).get(callback).set('cookie', cookie);
    expect(done.status).toBe(200);
    expect(done.headers['content-security-policy']).toBeDefined();
    expect(h.logText()).toContain('"path":"/oauth/callback"');
  });

  it('when the whole suite ran, then no client secret, code, access or refresh token is in the logs', () => {
    const text = h.logText();
    expect(text.length).toBeGreaterThan(0);
    const secrets = [DEFAULT_APP.clientSecret, ...h.sandbox.state.authCodes.keys(), ...h.sandbox.state.refreshTokens.keys(),
      ...[...h.sandbox.state.tokens.values()].filter((t) => t.expiresAt !== null).map((t) => t.token)];
    expect(secrets.length).toBeGreaterThan(5);
    expect(secrets.filter((secret) => text.includes(secret))).toEqual([]);
  });
});
