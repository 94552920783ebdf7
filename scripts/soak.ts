/**
 * `npm run soak -- [--minutes 5] [--kill-every 30] [--tasks-per-second 1]`
 *
 * A bounded soak of the whole stack: the sandbox (HubSpot stand-in, in this process) and the real
 * service (`src/main.ts`, child process, PGlite in a temporary directory). This script plays
 * HubSpot's webhook sender: robotic tasks are created in the sandbox and their events sent in
 * shuffled batches (a subject change often ahead of its creation), some batches resent later with
 * `attemptNumber` bumped (duplicates), and anything not answered 204 resent until it is (HubSpot
 * retries for 24 h). Meanwhile the sandbox injects random 429s, 5xx and latency, and the service
 * is SIGKILLed and restarted every ~`--kill-every` seconds. At the end it waits for the pipeline
 * to settle, stops the service and checks: every task has exactly one card (one note in HubSpot),
 * every acknowledged event is stored, no duplicate card. Prints the figures; exit 1 on a failure.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEMO_SETTINGS } from '../src/demo.ts';
import { createSandbox, DEFAULT_APP } from '../src/sandbox/create-sandbox.ts';
import { createSettingsStore } from '../src/settings/settings-store.ts';
import { applyMigrations } from '../src/store/migrations.ts';
import { createPgliteDatabase } from '../src/store/pglite-database.ts';
import { signV3 } from '../src/webhooks/signature.ts';

const MAIN = new URL('../src/main.ts', import.meta.url).pathname;
const SUBJECTS = ['Follow up', 'Check in', 'Call', 'Touch base'];
const FAULTS = [
  { path: '/crm/v3/objects/tasks/batch/read', status: 429, times: 2, policyName: 'TEN_SECONDLY_ROLLING' },
  { path: '/crm/v3/objects/tasks/batch/read', status: 502, times: 1 },
  { path: '/crm/v4/associations/*', status: 503, times: 1 },
  { method: 'POST', path: '/crm/v3/objects/notes', status: 500, times: 1 },
  { method: 'POST', path: '/crm/v3/objects/notes', latencyMs: 2_000, times: 1 },
  { path: '/crm/v3/objects/contacts/batch/read', latencyMs: 800, times: 3 },
];

type Event = Record<string, unknown> & { eventId: number; objectId: number; attemptNumber: number };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const out = (line: string) => process.stdout.write(`${line}\n`);

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = randomInt(i + 1);
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

/** The service child of this run, killed if the soak itself fails. */
let currentService: ChildProcess | undefined;

