/**
 * Portal editors (`GET/PUT /api/v1/admins`) and uninstall from the settings page
 * (`DELETE /api/v1/install`) against the local HubSpot sandbox: HubSpot's app-initiated
 * uninstall revokes the portal's tokens there, every tenant table loses the portal's rows here,
 * its sessions stop working, and another portal is untouched.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import request from 'supertest';
import { AppError } from '../../../src/errors.ts';
import { createTokenCipher } from '../../../src/hubspot/token-cipher.ts';
import { createStaticTokenProvider } from '../../../src/hubspot/token-provider.ts';
import { purgePortal } from '../../../src/oauth/purge-portal.ts';
import { createAppUninstall, createPortalUninstaller } from '../../../src/settings/uninstall.ts';
import { createSqlInstallStore } from '../../../src/store/sql-install-store.ts';
import { PURGED_TENANT_TABLES } from '../../../src/store/tenant-tables.ts';
import { log, startHubSpotSandbox, TOKEN, type Started } from '../hubspot/hubspot-sandbox.ts';
import { NOW, openHarness, seedPortal, type Harness } from './harness.ts';

const OTHER_TOKEN = 'pat-na1-second-portal-of-the-uninstall-test';
let hub: Started;
let h: Harness;
let p: string; // the sandbox's default portal
let q: string; // a second sandbox portal
/** What HubSpot's uninstall call goes through; a test swaps it to simulate a HubSpot outage. */
let hubspotFetch: typeof fetch = (...args) => fetch(...args);
const cipher = createTokenCipher([{ id: 'k1', key: randomBytes(32) }]);

beforeAll(async () => {
  hub = await startHubSpotSandbox();
  p = hub.portalId;
  q = String((await hub.control<{ portalId: number }>('POST', '/__sandbox/portals', { accessToken: OTHER_TOKEN })).portalId);
  h = await openHarness({
    uninstaller: (db, clock) => createPortalUninstaller({
      appUninstall: createAppUninstall({
        apiBaseUrl: hub.url, fetch: (...args) => hubspotFetch(...args),
        tokens: { getAccessToken: async (portalId) => (portalId === p ? createStaticTokenProvider(p, TOKEN) : createStaticTokenProvider(q, OTHER_TOKEN)).getAccessToken(portalId) },
      }),
      purge: (portalId) => purgePortal({ installs: createSqlInstallStore(db), clock, log }, portalId),
    }),
  });
  for (const portalId of [p, q]) {
    await seedPortal(h.db, portalId, `s${portalId}`);
    await createSqlInstallStore(h.db).saveInstall({ portalId, refreshTokenCiphertext: cipher.encrypt(`na1-refresh-${portalId}`, { portalId, purpose: 'refresh-token' }), scopes: ['oauth'], userId: '77', email: `admin-${portalId}@client.example`, at: NOW });
  }
});

afterAll(async () => {
  await h?.close();
  await hub?.close();
});

type Who = { cookie: string; csrf: string };
const write = (who: Who, method: 'put' | 'patch' | 'post' | 'delete', path: string) =>
  request(h.app)[method](path).set('cookie', who.cookie).set('x-csrf-token', who.csrf).set('origin', h.publicBaseUrl);

async function rowsOf(portalId: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of PURGED_TENANT_TABLES) {
    const [row] = await h.db.query<{ n: number }>(`select count(*)::int as n from ${table} where portal_id = $1`, [portalId]);
    counts[table] = row?.n ?? -1;
  }
  return counts;
}

async function hubspotAnswers(token: string): Promise<number> {
  return (await fetch(`${hub.url}/crm/v3/owners`, { headers: { authorization: `Bearer ${token}` } })).status;
}

