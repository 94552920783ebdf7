/**
 * RELIABILITY.md row 40: HubSpot wrote the note but the connection broke before the answer came
 * back (ECONNRESET after sending). A proxy between the service (`src/main.ts`, child process) and
 * the sandbox forwards the first note write, lets the sandbox create the note, then destroys the
 * service's socket instead of answering. The error is retryable; the retry's marker search finds
 * the note, so the task still has exactly one card.
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
import { startAnswerLosingProxy } from './answer-losing-proxy.ts';
import type { SandboxNote } from './stack.ts';
import { seedPgliteDir } from '../helpers/pglite-template.ts';

test('when the connection resets after HubSpot created the note, then the retry finds it and the task has exactly one card', async () => {
  const token = `reset-${randomBytes(16).toString('hex')}`;
  registerSecret(token);
  const sandbox = createSandbox({ app: { clientSecret: TEST_SECRET }, accessToken: token, seed: true });
  const running = await sandbox.listen(0, '127.0.0.1');
  const proxy = await startAnswerLosingProxy(running.url);
  proxy.loseNextAnswer((method, path) => method === 'POST' && /^\/crm\/v3\/objects\/notes\/?$/.test(path));
  const dir = mkdtempSync(join(tmpdir(), 'unrobot-reset-'));
  await seedPgliteDir(dir);
  const service = startServiceProcess('reset-after-write', {
    DATA_DIR: dir, HUBSPOT_ACCESS_TOKEN: token, HUBSPOT_PORTAL_ID: String(sandbox.portalId), HUBSPOT_API_BASE_URL: proxy.url,
    JOB_LEASE_SECONDS: '30', CATCH_UP_POLL_SECONDS: '0',
  });
  try {
    const url = String((await service.waitFor('listening')).url);
    await service.waitFor('ready', 30_000);
    const control = async <T>(path: string, init?: RequestInit) =>
      (await (await fetch(`${running.url}${path}`, { ...init, headers: { 'content-type': 'application/json' } })).json()) as T;
    const tasks = await control<{ results: { associations: { contacts: string[] } }[] }>('/__sandbox/tasks');
    const contact = tasks.results.flatMap((task) => task.associations.contacts)[0];
    const task = await control<{ id: string }>('/__sandbox/tasks', { method: 'POST', body: JSON.stringify({ subject: 'Follow up', contactIds: [contact] }) });
    const now = Date.now();
    const body = JSON.stringify([{ eventId: 40_000_001, subscriptionId: 1001, portalId: sandbox.portalId, appId: DEFAULT_APP.appId, occurredAt: now,
      subscriptionType: 'object.creation', attemptNumber: 0, objectId: Number(task.id), objectTypeId: '0-27', changeSource: 'CRM_UI' }]);
    const answer = await fetch(`${url}/webhooks/hubspot`, { method: 'POST', body, headers: signedHeaders(body, { timestamp: now, baseUrl: PUBLIC_BASE_URL }) });
    expect(answer.status).toBe(204);

    await eventually(async () => proxy.lost(), (n) => n === 1, 20_000);
    // The retry runs the marker search; it finds the note and records the card instead of posting again.
    await eventually(() => control<{ log: { path: string; status: number }[] }>('/__sandbox/requests'),
      (log) => log.log.some((entry) => entry.path.endsWith('/search') && entry.status === 200), 60_000);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const notes = (await control<{ results: SandboxNote[] }>('/__sandbox/notes')).results;
    expect(notes).toHaveLength(1);
    expect(proxy.lost()).toBe(1);
    expect(service.lines().some((line) => line.msg === 'hubspot call failed' && line.operation !== undefined && line.retryable === true)).toBe(true);
  } finally {
    service.child.kill('SIGTERM');
    await service.exited;
    await proxy.close();
    await running.close();
    rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);
