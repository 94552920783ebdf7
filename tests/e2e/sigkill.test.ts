/**
 * SIGKILL mid-pipeline: the real service (main.ts, child process, PGlite on disk) is killed
 * while its note write is inside HubSpot (the sandbox holds the request, then creates the note).
 * After a restart, the card's step key and the marker search find that note: exactly one card.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSandbox } from '../../src/sandbox/create-sandbox.ts';
import { createPgliteDatabase } from '../../src/store/pglite-database.ts';
import { eventually } from '../helpers/eventually.ts';
import { captureChildOutput, registerSecret } from '../helpers/test-logger.ts';
import type { SandboxNote } from './stack.ts';
import { seedPgliteDir } from '../helpers/pglite-template.ts';

const MAIN = new URL('../../src/main.ts', import.meta.url).pathname;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

interface RunningService { child: ChildProcess; exited: Promise<unknown>; output: () => string }

function startService(env: Record<string, string>): Promise<RunningService> {
  const child = spawn(process.execPath, [MAIN], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.stderr?.on('data', (chunk: Buffer) => captureChildOutput('sigkill-service', chunk));
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`service did not start: ${out.slice(-2000)}`)), 25_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      captureChildOutput('sigkill-service', chunk);
      if (out.includes('"msg":"ready"')) { clearTimeout(timer); resolve({ child, exited, output: () => out }); }
    });
    child.once('exit', () => { clearTimeout(timer); reject(new Error(`service exited early: ${out.slice(-2000)}`)); });
  });
}

test('when the service is SIGKILLed while HubSpot is writing its note, then after a restart the task has exactly one card', async () => {
  const secret = randomBytes(24).toString('base64url');
  const token = `kill-${randomBytes(16).toString('hex')}`;
  [secret, token].forEach(registerSecret);
  const port = await freePort();
  const serviceUrl = `http://127.0.0.1:${port}`;
  const sandbox = createSandbox({ app: { clientSecret: secret }, accessToken: token, webhookTarget: `${serviceUrl}/webhooks/hubspot` });
  const running = await sandbox.listen(0, '127.0.0.1');
  const dir = mkdtempSync(join(tmpdir(), 'unrobot-sigkill-'));
  await seedPgliteDir(dir);
  const env = {
    NODE_ENV: 'test', PORT: String(port), PUBLIC_BASE_URL: serviceUrl, DATA_DIR: dir, LOG_LEVEL: 'info', JOB_LEASE_SECONDS: '2', JOB_RETRY_DELAY_SECONDS: '1', JOB_SUSPECT_WARMUP_SECONDS: '2',
    HUBSPOT_CLIENT_SECRET: secret, HUBSPOT_ACCESS_TOKEN: token, HUBSPOT_PORTAL_ID: String(sandbox.portalId), HUBSPOT_API_BASE_URL: running.url,
  };
  let service = await startService(env);
  try {
    const control = async <T>(path: string, init?: RequestInit) =>
      (await (await fetch(`${running.url}${path}`, { ...init, headers: { 'content-type': 'application/json' } })).json()) as T;
    // The sandbox holds the note write for 1.5 s, then creates the note: the kill lands inside it.
    await control('/__sandbox/faults', { method: 'POST', body: JSON.stringify({ method: 'POST', path: '/crm/v3/objects/notes', latencyMs: 1500, times: 1 }) });
    const tasks = await control<{ results: { associations: { contacts: string[] } }[] }>('/__sandbox/tasks');
    const contact = tasks.results.flatMap((task) => task.associations.contacts)[0];
    await control('/__sandbox/tasks', { method: 'POST', body: JSON.stringify({ subject: 'Follow up', contactIds: [contact] }) });
    await eventually(() => control<{ results: { hits: number }[] }>('/__sandbox/faults'), (body) => body.results[0]?.hits === 1, 20_000);
    service.child.kill('SIGKILL');
    await service.exited;
    const afterKill = await eventually(() => control<{ results: SandboxNote[] }>('/__sandbox/notes'), (body) => body.results.length === 1, 5_000);
    expect(afterKill.results).toHaveLength(1); // HubSpot has the note; the service never recorded it

    service = await startService(env);
    const restartedAt = Date.now();
    // The restarted worker reclaims the job once its job lease lapses; as the same job's next attempt it
    // takes the card's publish lease over at once (no card.busy, no 30 s wait), finds the note by its
    // marker, and records it instead of posting again.
    const delivered = await eventually(async () => service.output(), (out) => out.includes('"reason":"card delivered"'), 15_000).then(() => true, () => false);
    // card.busy's message (the error code is redacted with OAuth's `code` in log lines)
    const busy = service.output().includes('another attempt is publishing this card');
    expect({ delivered, busy }).toEqual({ delivered: true, busy: false });
    const log = await control<{ log: { method: string; path: string; status: number }[] }>('/__sandbox/requests');
    expect(log.log.some((entry) => entry.path.endsWith('/search') && entry.status === 200)).toBe(true);
    process.stdout.write(`sigkill: restart to delivered ${Date.now() - restartedAt} ms\n`);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const final = (await control<{ results: SandboxNote[] }>('/__sandbox/notes')).results;
    expect(final).toHaveLength(1);
    service.child.kill('SIGTERM');
    await service.exited;
    const db = await createPgliteDatabase(dir);
    try {
      expect(await db.query('select status, hubspot_object_id from cards')).toEqual([{ status: 'delivered', hubspot_object_id: final[0]?.id }]);
    } finally {
      await db.close();
    }
  } finally {
    service.child.kill('SIGKILL');
    await service.exited;
    await running.close();
    rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);
