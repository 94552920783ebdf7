/**
 * `npm start` with no configuration at all: development mode, PGlite under ./data (here a temp
 * working directory), /healthz within 10 s, then a clean SIGTERM drain within 25 s.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const MAIN = new URL('../../src/main.ts', import.meta.url).pathname;

test('when started with an empty environment, then /healthz answers within 10 s, /readyz turns ready, and SIGTERM exits 0', async () => {
  const cwd = mkdtempSync(join(tmpdir(), 'unrobot-start-'));
  // PORT=0 only so parallel test runs do not collide on 3000; nothing else is configured.
  const child = spawn(process.execPath, [MAIN], { cwd, env: { PATH: process.env.PATH ?? '', PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    const started = Date.now();
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no listening line: ${out}`)), 10_000);
      child.stdout?.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /"url":"(http:\/\/[^"]+)"/.exec(out);
        if (match?.[1]) { clearTimeout(timer); resolve(match[1]); }
      });
    });
    expect((await fetch(`${url}/healthz`, { headers: { connection: 'close' } })).status).toBe(200);
    expect(Date.now() - started).toBeLessThan(10_000);
    // No credentials at all is demo mode: the local sandbox, announced loudly (src/demo.ts).
    expect(out).toContain('DEMO MODE');

    const until = Date.now() + 20_000;
    // A fresh connection per poll: PGlite's start can block the event loop past the server's
    // keep-alive timeout, and a reused socket would then be reset under the client.
    const readyStatus = () => fetch(`${url}/readyz`, { headers: { connection: 'close' } }).then((res) => res.status, () => 0);
    while ((await readyStatus()) !== 200) {
      if (Date.now() > until) throw new Error('never ready');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(existsSync(join(cwd, 'data'))).toBe(true);

    const stopAt = Date.now();
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(Date.now() - stopAt).toBeLessThan(25_000);
  } finally {
    child.kill('SIGKILL');
    rmSync(cwd, { recursive: true, force: true });
  }
}, 60_000);

test.each([
  ['--worker-only', { HUBSPOT_CLIENT_SECRET: 'test-secret', HUBSPOT_ACCESS_TOKEN: 'pat-na1-startup' }, 'HUBSPOT_PORTAL_ID'],
  ['', { HUBSPOT_CLIENT_SECRET: 'test-secret' }, 'HUBSPOT_ACCESS_TOKEN'],
])('when started (%s) with credentials that cannot deliver a card, then it exits 2 with one line naming %s', (mode, env, missing) => {
  const run = spawnSync(process.execPath, [MAIN, ...(mode ? [mode] : [])], { env: { PATH: process.env.PATH ?? '', PORT: '0', ...env }, encoding: 'utf8', timeout: 30_000 });
  expect(run.status).toBe(2);
  expect(run.stderr.trim().split('\n')).toEqual([expect.stringContaining(`${missing} is required`)]);
  expect(run.stdout).not.toContain('"msg":"listening"');
});
