import { readFileSync } from 'node:fs';
import { describe, expect, it, jest } from '@jest/globals';
import { createOAuthClient } from '../../../src/hubspot/oauth-tokens.ts';
import { APP_SCOPES } from '../../../src/oauth/app-scopes.ts';

const SECRET = 'client-secret-3f9a';
const REFRESH = 'na1-refresh-1b2c3d4e';
const grant = { access_token: 'CO-access-9z8y7x', refresh_token: REFRESH, expires_in: 1800, token_type: 'bearer', hub_id: 62515, user_id: 41, scopes: ['oauth', 'tickets'] };

type Answer = { status: number; body: unknown };
function fakeFetch(answer: (path: string) => Answer) {
  const calls: { path: string; body: string }[] = [];
  const fn = jest.fn(async (input: string | URL | Request, init?: RequestInit) => {
    const path = new URL(String(input)).pathname;
    calls.push({ path, body: String(init?.body ?? '') });
    const { status, body } = answer(path);
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  });
  return { fetch: fn as unknown as typeof fetch, calls };
}

const client = (fetchImpl: typeof fetch) => createOAuthClient({ apiBaseUrl: 'http://127.0.0.1:9', clientId: 'cid', clientSecret: SECRET, fetch: fetchImpl });

describe('createOAuthClient', () => {
  it('when the 2026-03 endpoint answers, then the code is exchanged there, form-encoded, and the grant is read', async () => {
    const fake = fakeFetch(() => ({ status: 200, body: grant }));
    const result = await client(fake.fetch).exchangeCode('code-123', 'https://u.example/oauth/callback');
    expect(result).toEqual({ accessToken: grant.access_token, refreshToken: REFRESH, expiresInSeconds: 1800, hubId: '62515', userId: '41', scopes: ['oauth', 'tickets'] });
    expect(fake.calls.map((c) => c.path)).toEqual(['/oauth/2026-03/token']);
    expect(Object.fromEntries(new URLSearchParams(fake.calls[0]?.body))).toEqual({
      grant_type: 'authorization_code', code: 'code-123', redirect_uri: 'https://u.example/oauth/callback', client_id: 'cid', client_secret: SECRET,
    });
  });

  it('when the 2026-03 endpoint answers 404, then v1 is used, and remembered for later calls', async () => {
    const fake = fakeFetch((path) => (path === '/oauth/2026-03/token' ? { status: 404, body: 'not found' } : { status: 200, body: grant }));
    const oauth = client(fake.fetch);
    await oauth.refresh(REFRESH);
    await oauth.refresh(REFRESH);
    expect(fake.calls.map((c) => c.path)).toEqual(['/oauth/2026-03/token', '/oauth/v1/token', '/oauth/v1/token']);
    expect(new URLSearchParams(fake.calls[1]?.body).get('grant_type')).toBe('refresh_token');
  });

  it.each([
    [400, { status: 'BAD_REFRESH_TOKEN', message: `missing or unknown refresh token ${REFRESH}` }, 'hubspot.bad-refresh-token', false],
    [400, { status: 'BAD_AUTH_CODE', message: 'missing or unknown auth code' }, 'oauth.bad-code', false],
    [400, { status: 'BAD_CLIENT_SECRET', message: 'bad' }, 'oauth.bad-client', false],
    [503, '<html>down</html>', 'hubspot.unavailable', true],
    [429, { status: 'error' }, 'hubspot.unavailable', true],
    [200, '{"access_token":"x"}', 'hubspot.bad-response', true],
    [200, 'not json', 'hubspot.bad-response', true],
  ])('when HubSpot answers %i %j, then %s (retryable %s) with no secret in the error', async (status, body, code, retryable) => {
    const fake = fakeFetch(() => ({ status, body }));
    const error = await client(fake.fetch).refresh(REFRESH).catch((e: unknown) => e);
    expect(error).toMatchObject({ code, retryable });
    expect(JSON.stringify({ message: (error as Error).message, details: (error as { details?: unknown }).details })).not.toMatch(new RegExp(`${REFRESH}|${SECRET}`));
  });

  it('when the network fails or HubSpot hangs, then a retryable network or timeout error', async () => {
    const refused = jest.fn(async () => { throw new TypeError('fetch failed'); }) as unknown as typeof fetch;
    await expect(client(refused).refresh(REFRESH)).rejects.toMatchObject({ code: 'hubspot.network', retryable: true });
    const hang = ((_: unknown, init?: RequestInit) => new Promise((_resolve, reject) => {
      init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
    })) as unknown as typeof fetch;
    const slow = createOAuthClient({ apiBaseUrl: 'http://127.0.0.1:9', clientId: 'cid', clientSecret: SECRET, fetch: hang, timeoutMs: 20 });
    await expect(slow.refresh(REFRESH)).rejects.toMatchObject({ code: 'hubspot.timeout', retryable: true });
  });

  it('when token info is read, then hub id, user, email and scopes come back; without hub_id it is refused', async () => {
    const info = { token: 'CO-access-9z8y7x', user: 'jane@client.example', hub_id: 62515, user_id: 41, scopes: ['oauth'] };
    const fake = fakeFetch(() => ({ status: 200, body: info }));
    await expect(client(fake.fetch).tokenInfo('CO-access-9z8y7x')).resolves.toEqual({ hubId: '62515', userId: '41', email: 'jane@client.example', scopes: ['oauth'] });
    expect(fake.calls[0]?.path).toBe('/oauth/v1/access-tokens/CO-access-9z8y7x');
    const broken = fakeFetch(() => ({ status: 200, body: { user: 'x' } }));
    await expect(client(broken.fetch).tokenInfo('t')).rejects.toMatchObject({ code: 'hubspot.bad-response' });
  });
});

describe('APP_SCOPES', () => {
  it('when compared with the app manifest, then the authorize URL asks for exactly its required scopes', () => {
    const manifest = JSON.parse(readFileSync(new URL('../../../extension-manifest/src/app/app-hsmeta.json', import.meta.url), 'utf8')) as { config: { auth: { requiredScopes: string[] } } };
    expect([...APP_SCOPES].sort()).toEqual([...manifest.config.auth.requiredScopes].sort());
  });
});
