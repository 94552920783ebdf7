import { afterEach, describe, expect, it } from '@jest/globals';
import { createFixedClock } from '../../../src/clock.ts';
import { seedDemoPortal } from '../../../src/sandbox/seed.ts';
import { createPortal } from '../../../src/sandbox/portal.ts';
import { startSandbox, type Started } from './start-sandbox.ts';

let s: Started | undefined;
afterEach(async () => { await s?.close(); });

const json = { 'content-type': 'application/json' };

describe('rate limits', () => {
  it('when a portal makes 111 calls within 10 s, then the 111th is a 429 TEN_SECONDLY_ROLLING with headers and Retry-After, and another portal is unaffected', async () => {
    const clock = createFixedClock(Date.parse('2026-03-02T09:00:00Z'));
    s = await startSandbox({ clock });
    const other = s.sandbox.addPortal({ accessToken: 'second-portal-token' });
    const call = (token: string) => fetch(`${s!.url}/crm/v3/owners`, { headers: { authorization: `Bearer ${token}` } });
    for (let i = 0; i < 110; i += 1) expect((await call(s.sandbox.accessToken)).status).toBe(200);
    const limited = await call(s.sandbox.accessToken);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('x-hubspot-ratelimit-max')).toBe('110');
    expect(limited.headers.get('x-hubspot-ratelimit-remaining')).toBe('0');
    // The fixed clock did not move: the window's oldest call leaves it in 10 s.
    expect(limited.headers.get('retry-after')).toBe('10');
    expect(await limited.json()).toMatchObject({ status: 'error', errorType: 'RATE_LIMIT', policyName: 'TEN_SECONDLY_ROLLING', message: 'You have reached your ten_secondly_rolling limit.', correlationId: expect.any(String), requestId: expect.any(String) });
    expect((await call(other.accessToken)).status).toBe(200);
    clock.advance(10_001);
    expect((await call(s.sandbox.accessToken)).status).toBe(200);
  });

  it('when a portal searches 6 times in a second, then the 6th gets the secondly 429 the SDK recognises', async () => {
    const clock = createFixedClock(Date.parse('2026-03-02T09:00:00Z'));
    s = await startSandbox({ clock });
    const search = () => fetch(`${s!.url}/crm/v3/objects/tasks/search`, { method: 'POST', headers: { ...json, authorization: `Bearer ${s!.sandbox.accessToken}` }, body: '{}' });
    for (let i = 0; i < 5; i += 1) expect((await search()).status).toBe(200);
    const limited = await search();
    expect(limited.status).toBe(429);
    expect(await limited.json()).toMatchObject({ message: 'You have reached your secondly limit.', errorType: 'RATE_LIMIT' });
  });
});

describe('fault injection', () => {
  it('when a fault says 503 twice on one endpoint, then two calls fail, the third succeeds and other endpoints are untouched', async () => {
    s = await startSandbox({ rateLimits: false });
    const fault = await fetch(`${s.url}/__sandbox/faults`, { method: 'POST', headers: json, body: JSON.stringify({ method: 'POST', path: '/crm/v3/objects/tasks/batch/read', status: 503, times: 2 }) });
    expect(fault.status).toBe(201);
    const read = () => s!.client.crm.objects.tasks.batchApi.read({ inputs: [{ id: '10393' }], properties: [], propertiesWithHistory: [] });
    await expect(s.client.crm.owners.ownersApi.getPage()).resolves.toBeDefined();
    await expect(read()).rejects.toMatchObject({ code: 503 });
    await expect(read()).rejects.toMatchObject({ code: 503 });
    await expect(read()).resolves.toMatchObject({ status: 'COMPLETE' });
  });

  it('when a fault hangs or resets, then the client sees a timeout or a connection error', async () => {
    s = await startSandbox({ rateLimits: false });
    await fetch(`${s.url}/__sandbox/faults`, { method: 'POST', headers: json, body: JSON.stringify({ path: '/crm/v3/objects/tasks/*', hang: true }) });
    await expect(fetch(`${s.url}/crm/v3/objects/tasks/10393`, { headers: { authorization: `Bearer ${s.sandbox.accessToken}` }, signal: AbortSignal.timeout(200) })).rejects.toThrow(/abort|timeout/i);
    await fetch(`${s.url}/__sandbox/faults`, { method: 'POST', headers: json, body: JSON.stringify({ path: '/crm/v3/owners', reset: true }) });
    await expect(fetch(`${s.url}/crm/v3/owners`, { headers: { authorization: `Bearer ${s.sandbox.accessToken}` } })).rejects.toThrow(/fetch failed/);
  });

  it('when a 429 fault and added latency are set, then the body names the policy and the call takes at least the latency', async () => {
    s = await startSandbox({ rateLimits: false });
    await fetch(`${s.url}/__sandbox/faults`, { method: 'POST', headers: json, body: JSON.stringify({ path: '/crm/v3/owners*', status: 429, latencyMs: 80 }) });
    const started = performance.now();
    await expect(s.client.crm.owners.ownersApi.getPage()).rejects.toMatchObject({ code: 429, body: { policyName: 'TEN_SECONDLY_ROLLING' } });
    expect(performance.now() - started).toBeGreaterThanOrEqual(75);
  });
});

