/**
 * `npm run scale-out -- [--replicas 1,2,3] [--tasks 600] [--no-kill]`
 *
 * The shared HubSpot budget, proven end to end (issue 14): for each replica count, a fresh
 * PostgreSQL database (on TEST_DATABASE_URL's server), the sandbox at HubSpot's real limit (110
 * calls per rolling 10 s per portal, 429 with Retry-After past it) and N `src/main.ts` processes
 * on the queue's production defaults. This script plays HubSpot's webhook sender: `--tasks`
 * robotic tasks of one portal (spread over its reps, each under the demo's 100 cards a day),
 * their creation events in batches of 20 sent round-robin to the replicas. With 2 or more
 * replicas the last one is SIGKILLed once a third of the cards are out; the others take over its
 * jobs and the budget. Prints, per run: cards/s, the most calls HubSpot saw in any 10 s window,
 * the 429 share, tasks with exactly one card, duplicate notes, calls per task, and how long the
 * jobs active at the kill took to settle. Exit 1 when a figure is off (> 110 calls in a window,
 * > 1 % 429s, a task without its one card, a duplicate, recovery over 90 s). CI runs
 * `--replicas 3` (.ci/run).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { DEMO_SETTINGS } from '../src/demo.ts';
import { createSandbox, DEFAULT_APP } from '../src/sandbox/create-sandbox.ts';
import { recordsOf } from '../src/sandbox/portal.ts';
import type { RequestLogEntry } from '../src/sandbox/request-log.ts';
import { createSettingsStore } from '../src/settings/settings-store.ts';
import { applyMigrations } from '../src/store/migrations.ts';
import { createPgDatabase } from '../src/store/pg-database.ts';
import { signV3 } from '../src/webhooks/signature.ts';
import { maxInWindow } from './max-in-window.ts';

const MAIN = new URL('../src/main.ts', import.meta.url).pathname;
const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PUBLIC_BASE_URL = 'https://unrobot.example.com';
const SUBJECTS = ['Follow up', 'Check in', 'Call', 'Touch base'];
const HUBSPOT_LIMIT = 110;
/**
 * Tasks per rep: the demo settings allow 100 cards per rep per day, so 600 tasks of one rep would
 * end in 500 `rep-daily-budget` skips, not cards. The portal gets as many reps as it needs.
 */
const TASKS_PER_REP = 60;
/** After a SIGKILL, every job the dead replica held must be settled by another within this (RELIABILITY.md T12: crashed-job reclaim ≤ 90 s). */
export const RECOVERY_LIMIT_SECONDS = 90;
const WINDOW_MS = 10_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface ProofFigures {
  replicas: number;
  tasks: number;
  killed: boolean;
  seconds: number;
  cardsPerSecond: number;
  calls: number;
  maxCallsIn10s: number;
  rateLimited: number;
  share429: number;
  tasksWithOneCard: number;
  duplicates: number;
  /** Search calls (HubSpot limits them apart, 5 per second; counted in the 10 s windows above too). */
  searches: number;
  /** Jobs active when the replica was killed (its own and the others'), and how long until all were settled. */
  inFlightAtKill?: number;
  recoverySeconds?: number;
  /** HubSpot calls per endpoint (`METHOD /route`), for calls per task. */
  byEndpoint: Record<string, number>;
}

interface Replica { child: ChildProcess; url: Promise<string>; exited: Promise<number | null> }

function startReplica(env: Record<string, string>): Replica {
  const child = spawn(process.execPath, [MAIN], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => { stderr = (stderr + chunk.toString()).slice(-4000); });
  if (process.env.SCALE_OUT_LOG !== undefined) child.stdout?.on('data', (chunk: Buffer) => appendFileSync(process.env.SCALE_OUT_LOG ?? '', chunk));
  const url = new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`a replica did not start: ${stderr}`)), 90_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out = (out + chunk.toString()).slice(-20_000);
      const match = /"url":"(http:\/\/[^"]+)".*"msg":"listening"/.exec(out);
      if (match?.[1] && out.includes('"msg":"ready"')) { clearTimeout(timer); resolve(match[1]); }
    });
    void exited.then(() => { clearTimeout(timer); reject(new Error(`a replica exited early: ${stderr}`)); });
  });
  return { child, url, exited };
}

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try { return await work(client); } finally { await client.end(); }
}

