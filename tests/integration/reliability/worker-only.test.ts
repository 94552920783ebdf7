/**
 * `npm run worker` (worker-only mode) still answers /healthz at once and /readyz when the store
 * and queue are up, on PORT; it serves nothing else, and drains on SIGTERM.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PUBLIC_BASE_URL, TEST_SECRET, staticTokenEnv } from '../../helpers/hubspot-webhook.ts';
import { captureChildOutput } from '../../helpers/test-logger.ts';
import { seedPgliteDir } from '../../helpers/pglite-template.ts';

const MAIN = new URL('../../../src/main.ts', import.meta.url).pathname;

test('when the worker runs alone, then /healthz and /readyz answer on PORT, the webhook route does not exist, and SIGTERM exits 0', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'unrobot-worker-only-'));
  await seedPgliteDir(dir);
  const child = spawn(process.execPath, [MAIN, '--worker-only'], {
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', PORT: '0', DATA_DIR: dir, PUBLIC_BASE_URL, HUBSPOT_CLIENT_SECRET: TEST_SECRET, ...staticTokenEnv(), LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    let out = '';
    child.stderr?.on('data', (chunk: Buffer) => captureChildOutput('worker-only', chunk));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`worker did not listen: ${out}`)), 20_000);
      child.stdout?.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        captureChildOutput('worker-only', chunk);
        const match = /"url":"(http:\/\/[^"]+)".*"msg":"listening"/.exec(out);
        if (match?.[1]) { clearTimeout(timer); resolve(match[1]); }
      });
    });
    // PGlite's start can hold the event loop for a while on a busy machine, so poll rather than time one call.
    const statusOf = async (path: string) => { try { return (await fetch(`${url}${path}`)).status; } catch { return 0; } };
    const until = Date.now() + 25_000;
    const poll = async (path: string) => {
      let status = await statusOf(path);
      while (status !== 200 && Date.now() < until) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        status = await statusOf(path);
      }
      return status;
    };
    expect(await poll('/healthz')).toBe(200);
    expect(await poll('/readyz')).toBe(200);
    expect(out).toContain('"msg":"worker started"');
    expect((await fetch(`${url}/webhooks/hubspot`, { method: 'POST', body: '[]', headers: { 'content-type': 'application/json' } })).status).toBe(404);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  } finally {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}, 45_000);
