/**
 * Benchmarked servers run in their own processes, so the load generator (autocannon, in the
 * bench process) never shares their event loop. `startUnrobot` runs the real service
 * (`src/main.ts`: createApp + the real store, migrations, pg-boss) on PGlite or a fresh
 * PostgreSQL database; `startBareServer` runs the bare Express baseline. Both can report their
 * RSS and heap (after a GC when asked) through an IPC channel (see memory-hook.ts).
 * `BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof"` profiles the servers.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const BENCH_SECRET = 'bench-client-secret-5d1e9a77';
export const BENCH_BASE_URL = 'https://unrobot.bench.example';

const root = fileURLToPath(new URL('../..', import.meta.url));
const hook = fileURLToPath(new URL('./memory-hook.ts', import.meta.url));
const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export type Engine = 'pglite' | 'postgres';

/** USER_HZ: Linux reports process times in 1/100 s on every architecture Node supports here. */
const CLOCK_TICKS = 100;

export interface MemoryUsage {
  rss: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}

export interface ServerProcess {
  url: string;
  pid: number;
  /** Asks the server for `process.memoryUsage()`, after two full GCs when `gc` is true. */
  memory(gc: boolean): Promise<MemoryUsage>;
  /** Resident set size from /proc, without disturbing the server (for sampling under load). */
  rssBytes(): number;
  /** CPU time (user + system) the server process has used so far, ms, from /proc. */
  cpuMs(): number;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

async function waitReady(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode} before it was ready`);
    const status = await fetch(`${url}/readyz`).then((res) => res.status, () => 0);
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`server at ${url} not ready within ${timeoutMs} ms`);
}

async function spawnServer(args: string[], env: Record<string, string>, cleanup: () => Promise<void>): Promise<ServerProcess> {
  const port = await freePort();
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter((arg) => arg !== '');
  const child = spawn(process.execPath, ['--expose-gc', ...nodeArgs, '--import', hook, ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await waitReady(url, child, 60_000);
  } catch (error) {
    child.kill('SIGKILL');
    await exited;
    await cleanup();
    throw error;
  }
  const pid = child.pid ?? 0;
  return {
    url,
    pid,
    memory: (gc) =>
      new Promise<MemoryUsage>((resolve) => {
        const onMessage = (message: { type?: string; usage?: MemoryUsage }) => {
          if (message.type !== 'memory' || message.usage === undefined) return;
          child.off('message', onMessage);
          resolve(message.usage);
        };
        child.on('message', onMessage);
        child.send({ type: 'memory', gc });
      }),
    rssBytes: () => {
      const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((text) => text.startsWith('VmRSS:'));
      return Number(/(\d+)/.exec(line ?? '')?.[1] ?? Number.NaN) * 1024;
    },
    cpuMs: () => {
      // /proc/PID/stat: fields 14 and 15 (utime, stime) in clock ticks, after the ")" of the name.
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      return (Number(fields[11]) + Number(fields[12])) * (1000 / CLOCK_TICKS);
    },
    stop: async () => {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(killer);
      await cleanup();
    },
  };
}

/**
 * How `npm start` runs the service (package.json `scripts.start`: `[NAME=value …] node <flags>
 * src/main.ts`): its environment assignments and node flags, so the benchmarked service runs as
 * `npm start` runs it.
 */
export function startCommand(): { env: Record<string, string>; flags: string[] } {
  const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  const words = (scripts.start ?? '').split(/\s+/).filter((word) => word !== '');
  const node = words.indexOf('node');
  const env = Object.fromEntries(words.slice(0, node).map((word) => word.split('=', 2) as [string, string]));
  return { env, flags: words.slice(node + 1, words.indexOf('src/main.ts')).filter((word) => word.startsWith('--')) };
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * The real service (`src/main.ts`), HTTP only by default (`WORKER=off`: the ingest bench measures
 * the ack path; jobs stay queued; the memory bench asks for `worker: true`, as `npm start` runs), logging at `info` to /dev/null as in production. PGlite runs in a
 * fresh temporary directory; PostgreSQL in a fresh database on TEST_DATABASE_URL's server, dropped
 * on stop.
 */
export async function startUnrobot(engine: Engine, options: { worker?: boolean } = {}): Promise<ServerProcess> {
  const start = startCommand();
  const env: Record<string, string> = {
    ...start.env,
    NODE_ENV: 'development', LOG_LEVEL: 'info', WORKER: options.worker === true ? 'on' : 'off',
    HUBSPOT_CLIENT_SECRET: BENCH_SECRET, PUBLIC_BASE_URL: BENCH_BASE_URL,
    // A service that cannot deliver a card refuses to boot (issue 14); with WORKER=off nothing calls it.
    HUBSPOT_ACCESS_TOKEN: 'pat-na1-bench-static-token', HUBSPOT_PORTAL_ID: '145883449', HUBSPOT_API_BASE_URL: 'http://127.0.0.1:9',
  };
  if (engine === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'unrobot-bench-'));
    return spawnServer([...start.flags, 'src/main.ts'], { ...env, DATA_DIR: join(dir, 'data') }, async () => rmSync(dir, { recursive: true, force: true }));
  }
  const name = `unrobot_bench_${randomBytes(6).toString('hex')}`;
  await admin(`create database ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return spawnServer([...start.flags, 'src/main.ts'], { ...env, DATABASE_URL: url.toString() }, () => admin(`drop database if exists ${name} with (force)`));
}

/** The bare Express route (bare-webhook-server.ts) in its own process. */
export async function startBareServer(): Promise<ServerProcess> {
  return spawnServer([fileURLToPath(new URL('./bare-webhook-server.ts', import.meta.url))], {}, async () => undefined);
}

/** Whether the PostgreSQL server answers (the PostgreSQL variants are skipped, and said so, when not). */
export async function postgresAnswers(): Promise<boolean> {
  return admin('select 1').then(() => true, () => false);
}

/**
 * The naive durable receiver (naive-receiver.ts: Express + one INSERT per request) in its own
 * process, on PGlite (a fresh directory) or a fresh PostgreSQL database, dropped on stop.
 */
export async function startNaiveReceiver(engine: Engine): Promise<ServerProcess> {
  const script = fileURLToPath(new URL('./naive-receiver.ts', import.meta.url));
  if (engine === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'unrobot-naive-'));
    return spawnServer([script], { DATA_DIR: join(dir, 'data') }, async () => rmSync(dir, { recursive: true, force: true }));
  }
  const name = `unrobot_naive_${randomBytes(6).toString('hex')}`;
  await admin(`create database ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return spawnServer([script], { DATABASE_URL: url.toString() }, () => admin(`drop database if exists ${name} with (force)`));
}