describe('portal editors', () => {
  let owner: Who;
  beforeAll(async () => { owner = await h.signIn(q, '3001', 'owner@client.example'); });

  test('when the installer reads the editors, then the list holds them, added by nobody (the installer)', async () => {
    const list = await request(h.app).get('/api/v1/admins').set('cookie', owner.cookie).expect(200);
    expect(list.body).toEqual({ admins: [{ userId: '3001', addedBy: null, addedAt: new Date(NOW).toISOString() }] });
  });

  test('when a user who is not an editor writes, then every write route answers 403 and nothing changes; reading works', async () => {
    const rep = await h.signIn(q, '3002', 'rep@client.example');
    expect((await request(h.app).get('/api/v1/me').set('cookie', rep.cookie).expect(200)).body.canEdit).toBe(false);
    expect((await request(h.app).get('/api/v1/admins').set('cookie', rep.cookie).expect(200)).body.admins).toHaveLength(1);
    const settings = (await request(h.app).get('/api/v1/settings').set('cookie', rep.cookie).expect(200)).body;
    const { portalId: _p, updatedAt: _u, updatedBy: _b, ...values } = settings;
    const attempts = [
      write(rep, 'put', '/api/v1/settings').send(values),
      write(rep, 'patch', '/api/v1/rules/check-in').send({ enabled: false }),
      write(rep, 'post', '/api/v1/preview').send({ days: 7 }),
      write(rep, 'put', '/api/v1/admins').send({ admins: [{ userId: '3002' }] }),
      write(rep, 'delete', '/api/v1/install').send({ confirm: q }),
    ];
    for (const attempt of attempts) expect((await attempt).body.error?.code).toBe('forbidden');
    expect(await rowsOf(q)).toMatchObject({ installs: 1, portal_admins: 1 });
  });

  test('when an editor adds people by user id and by email, then each can edit on their next request, and the change is audited', async () => {
    const byId = await h.signIn(q, '3003');
    const byEmail = await h.signIn(q, '3004', 'Ops@Client.example');
    await write(byId, 'patch', '/api/v1/rules/check-in').send({ enabled: false }).expect(403);

    const saved = await write(owner, 'put', '/api/v1/admins').send({ admins: [{ userId: '3001' }, { userId: '3003' }, { email: 'ops@client.example' }] }).expect(200);
    expect(saved.body.admins).toEqual([
      { userId: '3001', addedBy: null, addedAt: new Date(NOW).toISOString() },
      { userId: '3003', addedBy: '3001', addedAt: new Date(NOW).toISOString() },
      { email: 'ops@client.example', addedBy: '3001', addedAt: new Date(NOW).toISOString() },
    ]);
    expect((await request(h.app).get('/api/v1/me').set('cookie', byEmail.cookie).expect(200)).body.canEdit).toBe(true);
    expect((await write(byId, 'patch', '/api/v1/rules/check-in').send({ enabled: false }).expect(200)).body.enabled).toBe(false);
    expect((await write(byEmail, 'patch', '/api/v1/rules/check-in').send({ enabled: true }).expect(200)).body.enabled).toBe(true);

    const audit = (await request(h.app).get('/api/v1/audit').set('cookie', owner.cookie).expect(200)).body.entries;
    const entry = audit.find((e: { action: string }) => e.action === 'admins.updated');
    expect(entry).toMatchObject({ target: 'admins', actor: { userId: '3001', via: 'settings-page' },
      changes: [{ path: 'admins', before: ['user 3001'], after: ['<ops@client.example>', 'user 3001', 'user 3003'] }] });
  });

  test('when an editor is removed, then their very next request (same session) cannot edit', async () => {
    const byId = await h.signIn(q, '3003');
    await write(byId, 'patch', '/api/v1/rules/reminder').send({ enabled: false }).expect(200);
    await write(owner, 'put', '/api/v1/admins').send({ admins: [{ userId: '3001' }, { email: 'ops@client.example' }] }).expect(200);
    expect((await write(byId, 'patch', '/api/v1/rules/reminder').send({ enabled: true }).expect(403)).body.error.code).toBe('forbidden');
    expect((await request(h.app).get('/api/v1/me').set('cookie', byId.cookie).expect(200)).body.canEdit).toBe(false);
  });

  test('when the list would drop the caller, be empty, exceed 50, repeat a person or hold a bad entry, then 400 and the list is unchanged', async () => {
    const before = (await request(h.app).get('/api/v1/admins').set('cookie', owner.cookie).expect(200)).body;
    const problems = async (body: object) => (await write(owner, 'put', '/api/v1/admins').send(body).expect(400)).body.error.problems.map((x: { path: string; code: string }) => `${x.path} ${x.code}`);
    expect(await problems({ admins: [{ userId: '3003' }] })).toEqual(['admins cannot_remove_self']);
    expect(await problems({ admins: [] })).toEqual(['admins out_of_range']);
    expect(await problems({ admins: Array.from({ length: 51 }, (_, i) => ({ userId: String(3001 + i) })) })).toEqual(['admins too_many']);
    expect(await problems({ admins: [{ userId: '3001' }, { email: 'A@b.example' }, { email: 'a@B.example' }] })).toEqual(['admins[2] duplicate_entry']);
    expect(await problems({ admins: [{ userId: '3001' }, { email: 'not-an-email' }, { userId: '12ab' }, {}, { userId: '9', portalId: q }] }))
      .toEqual(['admins[1].email invalid_format', 'admins[2].userId invalid_format', 'admins[3] invalid_format', 'admins[4] unknown_field']);
    expect((await request(h.app).get('/api/v1/admins').set('cookie', owner.cookie).expect(200)).body).toEqual(before);
  });

  test('when an editor calls through hubspot.fetch (signed), then the list can be read and replaced there too', async () => {
    const saved = await h.signed('PUT', '/api/v1/admins', { portalId: q, userId: '3001' }, { admins: [{ userId: '3001' }, { email: 'ops@client.example' }, { userId: '3005' }] }).expect(200);
    expect(saved.body.admins).toHaveLength(3);
    expect((await h.signed('GET', '/api/v1/admins', { portalId: q, userId: '3005' }).expect(200)).body.admins).toHaveLength(3);
  });
});

