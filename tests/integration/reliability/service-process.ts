/**
 * The real service as a child process, for crash tests: started with a test environment, its log
 * lines captured for the secret scan, and helpers to wait for a given log message.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { PUBLIC_BASE_URL, TEST_SECRET, staticTokenEnv } from '../../helpers/hubspot-webhook.ts';
import { captureChildOutput } from '../../helpers/test-logger.ts';

const MAIN = new URL('../../../src/main.ts', import.meta.url).pathname;

export interface ServiceProcess {
  child: ChildProcess;
  exited: Promise<number | null>;
  /** Resolves with the first log line whose `msg` matches (rejects if the process exits first or after `ms`). */
  waitFor(msg: string, ms?: number): Promise<Record<string, unknown>>;
  lines(): Record<string, unknown>[];
}

export function startServiceProcess(name: string, env: Record<string, string>, args: string[] = []): ServiceProcess {
  const child = spawn(process.execPath, [MAIN, ...args], {
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', PORT: '0', PUBLIC_BASE_URL, HUBSPOT_CLIENT_SECRET: TEST_SECRET, ...staticTokenEnv(),
      JOB_LEASE_SECONDS: '2', JOB_RETRY_DELAY_SECONDS: '1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const parsed: Record<string, unknown>[] = [];
  const waiters: { msg: string; resolve: (line: Record<string, unknown>) => void }[] = [];
  let pending = '';
  let exitCode: number | null | undefined;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => { exitCode = code; resolve(code); }));
  child.stdout?.on('data', (chunk: Buffer) => {
    captureChildOutput(name, chunk);
    pending += chunk.toString();
    const complete = pending.split('\n');
    pending = complete.pop() ?? '';
    for (const text of complete) {
      let line: Record<string, unknown>;
      try { line = JSON.parse(text) as Record<string, unknown>; } catch { continue; }
      parsed.push(line);
      for (const waiter of waiters.filter((w) => w.msg === line.msg)) waiter.resolve(line);
    }
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => { stderr += chunk.toString(); captureChildOutput(name, chunk); });
  return {
    child, exited, lines: () => parsed,
    waitFor: (msg, ms = 25_000) => {
      const seen = parsed.find((line) => line.msg === msg);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${name}: no "${msg}" within ${ms} ms; stderr: ${stderr.slice(-2000)}`)), ms);
        waiters.push({ msg, resolve: (line) => { clearTimeout(timer); resolve(line); } });
        void exited.then(() => { if (exitCode !== undefined) setTimeout(() => reject(new Error(`${name} exited (${exitCode}) before "${msg}": ${stderr.slice(-2000)}`)), 50); });
      });
    },
  };
}
