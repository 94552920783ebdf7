/**
 * `npm run crash-loop -- [--cycles 100] [--points before-commit,mid-batch,...] [--database-url postgres://…] [--suspect-warmup 10]`
 *
 * RELIABILITY.md T2 and §2.4: N SIGKILL/restart cycles at each of the five injection points,
 * against the real service (`src/main.ts`, child process, a fresh PostgreSQL database) and the
 * sandbox (in this process). The service kills itself at the point (TEST_CRASH_AT, see
 * src/crash-points.ts); this script plays HubSpot: one robotic task per cycle, its creation event
 * sent (for `mid-batch` inside a 100-event batch padded with 99 contact events), anything not
 * answered 204 resent with `attemptNumber` bumped until it is, exactly as HubSpot retries.
 *
 * Each restart is armed again, skipping the hits the recovery of the previous kill makes (the
 * resent batch at the intake points, the rerun of the killed job at `after-claim`), so every
 * cycle costs one SIGKILL and one start. At the end, per point: kills, acknowledged events,
 * acknowledged-but-lost events, tasks with more than one card or note (duplicates), tasks
 * without a card, dead letters. Exit 1 on any loss or duplicate.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer, type AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { CRASH_POINTS, type CrashPoint } from '../src/crash-points.ts';
import { DEMO_SETTINGS } from '../src/demo.ts';
import { createSandbox, DEFAULT_APP } from '../src/sandbox/create-sandbox.ts';
import { createSettingsStore } from '../src/settings/settings-store.ts';
import { applyMigrations } from '../src/store/migrations.ts';
import { createPgDatabase } from '../src/store/pg-database.ts';
import type { SqlDatabase } from '../src/store/sql-database.ts';
import { signV3 } from '../src/webhooks/signature.ts';

const MAIN = new URL('../src/main.ts', import.meta.url).pathname;
const INTAKE_POINTS: readonly CrashPoint[] = ['before-commit', 'mid-batch', 'after-commit'];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const out = (line: string) => process.stdout.write(`${line}\n`);

type Event = Record<string, unknown> & { eventId: number; objectId: number; attemptNumber: number };

interface Service { child: ChildProcess; exited: Promise<NodeJS.Signals | null> }
let current: ChildProcess | undefined;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Starts main.ts and resolves once it logs "ready". */
function startService(env: Record<string, string>): Promise<Service> {
  const child = spawn(process.execPath, [MAIN], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  current = child;
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
  let tail = '';
  const keep = (chunk: Buffer) => { tail = (tail + chunk.toString()).slice(-4000); };
  child.stderr?.on('data', keep);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`service did not start: ${tail}`)); }, 60_000);
    const onData = (chunk: Buffer) => {
      keep(chunk);
      if (tail.includes('"msg":"ready"')) { clearTimeout(timer); child.stdout?.off('data', onData); child.stdout?.resume(); resolve({ child, exited }); }
    };
    child.stdout?.on('data', onData);
    child.once('exit', () => { clearTimeout(timer); reject(new Error(`service exited early: ${tail}`)); });
  });
}

