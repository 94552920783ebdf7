import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { createStaticTokenProvider } from '../../../src/hubspot/token-provider.ts';
import { createCompositeTokenProvider, createOAuthTokenProvider, REFRESH_MARGIN_MS } from '../../../src/oauth/oauth-token-provider.ts';
import { startOAuthHarness, type OAuthHarness } from './oauth-harness.ts';

let h: OAuthHarness;
beforeAll(async () => { h = await startOAuthHarness(); });
afterAll(async () => { await h.close(); });
// One database and sandbox for the file (PGlite takes seconds to start); each test starts uninstalled.
beforeEach(async () => {
  await h.db.exec('delete from installs');
  for (const portalId of h.sandbox.state.portals.keys()) h.tokens.forget(String(portalId));
});

describe('OAuth token provider against the sandbox', () => {
  it('when more than 5 minutes remain, then the cached token is used; at 5 minutes or less, then it is refreshed once', async () => {
    const portalId = await h.install();
    const first = await h.tokens.getAccessToken(portalId);
    h.clearRequests();
    h.clock.advance(30 * 60_000 - REFRESH_MARGIN_MS - 1_000);
    expect(await h.tokens.getAccessToken(portalId)).toBe(first);
    expect(h.tokenRequests()).toBe(0);
    h.clock.advance(1_000);
    const second = await h.tokens.getAccessToken(portalId);
    expect(second).not.toBe(first);
    expect(h.tokenRequests()).toBe(1);
    // The refreshed token works against the API before the old one expires.
    expect((await fetch(`${h.sandboxUrl}/crm/v3/objects/tasks?limit=1`, { headers: { authorization: `Bearer ${second}` } })).status).toBe(200);
  });

  it('when 50 callers need a token at once after expiry, then exactly 1 token request reaches HubSpot and all get the same token', async () => {
    const portalId = await h.install();
    h.clock.advance(31 * 60_000);
    h.clearRequests();
    const tokens = await Promise.all(Array.from({ length: 50 }, () => h.tokens.getAccessToken(portalId)));
    expect(new Set(tokens).size).toBe(1);
    const log = (await (await fetch(`${h.sandboxUrl}/__sandbox/requests`)).json()) as { log: { method: string; path: string }[] };
    expect(log.log.filter((entry) => entry.method === 'POST' && entry.path.endsWith('/token'))).toHaveLength(1);
  });

  it('when a job saw 401 and invalidates the token, then the next 50 callers trigger one refresh, and a stale invalidate does nothing', async () => {
    const portalId = await h.install();
    const first = await h.tokens.getAccessToken(portalId);
    h.clearRequests();
    await Promise.all(Array.from({ length: 5 }, () => h.tokens.invalidate(portalId, first)));
    const next = await Promise.all(Array.from({ length: 50 }, () => h.tokens.getAccessToken(portalId)));
    expect(new Set(next)).toEqual(new Set([next[0]]));
    expect(next[0]).not.toBe(first);
    await h.tokens.invalidate(portalId, first);
    await h.tokens.getAccessToken(portalId);
    expect(h.tokenRequests()).toBe(1);
  });

  it("when one portal's encrypted refresh token is copied into another portal's row, then it fails (AAD) and only that portal needs re-auth", async () => {
    const a = await h.install();
    const { portalId: second } = h.sandbox.addPortal({ seed: false });
    const b = await h.install(second);
    const rowA = await h.installs.getInstall(a);
    await h.db.query('update installs set refresh_token_ciphertext = $1 where portal_id = $2', [rowA?.refreshTokenCiphertext, b]);
    h.tokens.forget(a);
    h.tokens.forget(b);
    h.clearRequests();
    await expect(h.tokens.getAccessToken(b)).rejects.toMatchObject({ code: 'hubspot.revoked', details: { reason: 'undecryptable' } });
    expect(h.tokenRequests()).toBe(0);
    await expect(h.tokens.getAccessToken(a)).resolves.toMatch(/^CO/);
    expect(await h.tokens.activePortals()).toEqual([a]);
    expect(h.logText()).toContain('stored refresh token does not decrypt');
  });

  it('when a second process starts, then it refreshes from the stored (encrypted) token without any in-memory state', async () => {
    const portalId = await h.install();
    const fresh = createOAuthTokenProvider({ installs: h.installs, cipher: h.cipher, oauthClient: h.oauthClient, clock: h.clock, log: h.log });
    h.clearRequests();
    await expect(fresh.getAccessToken(portalId)).resolves.toMatch(/^CO/);
    expect(h.tokenRequests()).toBe(1);
  });

  it('when a portal was never installed, then not-installed; with a static token too, then the composite serves both', async () => {
    await expect(h.tokens.getAccessToken('777')).rejects.toMatchObject({ code: 'hubspot.not-installed', retryable: false });
    const portalId = await h.install();
    const both = createCompositeTokenProvider([createStaticTokenProvider('777', 'pat-na1-static'), h.tokens]);
    await expect(both.getAccessToken('777')).resolves.toBe('pat-na1-static');
    await expect(both.getAccessToken(portalId)).resolves.toMatch(/^CO/);
    await expect(both.getAccessToken('888')).rejects.toMatchObject({ code: 'hubspot.not-installed' });
    expect(await both.activePortals()).toEqual([portalId, '777'].sort());
    await both.invalidate('777', 'pat-na1-static');
    await expect(both.getAccessToken('777')).rejects.toMatchObject({ code: 'hubspot.revoked' });
    await expect(both.getAccessToken(portalId)).resolves.toMatch(/^CO/);
  });
});