/** One run: `replicas` processes, `tasks` robotic tasks; kills the last replica a third of the way when `kill`. */
export async function runProof(options: { replicas: number; tasks: number; kill: boolean; progress?: (line: string) => void }): Promise<ProofFigures> {
  const { replicas: count, tasks } = options;
  const say = options.progress ?? (() => undefined);
  const secret = randomBytes(24).toString('base64url');
  const token = `proof-${randomBytes(16).toString('hex')}`;
  const sandbox = createSandbox({ app: { clientSecret: secret }, accessToken: token, seed: true, rateLimits: { tenSecondly: HUBSPOT_LIMIT, searchPerSecond: 5 } });
  const hubspot = await sandbox.listen(0, '127.0.0.1');
  const name = `unrobot_proof_${randomBytes(6).toString('hex')}`;
  await withAdmin((client) => client.query(`create database ${name}`));
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const db = await createPgDatabase(databaseUrl);
  const replicas: Replica[] = [];
  try {
    await applyMigrations(db);
    const portalId = String(sandbox.portalId);
    await createSettingsStore(db).save(portalId, 0, DEMO_SETTINGS, { action: 'settings.update', target: 'scale-out-proof', actor: { via: 'system' }, changes: [] }, Date.now());
    // The queue runs on its production defaults (lease, retry delay, suspect warm-up): recovery
    // after the kill is measured as a deployment would see it.
    const env = { NODE_ENV: 'test', PORT: '0', LOG_LEVEL: 'info', DATABASE_URL: databaseUrl, PUBLIC_BASE_URL, HUBSPOT_CLIENT_SECRET: secret,
      HUBSPOT_ACCESS_TOKEN: token, HUBSPOT_PORTAL_ID: portalId, HUBSPOT_API_BASE_URL: hubspot.url, CATCH_UP_POLL_SECONDS: '0' };
    for (let i = 0; i < count; i += 1) replicas.push(startReplica(env));
    const urls = await Promise.all(replicas.map((replica) => replica.url));

    const portal = sandbox.state.portals.get(sandbox.portalId);
    if (portal === undefined) throw new Error('the sandbox has no demo portal');
    for (let n = portal.owners.length; portal.owners.length * TASKS_PER_REP < tasks; n += 1) {
      portal.owners.push({ id: String(71_000_001 + n), userId: 5_100_001 + n, email: `rep${n + 1}@demo-unrobot.example`, firstName: 'Rep', lastName: String(n + 1),
        teams: [{ id: '301', name: 'Mid-market', primary: true }] });
    }
    const owners = portal.owners.map((owner) => owner.id);
    const contacts = [...recordsOf(portal, 'contacts').keys()].slice(0, 50);
    const taskIds: string[] = [];
    for (let i = 0; i < tasks; i += 1) {
      const response = await fetch(`${hubspot.url}/__sandbox/tasks`, { method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ subject: SUBJECTS[i % SUBJECTS.length], contactIds: [contacts[i % contacts.length]], ownerId: owners[i % owners.length] }) });
      taskIds.push(((await response.json()) as { id: string }).id);
    }
    sandbox.state.requests.clear();
    say(`${count} replica(s): ${tasks} tasks created; sending their events`);

    const started = Date.now();
    let eventId = 70_000_000;
    const live = urls.map((_, index) => index);
    for (let batch = 0; batch * 20 < taskIds.length; batch += 1) {
      const events = taskIds.slice(batch * 20, batch * 20 + 20).map((objectId) => ({ eventId: (eventId += 1), subscriptionId: 1001, portalId: sandbox.portalId,
        appId: DEFAULT_APP.appId, occurredAt: Date.now(), subscriptionType: 'object.creation', attemptNumber: 0, objectId: Number(objectId), objectTypeId: '0-27',
        changeFlag: 'CREATED', changeSource: 'CRM_UI', sourceId: 'userId:5100001', isSensitive: false }));
      const body = JSON.stringify(events);
      const timestamp = String(Date.now());
      const target = urls[live[batch % live.length] ?? 0] ?? '';
      const signature = signV3({ secret, method: 'POST', uri: `${PUBLIC_BASE_URL}/webhooks/hubspot`, body, timestamp });
      const response = await fetch(`${target}/webhooks/hubspot`, { method: 'POST', body,
        headers: { 'content-type': 'application/json', 'x-hubspot-signature-v3': signature, 'x-hubspot-request-timestamp': timestamp } });
      if (response.status !== 204) throw new Error(`a webhook batch was answered ${response.status}`);
    }

    let killed = false;
    let killedAt = 0;
    let inFlight: string[] = [];
    let recoverySeconds: number | undefined;
    const deadline = Date.now() + Math.max(300_000, tasks * 1_500);
    for (;;) {
      const [row] = await db.query<{ n: number }>(`select count(*)::int as n from cards where status = 'delivered'`);
      const delivered = row?.n ?? 0;
      if (options.kill && count > 1 && !killed && delivered >= tasks / 3) {
        replicas[count - 1]?.child.kill('SIGKILL');
        killedAt = Date.now();
        killed = true;
        await replicas[count - 1]?.exited;
        // What the dead replica held is among what is active now (the live replicas' jobs settle on their own).
        inFlight = (await db.query<{ id: string }>(`select id from pgboss.job where name = 'task-events' and state = 'active'`)).map((job) => job.id);
        say(`${count} replica(s): replica ${count} SIGKILLed at ${delivered} cards; ${inFlight.length} jobs active`);
      }
      if (killed && recoverySeconds === undefined) {
        const [open] = await db.query<{ n: number }>(`select count(*)::int as n from pgboss.job where name = 'task-events' and id = any($1::uuid[]) and state <> 'completed'`, [inFlight]);
        if ((open?.n ?? 0) === 0) {
          recoverySeconds = (Date.now() - killedAt) / 1000;
          say(`${count} replica(s): every job active at the kill settled ${recoverySeconds.toFixed(1)} s after it`);
        }
      }
      if (delivered >= tasks && (!killed || recoverySeconds !== undefined)) break;
      if (Date.now() > deadline) throw new Error(`only ${delivered} of ${tasks} cards after ${Math.round((Date.now() - started) / 1000)} s`);
      await sleep(250);
    }
    const seconds = (Date.now() - started) / 1000;
    await sleep(2_000); // a late duplicate would show here

    const calls: RequestLogEntry[] = sandbox.state.requests.entries().filter((entry) => entry.portalId === sandbox.portalId);
    if (sandbox.state.requests.snapshot().total > sandbox.state.requests.entries().length) throw new Error('the sandbox\'s request log overflowed: the windows would be undercounted');
    const rateLimited = calls.filter((entry) => entry.status === 429).length;
    const cards = await db.query<{ task_id: string; card_id: string }>(`select task_id, card_id from cards where status = 'delivered'`);
    const notes = [...recordsOf(portal, 'notes').values()]
      .filter((note) => note.properties.hs_object_source === 'INTEGRATION').map((note) => String(note.properties.hs_note_body ?? ''));
    const perTask = new Map<string, number>();
    for (const card of cards) perTask.set(card.task_id, (perTask.get(card.task_id) ?? 0) + 1);
    const duplicates = cards.reduce((sum, card) => sum + Math.max(0, notes.filter((body) => body.includes(card.card_id)).length - 1), 0) + Math.max(0, notes.length - cards.length);
    return {
      replicas: count, tasks, killed, seconds, cardsPerSecond: tasks / seconds, calls: calls.length,
      maxCallsIn10s: maxInWindow(calls.map((entry) => entry.at), WINDOW_MS), rateLimited, share429: calls.length === 0 ? 0 : rateLimited / calls.length,
      tasksWithOneCard: taskIds.filter((id) => perTask.get(id) === 1).length, duplicates,
      byEndpoint: sandbox.state.requests.snapshot().byEndpoint, searches: calls.filter((entry) => entry.method === 'POST' && entry.path.endsWith('/search')).length,
      ...(killed && { inFlightAtKill: inFlight.length, ...(recoverySeconds !== undefined && { recoverySeconds }) }),
    };
  } finally {
    for (const replica of replicas) replica.child.kill('SIGTERM');
    await Promise.all(replicas.map((replica) => Promise.race([replica.exited, sleep(30_000)])));
    for (const replica of replicas) replica.child.kill('SIGKILL');
    await db.close();
    await hubspot.close();
    await withAdmin((client) => client.query(`drop database if exists ${name} with (force)`));
  }
}

