/**
 * Who may do what: sessions (timeouts, regeneration), CSRF and origin checks, admins, HubSpot
 * signatures, and tenancy — a portal A session walking every route with portal B's ids gets 404
 * or A's own data, and B is unchanged (RELIABILITY.md rows 36–37).
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import request from 'supertest';
import express from 'express';
import { createLogger } from '../../../src/logger.ts';
import { createPortalRateLimit } from '../../../src/settings/portal-rate-limit.ts';
import { createSettingsApiRouter } from '../../../src/settings/settings-router.ts';
import { ABSOLUTE_TIMEOUT_MS, IDLE_TIMEOUT_MS } from '../../../src/settings/sessions.ts';
import { createSchemaValidator } from '../../unit/settings-contract/openapi-document.ts';
import { openHarness, seedPortal, type Harness } from './harness.ts';

let h: Harness;
let b: { cardId: string; recordId: string };
beforeAll(async () => {
  h = await openHarness();
  await seedPortal(h.db, '111', 'a');
  b = await seedPortal(h.db, '222', 'b');
  await h.signIn('222', '901'); // B's installer, so B has an admin of its own
});
afterAll(async () => { await h.close(); });

async function snapshotOf(portalId: string): Promise<string> {
  const tables = ['portal_settings', 'settings_audit', 'card_feedback', 'record_snoozes', 'cards', 'portal_admins', 'settings_sessions'];
  const parts = await Promise.all(tables.map((table) => h.db.query(`select * from ${table} where portal_id = $1`, [portalId])));
  return JSON.stringify(parts);
}

describe('sessions', () => {
  test('when a user signs in, then the cookie is __Host-, HttpOnly, Secure, SameSite=Lax, Path=/ and only a hash of the id is stored', async () => {
    const login = await request(h.app).get('/test/login').query({ portalId: '111', userId: '501' }).expect(303);
    expect(login.headers.location).toBe('/settings');
    const cookie = String(login.headers['set-cookie']?.[0]);
    expect(cookie).toMatch(/^__Host-unrobot_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; Secure; SameSite=Lax/);
    const id = cookie.split(';')[0]?.split('=')[1] ?? '';
    const rows = await h.db.query<{ id_hash: string }>('select id_hash from settings_sessions');
    expect(rows.some((row) => row.id_hash.includes(id))).toBe(false);
    expect(rows.every((row) => /^[0-9a-f]{64}$/.test(row.id_hash))).toBe(true);
  });

  test('when a signed-in user signs in again, then the old session id stops working', async () => {
    const first = await h.signIn('111', '502');
    const again = await request(h.app).get('/test/login').query({ portalId: '111', userId: '502' }).set('cookie', first.cookie).expect(303);
    expect(String(again.headers['set-cookie']?.[0]).split(';')[0]).not.toBe(first.cookie);
    await request(h.app).get('/api/v1/me').set('cookie', first.cookie).expect(401);
  });

  test('when a session is idle for 30 minutes or older than 8 hours, then it is refused', async () => {
    const idle = await h.signIn('111', '503');
    h.clock.advance(IDLE_TIMEOUT_MS - 1000);
    await request(h.app).get('/api/v1/me').set('cookie', idle.cookie).expect(200);
    h.clock.advance(IDLE_TIMEOUT_MS + 1);
    await request(h.app).get('/api/v1/me').set('cookie', idle.cookie).expect(401);
    const busy = await h.signIn('111', '503');
    for (let elapsed = 20 * 60 * 1000; elapsed < ABSOLUTE_TIMEOUT_MS; elapsed += 20 * 60 * 1000) {
      h.clock.advance(20 * 60 * 1000);
      await request(h.app).get('/api/v1/me').set('cookie', busy.cookie);
    }
    h.clock.advance(19 * 60 * 1000); // 8 h less one minute since sign-in
    await request(h.app).get('/api/v1/me').set('cookie', busy.cookie).expect(200);
    h.clock.advance(2 * 60 * 1000);
    const late = await request(h.app).get('/api/v1/me').set('cookie', busy.cookie).expect(401);
    expect(late.body.error.code).toBe('unauthenticated');
  });

  test('when nobody is signed in, then the API says 401 and the page offers "Sign in with HubSpot"', async () => {
    const response = await request(h.app).get('/api/v1/settings').expect(401);
    expect(response.body).toEqual({ error: { code: 'unauthenticated', message: expect.any(String) } });
    const page = await request(h.app).get('/settings').expect(200);
    expect(page.text).toContain('href="/oauth/login?returnTo=/settings"');
    expect(page.headers['content-security-policy']).toBe("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
    expect(page.text).not.toMatch(/<script>|<style|style=/);
  });
});

describe('CSRF, origin and admins', () => {
  test('when a write lacks the CSRF token, carries another session\'s, or comes from another origin, then 403 csrf_failed', async () => {
    const admin = await h.signIn('111', '501');
    const other = await h.signIn('111', '504');
    const patch = () => request(h.app).patch('/api/v1/rules/check-in').set('cookie', admin.cookie).send({ enabled: false });
    for (const attempt of [
      patch().set('origin', h.publicBaseUrl),
      patch().set('origin', h.publicBaseUrl).set('x-csrf-token', other.csrf),
      patch().set('origin', 'https://evil.example').set('x-csrf-token', admin.csrf),
      patch().set('x-csrf-token', admin.csrf),
      patch().set('referer', 'https://evil.example/settings').set('x-csrf-token', admin.csrf),
    ]) {
      const response = await attempt.expect(403);
      expect(response.body.error.code).toBe('csrf_failed');
    }
    await patch().set('referer', `${h.publicBaseUrl}/settings`).set('x-csrf-token', admin.csrf).expect(200);
  });

  test('when a user who is not an admin reads and then tries to edit, then reading works and editing gets 403 forbidden', async () => {
    const rep = await h.signIn('111', '505');
    const me = await request(h.app).get('/api/v1/me').set('cookie', rep.cookie).expect(200);
    expect(me.body.canEdit).toBe(false);
    await request(h.app).get('/api/v1/rules').set('cookie', rep.cookie).expect(200);
    const response = await request(h.app).patch('/api/v1/rules/check-in').set('cookie', rep.cookie).set('x-csrf-token', rep.csrf).set('origin', h.publicBaseUrl).send({ enabled: true }).expect(403);
    expect(response.body.error.code).toBe('forbidden');
  });
});

describe('HubSpot-signed requests', () => {
  test('when hubspot.fetch calls with a valid signature, then the portal and user come from the signed query', async () => {
    const me = await h.signed('GET', '/api/v1/me', { portalId: '222', userId: '901' }).expect(200);
    expect(me.body).toMatchObject({ portalId: 222, user: { id: '901' }, authenticatedBy: 'hubspot-signature', canEdit: true });
    expect(me.body.csrfToken).toBeUndefined();
    const saved = await h.signed('PATCH', '/api/v1/rules/reminder', { portalId: '222', userId: '901' }, { enabled: false }).expect(200);
    expect(saved.body.enabled).toBe(false);
    await h.signed('PATCH', '/api/v1/rules/reminder', { portalId: '222', userId: '901' }, { enabled: true }).expect(200);
  });

  test('when the signed portal is changed, the signature is stale, or the portal is only in an unsigned query, then 401', async () => {
    const good = h.signed('GET', '/api/v1/me', { portalId: '222', userId: '901' });
    const headers = (good as unknown as { header: Record<string, string> }).header;
    await good.expect(200);
    await request(h.app).get('/api/v1/me?portalId=111&userId=901').set('x-hubspot-signature-v3', headers['x-hubspot-signature-v3'] ?? '').set('x-hubspot-request-timestamp', headers['x-hubspot-request-timestamp'] ?? '').expect(401);
    h.clock.advance(6 * 60 * 1000);
    await request(h.app).get('/api/v1/me?portalId=222&userId=901').set('x-hubspot-signature-v3', headers['x-hubspot-signature-v3'] ?? '').set('x-hubspot-request-timestamp', headers['x-hubspot-request-timestamp'] ?? '').expect(401);
    await request(h.app).get('/api/v1/settings?portalId=222&userId=901').expect(401);
  });
});

describe('tenancy', () => {
  test('when a portal A session walks every route with portal B ids, then B\'s things are 404 or absent and B is unchanged', async () => {
    const a = await h.signIn('111', '501');
    const before = await snapshotOf('222');
    const bSettingsBefore = (await h.signed('GET', '/api/v1/settings', { portalId: '222', userId: '901' })).body;
    const w = (method: 'put' | 'patch' | 'post' | 'delete', path: string) => request(h.app)[method](path).set('cookie', a.cookie).set('x-csrf-token', a.csrf).set('origin', h.publicBaseUrl);
    const g = (path: string) => request(h.app).get(path).set('cookie', a.cookie);

    expect((await g('/api/v1/me?portalId=222').expect(200)).body.portalId).toBe(111);
    expect((await g('/api/v1/settings?portalId=222').expect(200)).body.portalId).toBe(111);
    expect((await g('/api/v1/rules?portalId=222').expect(200)).body.rules.length).toBeGreaterThan(0);
    expect((await g('/api/v1/analytics?days=7&portalId=222').expect(200)).body.totals.delivered).toBe(1);
    const audit = (await g('/api/v1/audit?portalId=222').expect(200)).body.entries;
    expect(audit.every((entry: { actor: { userId?: string } }) => entry.actor.userId !== '901')).toBe(true);
    expect((await g(`/api/v1/cards?objectType=contact&objectId=${b.recordId}&portalId=222`).expect(200)).body.cards).toEqual([]);
    const feedback = await w('post', `/api/v1/cards/${b.cardId}/feedback?portalId=222`).send({ reaction: 'not-helpful' }).expect(404);
    expect(feedback.body.error.code).toBe('not_found');
    await w('patch', '/api/v1/rules/no-such-rule-of-b').send({ enabled: false }).expect(404);
    await w('post', '/api/v1/preview').send({ days: 7, rules: [{ ruleId: 'no-such-rule-of-b', enabled: false }] }).expect(404);
    const settings = (await g('/api/v1/settings').expect(200)).body;
    const { portalId: _p, updatedAt: _u, updatedBy: _b, ...values } = settings;
    await w('put', '/api/v1/settings?portalId=222').send({ ...values, portalId: 222 }).expect(400);
    await w('put', '/api/v1/settings?portalId=222').send(values).expect(200);
    const admins = (await g('/api/v1/admins?portalId=222').expect(200)).body.admins;
    expect(admins.map((admin: { userId?: string }) => admin.userId)).not.toContain('901');
    await w('put', '/api/v1/admins?portalId=222').send({ admins: [{ userId: '501' }, { userId: '901' }] }).expect(200);
    await w('put', '/api/v1/admins').send({ admins: [{ userId: '501' }, { userId: '901' }], portalId: 222 }).expect(400);
    await w('delete', '/api/v1/install?portalId=222').send({ confirm: '222' }).expect(400);

    expect(await snapshotOf('222')).toBe(before);
    expect((await h.signed('GET', '/api/v1/settings', { portalId: '222', userId: '901' })).body).toEqual(bSettingsBefore);
  });
});

describe('rate limit', () => {
  test('when a portal goes over its requests per window, then 429 rate_limited with Retry-After, other portals unaffected, and the next window is open', async () => {
    const app = express();
    app.use(createSettingsApiRouter({ db: h.db, store: h.service.store, sessions: h.service.sessions, clock: h.clock, log: createLogger({ level: 'silent' }),
      config: { publicBaseUrl: h.publicBaseUrl, demo: true, hubspot: { clientSecrets: [] } }, rateLimit: createPortalRateLimit(h.clock, { limit: 2, windowMs: 60_000 }) }));
    const a = await h.signIn('111', '501');
    const other = await h.signIn('222', '901');
    await request(app).get('/api/v1/me').set('cookie', a.cookie).expect(200);
    await request(app).get('/api/v1/me').set('cookie', a.cookie).expect(200);
    const limited = await request(app).get('/api/v1/me').set('cookie', a.cookie).expect(429);
    expect(limited.headers['retry-after']).toBe('60');
    expect(createSchemaValidator()('ErrorBody', limited.body).errors).toEqual([]);
    expect(limited.body.error.code).toBe('rate_limited');
    await request(app).get('/api/v1/me').set('cookie', other.cookie).expect(200);
    h.clock.advance(60_000);
    await request(app).get('/api/v1/me').set('cookie', a.cookie).expect(200);
  });
});