interface PointFigures {
  cycles: number;
  kills: number;
  /** Kills beyond one per cycle (a recovery that hit the point again). */
  extraKills: number;
  /** Cycles whose trigger was not killed (the hook never fired). */
  missed: number;
  requests: number;
  resent: number;
  tasks: string[];
  acked: Map<string, Event>;
  seconds: number;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: {
    cycles: { type: 'string', default: '100' },
    points: { type: 'string', default: CRASH_POINTS.join(',') },
    'database-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
    'suspect-warmup': { type: 'string', default: '10' },
  } });
  const cycles = Number(values.cycles);
  const points = values.points.split(',') as CrashPoint[];
  const warmup = Number(values['suspect-warmup']);
  if (!(cycles >= 1) || !(Number.isInteger(warmup) && warmup >= 0) || points.some((point) => !CRASH_POINTS.includes(point))) {
    process.stderr.write(`usage: npm run crash-loop -- [--cycles N>=1] [--points ${CRASH_POINTS.join(',')}] [--database-url postgres://…] [--suspect-warmup SECONDS (10)]\n`);
    process.exit(2);
  }
  // A fresh database on the PostgreSQL server (the service and this script use it at once).
  const adminUrl = new URL(values['database-url']);
  const name = `unrobot_crash_${randomBytes(4).toString('hex')}`;
  const admin = await createPgDatabase(adminUrl.href);
  await admin.exec(`create database ${name}`);
  await admin.close();
  const databaseUrl = new URL(adminUrl.href);
  databaseUrl.pathname = `/${name}`;

  const secret = randomBytes(24).toString('base64url');
  const token = `crash-${randomBytes(16).toString('hex')}`;
  const sandbox = createSandbox({ app: { clientSecret: secret }, accessToken: token, seed: true });
  const running = await sandbox.listen(0, '127.0.0.1');
  const portalId = sandbox.portalId;
  const port = await freePort();
  const serviceUrl = `http://127.0.0.1:${port}`;
  const control = async <T>(path: string, init?: RequestInit) =>
    (await (await fetch(`${running.url}${path}`, { ...init, headers: { 'content-type': 'application/json' } })).json()) as T;

  const db: SqlDatabase = await createPgDatabase(databaseUrl.href);
  await applyMigrations(db);
  await createSettingsStore(db).save(String(portalId), 0, DEMO_SETTINGS, { action: 'settings.update', target: 'crash-loop', actor: { via: 'system' }, changes: [] }, Date.now());
  const owners = ((await (await fetch(`${running.url}/crm/v3/owners`, { headers: { authorization: `Bearer ${token}` } })).json()) as { results: { id: string }[] }).results.map((o) => o.id);
  const contacts = (await control<{ results: { associations: { contacts: string[] } }[] }>('/__sandbox/tasks')).results.flatMap((t) => t.associations.contacts);
  if (cycles * points.length > owners.length * 95) throw new Error(`at most ${owners.length * 95} cycles in all (the demo settings' daily card budget per rep)`);
  const env = {
    NODE_ENV: 'test', PORT: String(port), PUBLIC_BASE_URL: serviceUrl, DATABASE_URL: databaseUrl.href, LOG_LEVEL: 'info', JOB_LEASE_SECONDS: '2', JOB_RETRY_DELAY_SECONDS: '1',
    JOB_SUSPECT_WARMUP_SECONDS: String(warmup), CATCH_UP_POLL_SECONDS: '0', HUBSPOT_CLIENT_SECRET: secret, HUBSPOT_ACCESS_TOKEN: token, HUBSPOT_PORTAL_ID: String(portalId), HUBSPOT_API_BASE_URL: running.url,
  };
  out(`crash-loop: ${cycles} cycles at each of ${points.join(', ')}; PostgreSQL database ${name}`);

  let nextEventId = 6_000_000_000;
  let taskCount = 0;
  const event = (objectId: number, extra: Record<string, unknown> = {}): Event => {
    nextEventId += 1;
    return { eventId: nextEventId, subscriptionId: 1001, portalId, appId: DEFAULT_APP.appId, occurredAt: Date.now(), attemptNumber: 0, objectId, objectTypeId: '0-27',
      subscriptionType: 'object.creation', changeFlag: 'CREATED', changeSource: 'CRM_UI', sourceId: 'userId:5100001', isSensitive: false, ...extra };
  };
  const post = async (batch: Event[]): Promise<number> => {
    const body = JSON.stringify(batch);
    const timestamp = String(Date.now());
    const signature = signV3({ secret, method: 'POST', uri: `${serviceUrl}/webhooks/hubspot`, body, timestamp });
    try {
      const response = await fetch(`${serviceUrl}/webhooks/hubspot`, { method: 'POST', body, signal: AbortSignal.timeout(5_000),
        headers: { 'content-type': 'application/json', 'x-hubspot-signature-v3': signature, 'x-hubspot-request-timestamp': timestamp } });
      await response.arrayBuffer();
      return response.status;
    } catch {
      return 0; // reset or refused: the service died; HubSpot retries
    }
  };
  const cardDelivered = async (taskId: string) =>
    (await db.query<{ n: number }>(`select count(*)::int as n from cards where portal_id = $1 and task_id = $2 and status = 'delivered'`, [String(portalId), taskId]))[0]?.n ?? 0;

  const figures = new Map<CrashPoint, PointFigures>();
  for (const point of points) {
    const f: PointFigures = { cycles: 0, kills: 0, extraKills: 0, missed: 0, requests: 0, resent: 0, tasks: [], acked: new Map(), seconds: 0 };
    figures.set(point, f);
    const started = Date.now();
    const intake = INTAKE_POINTS.includes(point);
    let service = await startService({ ...env, TEST_CRASH_AT: `${point}:0` });
    let retry: Event[] = [];
    /** Sends until 204; a death here is a recovery hitting the point again: restart, armed past it. */
    const sendUntilAcked = async (batch: Event[]) => {
      let attempt = batch;
      for (;;) {
        f.requests += 1;
        if (await post(attempt) === 204) { for (const e of attempt) f.acked.set(`${e.eventId}:${e.objectId}`, e); return; }
        f.resent += 1;
        if (service.child.exitCode !== null || service.child.signalCode !== null) {
          f.extraKills += 1;
          service = await startService({ ...env, TEST_CRASH_AT: `${point}:1` });
        }
        attempt = attempt.map((e) => ({ ...e, attemptNumber: e.attemptNumber + 1 }));
        await sleep(100);
      }
    };

    for (let i = 0; i < cycles; i += 1) {
      f.cycles += 1;
      const subject = ['Follow up', 'Check in', 'Call', 'Touch base'][taskCount % 4];
      const task = await control<{ id: string }>('/__sandbox/tasks', { method: 'POST',
        body: JSON.stringify({ subject, contactIds: [contacts[taskCount % contacts.length]], ownerId: owners[taskCount % owners.length] }) });
      taskCount += 1;
      f.tasks.push(task.id);
      const creation = event(Number(task.id));
      const batch = point === 'mid-batch'
        ? [...Array.from({ length: 49 }, (_, k) => event(Number(contacts[k % contacts.length]), { subscriptionType: 'contact.propertyChange', objectTypeId: '0-1', propertyName: 'lastname', propertyValue: `Name ${k}`, changeFlag: undefined })),
          creation,
          ...Array.from({ length: 50 }, (_, k) => event(Number(contacts[(k + 49) % contacts.length]), { subscriptionType: 'contact.propertyChange', objectTypeId: '0-1', propertyName: 'firstname', propertyValue: `First ${k}`, changeFlag: undefined }))]
        : [creation];
      if (intake) {
        f.requests += 1;
        const status = await post(batch);
        if (status === 204) { f.missed += 1; for (const e of batch) f.acked.set(`${e.eventId}:${e.objectId}`, e); continue; }
        await service.exited;
        f.kills += 1;
        // HubSpot's retry, to a restart armed past it (the retry is its first hit).
        service = await startService({ ...env, TEST_CRASH_AT: `${point}:1` });
        retry = batch.map((e) => ({ ...e, attemptNumber: e.attemptNumber + 1 }));
        await sendUntilAcked(retry);
        // The next cycle's batch is this process's second hit: killed.
      } else {
        await sendUntilAcked(batch);
        const signal = await Promise.race([service.exited, sleep(30_000).then(() => 'timeout' as const)]);
        if (signal === 'timeout') { f.missed += 1; continue; }
        f.kills += 1;
        // after-claim: the rerun of the killed job is the restart's first hit; after-hubspot-write: the rerun finds the note (no create).
        service = await startService({ ...env, TEST_CRASH_AT: `${point}:${point === 'after-claim' ? 1 : 0}` });
        const until = Date.now() + 60_000;
        while (await cardDelivered(task.id) === 0 && Date.now() < until) {
          if (service.child.exitCode !== null || service.child.signalCode !== null) {
            f.extraKills += 1;
            service = await startService({ ...env, TEST_CRASH_AT: `${point}:1` });
          }
          await sleep(200);
        }
      }
    }
    // Let the last cycle's work finish before the next point (a clean, unarmed process).
    service.child.kill('SIGKILL');
    await service.exited;
    service = await startService(env);
    const until = Date.now() + 300_000; // suspects (jobs a kill caught) run one at a time
    for (;;) {
      const delivered = await Promise.all(f.tasks.map(cardDelivered));
      if (delivered.every((n) => n > 0) || Date.now() > until) break;
      await sleep(500);
    }
    service.child.kill('SIGTERM');
    await service.exited;
    f.seconds = Math.round((Date.now() - started) / 1000);
    out(`${point}: ${f.cycles} cycles, ${f.kills} kills (+${f.extraKills} in recovery, ${f.missed} missed), ${f.requests} requests (${f.resent} unanswered and resent), ${f.seconds} s`);
  }

  await sleep(3_000); // a late duplicate would land here
  const notes = (await control<{ results: { id: string; associations?: unknown }[] }>('/__sandbox/notes')).results;
  const cards = await db.query<{ task_id: string; status: string; hubspot_object_id: string | null }>('select task_id, status, hubspot_object_id from cards');
  const stored = new Set((await db.query<{ k: string }>(`select event_id || ':' || object_id as k from webhook_events`)).map((row) => row.k));
  const jobs = await db.query<{ k: string; n: number }>(
    `select data->>'objectId' as k, count(*)::int as n from pgboss.job where name = 'task-events' group by 1`);
  const dead = await db.query<{ n: number }>(`select count(*)::int as n from pgboss.job where name = 'task-events-dead'`);
  await db.close();
  await running.close();

  const noteIds = new Set(notes.map((note) => note.id));
  const cardedNotes = new Set(cards.flatMap((card) => (card.hubspot_object_id === null ? [] : [card.hubspot_object_id])));
  const strayNotes = [...noteIds].filter((id) => !cardedNotes.has(id)).length;
  out('');
  out('| Point | Cycles | SIGKILLs | Acked events | Acked-but-lost | Duplicate cards | Jobs per task > 1 | Tasks without a card | Seconds |');
  out('|---|---|---|---|---|---|---|---|---|');
  let failed = strayNotes > 0 || (dead[0]?.n ?? 0) > 0;
  for (const [point, f] of figures) {
    const lost = [...f.acked.keys()].filter((key) => !stored.has(key)).length;
    const duplicates = f.tasks.filter((id) => cards.filter((card) => card.task_id === id).length > 1).length;
    const jobDuplicates = f.tasks.filter((id) => (jobs.find((row) => row.k === id)?.n ?? 0) > 1).length;
    const without = f.tasks.filter((id) => !cards.some((card) => card.task_id === id && card.status === 'delivered' && card.hubspot_object_id !== null && noteIds.has(card.hubspot_object_id))).length;
    if (lost > 0 || duplicates > 0 || without > 0 || f.missed > 0) failed = true;
    out(`| ${point} | ${f.cycles} | ${f.kills + f.extraKills} | ${f.acked.size} | ${lost} | ${duplicates} | ${jobDuplicates} | ${without} | ${f.seconds} |`);
  }
  const pending = cards.filter((card) => card.status === 'pending').length;
  // A note no delivered card accounts for is a duplicate, or the note of a card still pending (its job dead-lettered: a redrive's marker search finds it).
  out(`notes in HubSpot ${notes.length}, notes no delivered card accounts for ${strayNotes} (cards still pending ${pending}), dead letters ${dead[0]?.n ?? 0}`);
  out(failed ? 'crash-loop: FAIL' : 'crash-loop: PASS');
  if (!failed) {
    const cleanup = await createPgDatabase(adminUrl.href);
    await cleanup.exec(`drop database if exists ${name}`).catch(() => undefined);
    await cleanup.close();
  }
  process.exit(failed ? 1 : 0);
}

main().catch((error: unknown) => {
  process.stderr.write(`crash-loop: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  current?.kill('SIGKILL');
  process.exit(1);
});
