/**
 * Demo mode as a newcomer meets it: `npm start` with no configuration starts the sandbox and
 * the service together, says so loudly, and cards appear in `GET /__sandbox/notes` within 30 s.
 * With NODE_ENV=production and no credentials, it refuses to start.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { captureChildOutput } from '../helpers/test-logger.ts';

const MAIN = new URL('../../src/main.ts', import.meta.url).pathname;

const freePort = () => new Promise<number>((resolve) => {
  const probe = createServer().listen(0, '127.0.0.1', () => { const { port } = probe.address() as AddressInfo; probe.close(() => resolve(port)); });
});

test('when started with no configuration, then a banner names the sandbox and cards appear in its notes within 30 s', async () => {
  const cwd = mkdtempSync(join(tmpdir(), 'unrobot-demo-'));
  const started = Date.now();
  const child = spawn(process.execPath, [MAIN], { cwd, env: { PATH: process.env.PATH ?? '', PORT: String(await freePort()) }, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    child.stdout?.on('data', (chunk: Buffer) => captureChildOutput('demo-mode', chunk));
    const sandboxUrl = await new Promise<string>((resolve, reject) => {
      let err = '';
      const timer = setTimeout(() => reject(new Error(`no banner: ${err}`)), 30_000);
      child.stderr?.on('data', (chunk: Buffer) => {
        err += chunk.toString();
        captureChildOutput('demo-mode', chunk);
        const match = /UNROBOT DEMO MODE[\s\S]*GET (http:\/\/127\.0\.0\.1:\d+)\/__sandbox\/notes/.exec(err);
        if (match?.[1]) { clearTimeout(timer); resolve(match[1]); }
      });
    });
    let notes = 0;
    while (notes === 0 && Date.now() - started < 30_000) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      const body = await fetch(`${sandboxUrl}/__sandbox/notes`).then((res) => res.json() as Promise<{ results: unknown[] }>, () => ({ results: [] }));
      notes = body.results.length;
    }
    expect(notes).toBeGreaterThan(0);
    expect(Date.now() - started).toBeLessThan(30_000);
  } finally {
    child.kill('SIGTERM');
    await exited;
    rmSync(cwd, { recursive: true, force: true });
  }
}, 60_000);

test('when NODE_ENV=production has no HubSpot credentials, then the service refuses to start (no demo in production)', async () => {
  const child = spawn(process.execPath, [MAIN], { env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr?.on('data', (chunk: Buffer) => { err += chunk.toString(); });
  const code = await new Promise((resolve) => child.once('exit', resolve));
  expect(code).toBe(2);
  expect(err).toContain('demo mode is refused');
  expect(err).not.toContain('DEMO MODE');
}, 30_000);
