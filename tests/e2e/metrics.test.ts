/**
 * `/metrics` (issue 8, item 6) on the real service (`src/main.ts`, child process, PGlite) against
 * the sandbox: every family is present, and each one moves when its event happens — webhook acks
 * by status with the latency histogram, queue depth and age, job outcomes, HubSpot calls by
 * operation and status, 429s, cards delivered and skipped by reason, feedback by action.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSandbox, DEFAULT_APP } from '../../src/sandbox/create-sandbox.ts';
import { eventually } from '../helpers/eventually.ts';
import { PUBLIC_BASE_URL, TEST_SECRET, signedHeaders } from '../helpers/hubspot-webhook.ts';
import { registerSecret } from '../helpers/test-logger.ts';
import { startServiceProcess } from '../integration/reliability/service-process.ts';
import type { SandboxNote } from './stack.ts';
import { seedPgliteDir } from '../helpers/pglite-template.ts';

/** Sums the samples of `family` whose labels include every pair in `labels`. */
function sample(text: string, family: string, labels: Record<string, string> = {}): number {
  let total = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${family}{`) && !line.startsWith(`${family} `)) continue;
    if (!Object.entries(labels).every(([key, value]) => line.includes(`${key}="${value}"`))) continue;
    total += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return total;
}

test('when webhooks, jobs, HubSpot calls, a 429, cards, skips and feedback happen, then each metric family is exposed behind the token and moves', async () => {
  const token = `metrics-${randomBytes(16).toString('hex')}`;
  const metricsToken = randomBytes(24).toString('base64url');
  const sessionSecret = randomBytes(32).toString('base64url');
  [token, metricsToken, sessionSecret].forEach(registerSecret);
  const sandbox = createSandbox({ app: { clientSecret: TEST_SECRET }, accessToken: token, seed: true });
  const running = await sandbox.listen(0, '127.0.0.1');
  const dir = mkdtempSync(join(tmpdir(), 'unrobot-metrics-'));
  await seedPgliteDir(dir);
  const service = startServiceProcess('metrics-service', {
    DATA_DIR: dir, HUBSPOT_ACCESS_TOKEN: token, HUBSPOT_PORTAL_ID: String(sandbox.portalId), HUBSPOT_API_BASE_URL: running.url,
    METRICS_TOKEN: metricsToken, SESSION_SECRET: sessionSecret, JOB_LEASE_SECONDS: '30', CATCH_UP_POLL_SECONDS: '0',
  });
  try {
    const url = String((await service.waitFor('listening')).url);
    await service.waitFor('ready', 30_000);
    const control = async <T>(path: string, init?: RequestInit) =>
      (await (await fetch(`${running.url}${path}`, { ...init, headers: { 'content-type': 'application/json' } })).json()) as T;
    const scrape = async () => (await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } })).text();

    expect((await fetch(`${url}/metrics`)).status).toBe(404);
    expect((await fetch(`${url}/metrics`, { headers: { authorization: 'Bearer wrong-token-of-some-length' } })).status).toBe(404);
    const before = await scrape();
    for (const family of ['unrobot_webhook_acks_total', 'unrobot_webhook_ack_duration_seconds', 'unrobot_queue_jobs', 'unrobot_queue_oldest_waiting_seconds',
      'unrobot_jobs_settled_total', 'unrobot_hubspot_calls_total', 'unrobot_hubspot_rate_limited_total', 'unrobot_cards_delivered_total',
      'unrobot_cards_skipped_total', 'unrobot_feedback_total']) {
      expect(before).toContain(`# TYPE ${family} `);
    }

    // One robotic task, one deleted before its event is processed; the first task read answers 429.
    await control('/__sandbox/faults', { method: 'POST', body: JSON.stringify({ path: '/crm/v3/objects/tasks/batch/read', status: 429, times: 1, policyName: 'SECONDLY' }) });
    const tasks = await control<{ results: { associations: { contacts: string[] } }[] }>('/__sandbox/tasks');
    const contact = tasks.results.flatMap((task) => task.associations.contacts)[0];
    const create = async (subject: string) => (await control<{ id: string }>('/__sandbox/tasks', { method: 'POST', body: JSON.stringify({ subject, contactIds: [contact] }) })).id;
    const robotic = await create('Follow up');
    const deleted = await create('Check in');
    await fetch(`${running.url}/__sandbox/tasks/${deleted}`, { method: 'DELETE' });
    const now = Date.now();
    const events = [robotic, deleted].map((id, i) => ({ eventId: 9_300_000 + i, subscriptionId: 1001, portalId: sandbox.portalId, appId: DEFAULT_APP.appId,
      occurredAt: now, subscriptionType: 'object.creation', attemptNumber: 0, objectId: Number(id), objectTypeId: '0-27', changeSource: 'CRM_UI' }));
    const body = JSON.stringify(events);
    const post = (headers: Record<string, string>) => fetch(`${url}/webhooks/hubspot`, { method: 'POST', body, headers });
    expect((await post(signedHeaders(body, { timestamp: now, baseUrl: PUBLIC_BASE_URL }))).status).toBe(204);
    expect((await post(signedHeaders(body, { timestamp: now, baseUrl: PUBLIC_BASE_URL, secret: 'not-the-client-secret' }))).status).toBe(401);

    const after = await eventually(scrape, (text) => sample(text, 'unrobot_cards_delivered_total') >= 1 && sample(text, 'unrobot_cards_skipped_total') >= 1, 40_000);
    expect(sample(after, 'unrobot_webhook_acks_total', { status: '204' })).toBe(1);
    expect(sample(after, 'unrobot_webhook_acks_total', { status: '401' })).toBe(1);
    expect(sample(after, 'unrobot_webhook_ack_duration_seconds_count', { status: '204' })).toBe(1);
    expect(sample(after, 'unrobot_jobs_settled_total')).toBeGreaterThanOrEqual(2);
    expect(sample(after, 'unrobot_hubspot_calls_total', { status: '2xx' })).toBeGreaterThan(sample(before, 'unrobot_hubspot_calls_total', { status: '2xx' }));
    expect(sample(after, 'unrobot_hubspot_calls_total', { status: '429' })).toBe(1);
    expect(sample(after, 'unrobot_hubspot_rate_limited_total')).toBe(1);
    expect(sample(after, 'unrobot_cards_delivered_total')).toBe(1);
    expect(sample(after, 'unrobot_cards_skipped_total', { reason: 'task-deleted' })).toBe(1);
    expect(after).toMatch(/^unrobot_queue_oldest_waiting_seconds \d/m);
    expect(sample(after, 'unrobot_queue_jobs', { state: 'completed' })).toBeGreaterThanOrEqual(2);

    // Feedback: the note's "helpful" link, followed on the service.
    const [note] = (await control<{ results: SandboxNote[] }>('/__sandbox/notes')).results;
    const link = /href="https:\/\/unrobot\.example\.com(\/feedback\/[^"]+)"/.exec(note?.body ?? '')?.[1];
    expect(link).toBeDefined();
    expect((await fetch(`${url}${link}`)).status).toBe(200);
    expect(sample(await scrape(), 'unrobot_feedback_total', { outcome: 'recorded' })).toBe(1);
  } finally {
    service.child.kill('SIGTERM');
    await service.exited;
    await running.close();
    rmSync(dir, { recursive: true, force: true });
  }
}, 90_000);