describe('uninstall', () => {
  let admin: Who;
  beforeAll(async () => { admin = await h.signIn(p, '4001', 'installer@client.example'); });

  test('when the confirmation is missing or names another portal, or the request is signed by hubspot.fetch, then nothing is deleted', async () => {
    expect((await write(admin, 'delete', '/api/v1/install').send({}).expect(400)).body.error.problems[0]).toMatchObject({ path: 'confirm', code: 'required' });
    expect((await write(admin, 'delete', '/api/v1/install').send({ confirm: q }).expect(400)).body.error.problems[0]).toMatchObject({ path: 'confirm', code: 'invalid_format' });
    await request(h.app).delete('/api/v1/install').set('cookie', admin.cookie).set('origin', h.publicBaseUrl).send({ confirm: p }).expect(403);
    expect((await h.signed('DELETE', '/api/v1/install', { portalId: p, userId: '4001' }, { confirm: p }).expect(403)).body.error.code).toBe('forbidden');
    expect(Object.values(await rowsOf(p)).every((n) => n >= 0)).toBe(true);
    expect((await rowsOf(p)).installs).toBe(1);
    expect(await hubspotAnswers(TOKEN)).toBe(200);
  });

  test('when HubSpot fails with a 5xx, a 429 or a timeout, then 502 and nothing is purged', async () => {
    const before = await rowsOf(p);
    try {
      hubspotFetch = async () => new Response('{"status":"error"}', { status: 503 });
      expect((await write(admin, 'delete', '/api/v1/install').send({ confirm: p }).expect(502)).body.error.code).toBe('hubspot_unavailable');
      hubspotFetch = async () => new Response('{"status":"error","category":"RATE_LIMITS"}', { status: 429 });
      await write(admin, 'delete', '/api/v1/install').send({ confirm: p }).expect(502);
      hubspotFetch = async () => { throw Object.assign(new Error('timed out'), { name: 'TimeoutError' }); };
      await write(admin, 'delete', '/api/v1/install').send({ confirm: p }).expect(502);
    } finally {
      hubspotFetch = (...args) => fetch(...args);
    }
    expect(await rowsOf(p)).toEqual(before);
    expect(await hubspotAnswers(TOKEN)).toBe(200);
  });

  test('when the admin confirms with the portal id, then HubSpot revokes the tokens, no row of the portal remains, its sessions end, and the other portal is untouched', async () => {
    const second = await h.signIn(p, '4002');
    await write(admin, 'patch', '/api/v1/rules/check-in').send({ enabled: false }).expect(200);
    const otherBefore = await rowsOf(q);
    expect(Object.values(await rowsOf(p)).some((n) => n > 0)).toBe(true);
    await hub.clearRequests();

    const done = await write(admin, 'delete', '/api/v1/install').send({ confirm: p }).expect(204);
    expect(String(done.headers['set-cookie']?.[0])).toMatch(/^__Host-unrobot_session=; .*Max-Age=0/);

    const calls = (await hub.requests() as unknown as { log: Array<{ method: string; path: string; status: number; portalId: number | null }> }).log;
    expect(calls.filter((c) => c.path.startsWith('/appinstalls'))).toEqual([expect.objectContaining({ method: 'DELETE', path: '/appinstalls/v3/external-install', status: 204, portalId: Number(p) })]);
    expect(await hubspotAnswers(TOKEN)).toBe(401);
    expect(await hubspotAnswers(OTHER_TOKEN)).toBe(200);
    expect(Object.entries(await rowsOf(p)).filter(([, n]) => n !== 0)).toEqual([]);
    expect(await rowsOf(q)).toEqual(otherBefore);
    for (const who of [admin, second]) await request(h.app).get('/api/v1/me').set('cookie', who.cookie).expect(401);
  });

  test('when HubSpot says the install is already gone (401/404), then the purge still runs', async () => {
    const uninstall = createAppUninstall({ apiBaseUrl: hub.url, tokens: createStaticTokenProvider(p, TOKEN) });
    expect(await uninstall(p)).toBe('already-gone'); // the token was revoked by the previous test: 401
    const notFound = createAppUninstall({ apiBaseUrl: 'http://127.0.0.1:9', tokens: createStaticTokenProvider(p, TOKEN), fetch: async () => new Response(null, { status: 404 }) });
    expect(await notFound(p)).toBe('already-gone');
    const noToken = createAppUninstall({ apiBaseUrl: hub.url, tokens: { getAccessToken: async () => { throw new AppError('hubspot.not-installed', 'no install'); } } });
    expect(await noToken(p)).toBe('already-gone');

    const again = await h.signIn(p, '4001'); // signs in to the purged portal again: the first user is its editor
    expect((await rowsOf(p)).portal_admins).toBe(1);
    await write(again, 'delete', '/api/v1/install').send({ confirm: p }).expect(204);
    expect(Object.entries(await rowsOf(p)).filter(([, n]) => n !== 0)).toEqual([]);
  });
});