/** Starts main.ts and resolves once it logs "ready". */
function startService(env: Record<string, string>): Promise<{ child: ChildProcess; exited: Promise<unknown> }> {
  const child = spawn(process.execPath, [MAIN], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  currentService = child;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  let tail = '';
  const keep = (chunk: Buffer) => { tail = (tail + chunk.toString()).slice(-4000); };
  child.stderr?.on('data', keep);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`service did not start: ${tail}`)); }, 60_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      keep(chunk);
      if (tail.includes('"msg":"ready"')) { clearTimeout(timer); tail = ''; resolve({ child, exited }); }
    });
    child.once('exit', () => { clearTimeout(timer); reject(new Error(`service exited early: ${tail}`)); });
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { minutes: { type: 'string', default: '5' }, 'kill-every': { type: 'string', default: '30' }, 'tasks-per-second': { type: 'string', default: '1' } } });
  const minutes = Number(values.minutes);
  const killEverySeconds = Number(values['kill-every']);
  const tasksPerSecond = Number(values['tasks-per-second']);
  if (!(minutes > 0 && killEverySeconds >= 5 && tasksPerSecond > 0 && tasksPerSecond <= 5)) {
    process.stderr.write('usage: npm run soak -- [--minutes N>0] [--kill-every S>=5] [--tasks-per-second 0<R<=5]\n');
    process.exit(2);
  }
  const secret = randomBytes(24).toString('base64url');
  const token = `soak-${randomBytes(16).toString('hex')}`;
  const sandbox = createSandbox({ app: { clientSecret: secret }, accessToken: token, seed: true });
  const running = await sandbox.listen(0, '127.0.0.1');
  const portalId = sandbox.portalId;
  const port = await freePort();
  const serviceUrl = `http://127.0.0.1:${port}`;
  const dir = mkdtempSync(join(tmpdir(), 'unrobot-soak-'));
  const control = async <T>(path: string, init?: RequestInit) =>
    (await (await fetch(`${running.url}${path}`, { ...init, headers: { 'content-type': 'application/json' } })).json()) as T;

  // Settings first (PGlite allows one process): no quiet hours, no cooldown, the top daily budget.
  const setup = await createPgliteDatabase(dir);
  await applyMigrations(setup);
  await createSettingsStore(setup).save(String(portalId), 0, DEMO_SETTINGS, { action: 'settings.update', target: 'soak', actor: { via: 'system' }, changes: [] }, Date.now());
  await setup.close();

  const owners = ((await (await fetch(`${running.url}/crm/v3/owners`, { headers: { authorization: `Bearer ${token}` } })).json()) as { results: { id: string }[] }).results.map((o) => o.id);
  const contacts = (await control<{ results: { associations: { contacts: string[] } }[] }>('/__sandbox/tasks')).results.flatMap((t) => t.associations.contacts);
  const maxTasks = owners.length * 95; // DEMO_SETTINGS' budget is 100 cards per rep per day
  const env = {
    NODE_ENV: 'test', PORT: String(port), PUBLIC_BASE_URL: serviceUrl, DATA_DIR: dir, LOG_LEVEL: 'info', JOB_LEASE_SECONDS: '10', JOB_RETRY_DELAY_SECONDS: '1',
    CATCH_UP_POLL_SECONDS: '0', HUBSPOT_CLIENT_SECRET: secret, HUBSPOT_ACCESS_TOKEN: token, HUBSPOT_PORTAL_ID: String(portalId), HUBSPOT_API_BASE_URL: running.url,
  };
  let service = await startService(env);
  const figures = { tasks: 0, eventsSent: 0, requests: 0, unanswered: 0, duplicatesSent: 0, crashes: 0, faults: 0 };
  const taskIds: string[] = [];
  const pending: Event[] = [];
  const acked = new Map<string, Event>();
  let nextEventId = 5_000_000_000 + randomInt(1_000_000);
  let producingDone = false;
  let scheduledDuplicates = 0;
  const deadline = Date.now() + minutes * 60_000;
  out(`soak: ${minutes} min, SIGKILL every ~${killEverySeconds} s, ${tasksPerSecond} task(s)/s, ${owners.length} owners (cap ${maxTasks} tasks), data ${dir}`);

  const event = (objectId: number, occurredAt: number, change?: string): Event => {
    nextEventId += 1;
    return { eventId: nextEventId, subscriptionId: change === undefined ? 1001 : 1002, portalId, appId: DEFAULT_APP.appId, occurredAt, attemptNumber: 0, objectId, objectTypeId: '0-27',
      subscriptionType: change === undefined ? 'object.creation' : 'object.propertyChange', changeSource: 'CRM_UI', sourceId: 'userId:5100001', isSensitive: false,
      ...(change === undefined ? { changeFlag: 'CREATED' } : { propertyName: 'hs_task_subject', propertyValue: change }) };
  };

  const produce = async () => {
    while (Date.now() < deadline && figures.tasks < maxTasks) {
      const i = figures.tasks;
      const subject = SUBJECTS[i % SUBJECTS.length] ?? 'Follow up';
      const body = JSON.stringify({ subject, contactIds: [contacts[i % contacts.length]], ownerId: owners[i % owners.length] });
      const task = await control<{ id: string }>('/__sandbox/tasks', { method: 'POST', body });
      taskIds.push(task.id);
      figures.tasks += 1;
      const at = Date.now();
      pending.push(event(Number(task.id), at));
      if (randomInt(3) === 0) pending.push(event(Number(task.id), at + 5, subject)); // shuffled later: often ahead of the creation
      await sleep(1000 / tasksPerSecond);
    }
  };

  const send = async (until: () => boolean) => {
    while (!until()) {
      if (pending.length === 0) { await sleep(100); continue; }
      const batch = shuffle(pending.splice(0, Math.min(pending.length, 1 + randomInt(12))));
      const body = JSON.stringify(batch);
      const timestamp = String(Date.now());
      const signature = signV3({ secret, method: 'POST', uri: `${serviceUrl}/webhooks/hubspot`, body, timestamp });
      figures.requests += 1;
      figures.eventsSent += batch.length;
      let status = 0;
      try {
        const response = await fetch(`${serviceUrl}/webhooks/hubspot`, { method: 'POST', body, signal: AbortSignal.timeout(5_000),
          headers: { 'content-type': 'application/json', 'x-hubspot-signature-v3': signature, 'x-hubspot-request-timestamp': timestamp } });
        status = response.status;
      } catch { /* connection refused or reset: the service is down; HubSpot retries */ }
      if (status !== 204) {
        figures.unanswered += 1;
        pending.push(...batch.map((e) => ({ ...e, attemptNumber: e.attemptNumber + 1 })));
        await sleep(200);
        continue;
      }
      for (const e of batch) acked.set(`${e.eventId}:${e.objectId}`, e);
      if (randomInt(5) === 0) { // HubSpot redelivers now and then
        figures.duplicatesSent += batch.length;
        scheduledDuplicates += 1;
        setTimeout(() => { scheduledDuplicates -= 1; pending.push(...batch.map((e) => ({ ...e, attemptNumber: e.attemptNumber + 1 }))); }, randomInt(10_000));
      }
    }
  };

  const inject = async () => {
    while (Date.now() < deadline) {
      await sleep(5_000 + randomInt(10_000));
      const fault = FAULTS[randomInt(FAULTS.length)];
      await control('/__sandbox/faults', { method: 'POST', body: JSON.stringify(fault) });
      figures.faults += 1;
    }
  };

  const kill = async () => {
    for (;;) {
      await sleep(killEverySeconds * (500 + randomInt(1000)));
      if (Date.now() >= deadline - 10_000) return;
      service.child.kill('SIGKILL');
      await service.exited;
      figures.crashes += 1;
      service = await startService(env);
    }
  };

  const producing = produce().then(() => { producingDone = true; });
  // Sends until the producer is done and every event, late duplicates included, was answered 204.
  const sending = send(() => producingDone && Date.now() >= deadline && pending.length === 0 && scheduledDuplicates === 0);
  await Promise.all([producing, inject(), kill()]);
  await fetch(`${running.url}/__sandbox/faults`, { method: 'DELETE' });
  await sending;

  // Settle: every task has a note, or nothing changed for 60 s.
  const settleStart = Date.now();
  let notes: { id: string }[] = [];
  let lastChange = Date.now();
  while (Date.now() - lastChange < 60_000 && Date.now() - settleStart < 300_000) {
    const now = (await control<{ results: { id: string }[] }>('/__sandbox/notes')).results;
    if (now.length !== notes.length) lastChange = Date.now();
    notes = now;
    if (notes.length >= taskIds.length) break;
    await sleep(2_000);
  }
  await sleep(3_000); // a late duplicate would land here
  notes = (await control<{ results: { id: string }[] }>('/__sandbox/notes')).results;
  const settleSeconds = Math.round((Date.now() - settleStart) / 1000);
  service.child.kill('SIGTERM');
  await service.exited;

  const db = await createPgliteDatabase(dir);
  const cards = await db.query<{ task_id: string; status: string; hubspot_object_id: string | null }>('select task_id, status, hubspot_object_id from cards');
  const skips = await db.query<{ task_id: string; reason: string }>('select distinct task_id, reason from card_skips');
  const stored = new Set((await db.query<{ k: string }>(`select event_id || ':' || object_id as k from webhook_events`)).map((row) => row.k));
  const dead = await db.query<{ n: number }>(`select count(*)::int as n from pgboss.job where name = 'task-events-dead'`);
  await db.close();
  await running.close();

  const cardsPerTask = new Map<string, number>();
  for (const card of cards) cardsPerTask.set(card.task_id, (cardsPerTask.get(card.task_id) ?? 0) + 1);
  const noteIds = new Set(notes.map((note) => note.id));
  const carded = taskIds.filter((id) => cards.some((card) => card.task_id === id && card.status === 'delivered' && card.hubspot_object_id !== null && noteIds.has(card.hubspot_object_id)));
  const lostEvents = [...acked.keys()].filter((key) => !stored.has(key)).length;
  const withoutCard = taskIds.filter((id) => !carded.includes(id));
  // Notes no card row accounts for, plus tasks with more than one card row.
  const duplicateCards = notes.length - new Set(cards.flatMap((card) => (card.hubspot_object_id === null ? [] : [card.hubspot_object_id]))).size
    + [...cardsPerTask.values()].filter((n) => n > 1).length;
  const skipReasons: Record<string, number> = {};
  for (const skip of skips.filter((s) => withoutCard.includes(s.task_id))) skipReasons[skip.reason] = (skipReasons[skip.reason] ?? 0) + 1;

  out(`robotic tasks ${figures.tasks} · events sent ${figures.eventsSent} in ${figures.requests} requests (duplicates resent ${figures.duplicatesSent}, requests unanswered and retried ${figures.unanswered})`);
  out(`acknowledged ${acked.size} distinct events · crashes injected ${figures.crashes} (SIGKILL) · faults injected ${figures.faults} · settle ${settleSeconds} s`);
  out(`tasks with exactly one card ${carded.length}/${taskIds.length} · notes in HubSpot ${notes.length} · acknowledged-but-lost ${lostEvents} · duplicate cards ${duplicateCards} · dead letters ${dead[0]?.n ?? 0}`);
  if (withoutCard.length > 0) out(`tasks without a card: ${withoutCard.length} (skips: ${JSON.stringify(skipReasons)}) e.g. ${withoutCard.slice(0, 5).join(', ')}`);
  const ok = lostEvents === 0 && duplicateCards === 0 && withoutCard.length === 0;
  out(ok ? 'soak: PASS' : 'soak: FAIL');
  if (ok) rmSync(dir, { recursive: true, force: true });
  process.exit(ok ? 0 : 1);
}

main().catch((error: unknown) => {
  process.stderr.write(`soak: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  currentService?.kill('SIGKILL');
  process.exit(1);
});