/** What a run must show (issue 14), as failures; empty when the run passes. */
export function problemsOf(figures: ProofFigures): string[] {
  const problems: string[] = [];
  if (figures.maxCallsIn10s > HUBSPOT_LIMIT) problems.push(`${figures.maxCallsIn10s} calls in one 10 s window (limit ${HUBSPOT_LIMIT})`);
  if (figures.share429 > 0.01) problems.push(`${(figures.share429 * 100).toFixed(2)} % of calls answered 429 (at most 1 %)`);
  if (figures.tasksWithOneCard !== figures.tasks) problems.push(`${figures.tasks - figures.tasksWithOneCard} task(s) without exactly one card`);
  if (figures.duplicates > 0) problems.push(`${figures.duplicates} duplicate note(s)`);
  if (figures.killed && !(figures.recoverySeconds !== undefined && figures.recoverySeconds <= RECOVERY_LIMIT_SECONDS)) {
    problems.push(`the jobs active at the kill took ${figures.recoverySeconds?.toFixed(1) ?? 'forever'} s to settle (at most ${RECOVERY_LIMIT_SECONDS} s)`);
  }
  return problems;
}

export function formatFigures(f: ProofFigures): string {
  return `${f.replicas} replica(s)${f.killed ? ' (one SIGKILLed mid-run)' : ''}: ${f.tasks} tasks in ${f.seconds.toFixed(1)} s = ${f.cardsPerSecond.toFixed(2)} cards/s; `
    + `${f.calls} HubSpot calls, max ${f.maxCallsIn10s} in any 10 s (limit ${HUBSPOT_LIMIT}); 429: ${f.rateLimited} (${(f.share429 * 100).toFixed(2)} %); `
    + `${f.tasksWithOneCard}/${f.tasks} tasks with one card; ${f.duplicates} duplicates; ${(f.calls / f.tasks).toFixed(2)} calls per task (${f.searches} searches)`
    + (f.killed ? `; the ${f.inFlightAtKill ?? 0} jobs active at the kill all settled ${f.recoverySeconds?.toFixed(1) ?? '(never)'} s after it` : '');
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { replicas: { type: 'string', default: '1,2,3' }, tasks: { type: 'string', default: '600' }, 'no-kill': { type: 'boolean', default: false } } });
  const counts = values.replicas.split(',').map(Number);
  const tasks = Number(values.tasks);
  if (counts.some((n) => !Number.isInteger(n) || n < 1 || n > 8) || !Number.isInteger(tasks) || tasks < 1) {
    process.stderr.write('usage: npm run scale-out -- [--replicas 1,2,3] [--tasks 600] [--no-kill]\n');
    process.exit(2);
  }
  let failed = false;
  for (const replicas of counts) {
    const figures = await runProof({ replicas, tasks, kill: !values['no-kill'], progress: (line) => process.stdout.write(`  ${line}\n`) });
    const problems = problemsOf(figures);
    process.stdout.write(`${formatFigures(figures)}${problems.length > 0 ? ` FAILED: ${problems.join('; ')}` : ''}\n`);
    failed ||= problems.length > 0;
  }
  process.exit(failed ? 1 : 0);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    process.stderr.write(`scale-out: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exit(1);
  });
}