describe('control API and seed', () => {
  it('when requests are made, then the log counts them per endpoint and portal; reset drops changes and counts', async () => {
    s = await startSandbox({ rateLimits: false });
    const task = await s.client.crm.objects.tasks.basicApi.getById('10393');
    await s.client.crm.objects.tasks.basicApi.getById(task.id);
    const log = await (await fetch(`${s.url}/__sandbox/requests`)).json() as { byEndpoint: Record<string, number>; byPortal: Record<string, number> };
    expect(log.byEndpoint['GET /crm/v3/objects/:objectType/:objectId']).toBe(2);
    expect(log.byPortal[String(s.sandbox.portalId)]).toBe(2);
    expect((await fetch(`${s.url}/__sandbox/tasks/10393/complete`, { method: 'POST' })).status).toBe(200);
    expect((await fetch(`${s.url}/__sandbox/tasks/10394`, { method: 'DELETE' })).status).toBe(204);
    await expect(s.client.crm.objects.tasks.basicApi.getById('10394')).rejects.toMatchObject({ code: 404 });
    expect((await fetch(`${s.url}/__sandbox/reset`, { method: 'POST' })).status).toBe(204);
    const after = await s.client.crm.objects.tasks.basicApi.getById('10393', ['hs_task_status']);
    expect(after.properties.hs_task_status).toBe('NOT_STARTED');
    expect(await (await fetch(`${s.url}/__sandbox/requests`)).json()).toMatchObject({ total: 1 });
  });

  it('when the demo portal is seeded twice with the same now, then it is identical and meets the demo\'s minimums', () => {
    const now = Date.parse('2026-03-02T09:00:00Z');
    const [a, b] = [createPortal(1), createPortal(1)];
    const truth = seedDemoPortal(a, now);
    seedDemoPortal(b, now);
    const dump = (p: typeof a) => JSON.stringify([...p.records].map(([type, m]) => [type, [...m.values()]]));
    expect(dump(a)).toBe(dump(b));
    const count = (type: string) => a.records.get(type as never)?.size ?? 0;
    expect(count('companies')).toBeGreaterThanOrEqual(25);
    expect(new Set([...a.records.get('companies')!.values()].map((c) => c.properties.industry)).size).toBeGreaterThanOrEqual(6);
    expect(count('contacts')).toBe(60);
    expect(count('deals')).toBe(30);
    expect(count('tasks')).toBeGreaterThanOrEqual(80);
    expect(truth.roboticTaskIds.length + truth.specificTaskIds.length).toBe(count('tasks'));
    expect(truth.silentCompanyIds.length).toBeGreaterThan(0);
    expect(truth.activeCompanyIds.length).toBeGreaterThan(0);
    const tasks = [...a.records.get('tasks')!.values()];
    expect(tasks.some((t) => t.properties.hs_task_sequence_step_enrollment_id)).toBe(true);
    expect(tasks.some((t) => t.properties.hs_object_source === 'AUTOMATION_PLATFORM')).toBe(true);
    expect(tasks.some((t) => /Nachfassen|seguimiento|Relancer/.test(t.properties.hs_task_subject ?? ''))).toBe(true);
  });
});

describe('tenancy', () => {
  it('when a second portal is added, then its token sees only its own records, even where ids coincide', async () => {
    s = await startSandbox({ rateLimits: false });
    const second = s.sandbox.addPortal({ accessToken: 'tenant-b', seed: false });
    const b = s.clientFor(second.accessToken);
    await expect(b.crm.objects.tasks.basicApi.getById('10393')).rejects.toMatchObject({ code: 404 });
    const created = await fetch(`${s.url}/__sandbox/tasks`, { method: 'POST', headers: json, body: JSON.stringify({ subject: 'Follow up', portalId: second.portalId }) });
    const task = await created.json() as { id: string; portalId: number };
    expect(task.portalId).toBe(second.portalId);
    await expect(b.crm.objects.tasks.basicApi.getById(task.id, ['hs_task_subject'])).resolves.toMatchObject({ properties: { hs_task_subject: 'Follow up' } });
    const a = await s.client.crm.objects.tasks.basicApi.getById(task.id, ['hs_task_subject']).catch((error: { code: number }) => error);
    expect((a as { properties?: { hs_task_subject?: string } }).properties?.hs_task_subject).not.toBe('Follow up');
    const info = await (await fetch(`${s.url}/oauth/v1/access-tokens/tenant-b`)).json() as { hub_id: number };
    expect(info.hub_id).toBe(second.portalId);
  });
});
