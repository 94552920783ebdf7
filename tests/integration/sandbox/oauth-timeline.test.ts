import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Client } from '@hubspot/api-client';
import { TimelineEventTemplateTokenTypeEnum } from '@hubspot/api-client/lib/codegen/crm/timeline/models/TimelineEventTemplateToken.js';
import { createFixedClock } from '../../../src/clock.ts';
import { startSandbox, type Started } from './start-sandbox.ts';

const clock = createFixedClock(Date.parse('2026-03-02T09:00:00Z'));
let s: Started;
beforeAll(async () => { s = await startSandbox({ clock, rateLimits: false }); });
afterAll(async () => { await s.close(); });

const REDIRECT = 'http://127.0.0.1:3000/oauth/callback';

async function authorize(): Promise<string> {
  const unauthenticated = new Client({ basePath: s.url });
  const url = unauthenticated.oauth.getAuthorizationUrl('sandbox-client-id', REDIRECT, 'oauth crm.objects.contacts.read timeline', undefined, 'st4te');
  const consent = new URL(url);
  const response = await fetch(`${s.url}${consent.pathname}${consent.search}`, { redirect: 'manual' });
  expect(response.status).toBe(302);
  const location = new URL(response.headers.get('location') ?? '');
  expect(location.origin + location.pathname).toBe(REDIRECT);
  expect(location.searchParams.get('state')).toBe('st4te');
  return location.searchParams.get('code') ?? '';
}

describe('OAuth', () => {
  it('when the app exchanges a code on /oauth/v1/token, then the token works until expires_in passes, then 401 EXPIRED_AUTHENTICATION', async () => {
    const code = await authorize();
    const oauth = new Client({ basePath: s.url }).oauth.tokensApi;
    const tokens = await oauth.create('authorization_code', code, REDIRECT, 'sandbox-client-id', 'sandbox-client-secret');
    expect(tokens.expiresIn).toBe(1800);
    const client = s.clientFor(tokens.accessToken);
    await expect(client.crm.objects.tasks.basicApi.getPage(1)).resolves.toBeDefined();
    const info = await new Client({ basePath: s.url }).oauth.accessTokensApi.get(tokens.accessToken);
    expect(info.hubId).toBe(s.sandbox.portalId);
    expect(info.scopes).toContain('timeline');
    clock.advance(1_801_000);
    await expect(client.crm.objects.tasks.basicApi.getPage(1)).rejects.toMatchObject({ code: 401, body: { category: 'EXPIRED_AUTHENTICATION' } });
    await expect(oauth.create('authorization_code', code, REDIRECT, 'sandbox-client-id', 'sandbox-client-secret')).rejects.toMatchObject({ code: 400, body: { status: 'BAD_AUTH_CODE' } });
  });

  it('when the app refreshes on /oauth/2026-03/token, then it gets a new access token; after revocation the refresh is BAD_REFRESH_TOKEN', async () => {
    const code = await authorize();
    const form = (fields: Record<string, string>) => fetch(`${s.url}/oauth/2026-03/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields) });
    const first = await (await form({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, client_id: 'sandbox-client-id', client_secret: 'sandbox-client-secret' })).json() as { refresh_token: string; access_token: string };
    const refreshed = await form({ grant_type: 'refresh_token', refresh_token: first.refresh_token, client_id: 'sandbox-client-id', client_secret: 'sandbox-client-secret' });
    expect(refreshed.status).toBe(200);
    const body = await refreshed.json() as { access_token: string; expires_in: number };
    expect(body.access_token).not.toBe(first.access_token);
    await new Client({ basePath: s.url }).oauth.refreshTokensApi.archive(first.refresh_token);
    await expect(s.clientFor(body.access_token).crm.owners.ownersApi.getPage()).rejects.toMatchObject({ code: 401, body: { category: 'INVALID_AUTHENTICATION' } });
    const again = await form({ grant_type: 'refresh_token', refresh_token: first.refresh_token, client_id: 'sandbox-client-id', client_secret: 'sandbox-client-secret' });
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ status: 'BAD_REFRESH_TOKEN' });
  });

  it('when the client secret is wrong, then the token endpoint refuses with 400', async () => {
    const code = await authorize();
    await expect(new Client({ basePath: s.url }).oauth.tokensApi.create('authorization_code', code, REDIRECT, 'sandbox-client-id', 'nope')).rejects.toMatchObject({ code: 400, body: { status: 'BAD_CLIENT_SECRET' } });
  });
});

describe('timeline v3, templates and app events', () => {
  it('when templates are managed with the developer API key, then create is 201, list/get/update work and a wrong key is 401', async () => {
    const dev = new Client({ developerApiKey: 'sandbox-developer-key', basePath: s.url });
    const appId = 4_242_001;
    const created = await dev.crm.timeline.templatesApi.create(appId, { name: 'Test', objectType: 'contacts', headerTemplate: '{{x}}', tokens: [{ name: 'x', label: 'X', type: TimelineEventTemplateTokenTypeEnum.String }] });
    expect(created.id).toMatch(/^\d+$/);
    const all = await dev.crm.timeline.templatesApi.getAll(appId);
    expect(all.results.map((t) => t.id)).toContain(created.id);
    const updated = await dev.crm.timeline.templatesApi.update(created.id, appId, { id: created.id, name: 'Renamed', tokens: created.tokens });
    expect(updated.name).toBe('Renamed');
    await dev.crm.timeline.templatesApi.archive(created.id, appId);
    await expect(dev.crm.timeline.templatesApi.getById(created.id, appId)).rejects.toMatchObject({ code: 404 });
    await expect(new Client({ developerApiKey: 'bad', basePath: s.url }).crm.timeline.templatesApi.getAll(appId)).rejects.toMatchObject({ code: 401 });
  });

  it('when events are created one by one and in a batch, then 201 and 207 come back and the control API lists them', async () => {
    const templateId = '1001000';
    const event = await s.client.crm.timeline.eventsApi.create({ eventTemplateId: templateId, objectId: '10028', id: 'refl-1', tokens: { headline: 'Before you follow up', why: 'last reply 23 days ago' } });
    expect(event.objectType).toBe('contacts');
    const batch = await s.client.crm.timeline.eventsApi.createBatch({ inputs: [
      { eventTemplateId: templateId, objectId: '10029', id: 'refl-2', tokens: { headline: 'h' } },
      { eventTemplateId: templateId, objectId: '10029', id: 'refl-1', tokens: { headline: 'dup' } },
    ] });
    expect((batch as { results: unknown[] }).results).toHaveLength(1);
    expect((batch as { numErrors?: number }).numErrors).toBe(1);
    const fetched = await s.client.crm.timeline.eventsApi.getById(templateId, 'refl-1');
    expect(fetched.tokens.headline).toBe('Before you follow up');
    const appEvent = await s.client.apiRequest({ method: 'POST', path: '/integrators/timeline/v4/events', body: { eventTypeName: 'ae4242001_reflection_contacts', objectId: '10028', id: 'app-1', properties: { headline: 'h' } } });
    expect(appEvent.status).toBe(201);
    const listed = await (await fetch(`${s.url}/__sandbox/timeline-events`)).json() as { results: Array<{ kind: string; id: string }> };
    expect(listed.results.map((e) => `${e.kind}:${e.id}`)).toEqual(expect.arrayContaining(['timeline-v3:refl-1', 'timeline-v3:refl-2', 'app-event:app-1']));
  });
});
