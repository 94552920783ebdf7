/**
 * Scale-out (issue 8, item 1): service replicas (`src/main.ts` child processes, each with its
 * worker) on one fresh PostgreSQL database, started at the same moment so their migrations race.
 * The test plays HubSpot: 60 robotic tasks' events, batches sent to the replicas alternately and
 * every third batch to both (duplicates). Every task gets exactly one note, every event is stored
 * once. Throughput with one replica vs two is printed, not asserted (a shared 2-core machine).
 */
import { randomBytes } from 'node:crypto';
import { createSandbox, DEFAULT_APP, type Sandbox } from '../../src/sandbox/create-sandbox.ts';
import { DEMO_SETTINGS } from '../../src/demo.ts';
import { createSettingsStore } from '../../src/settings/settings-store.ts';
import { createPgDatabase } from '../../src/store/pg-database.ts';
import type { SqlDatabase } from '../../src/store/sql-database.ts';
import { eventually } from '../helpers/eventually.ts';
import { PUBLIC_BASE_URL, TEST_SECRET, signedHeaders } from '../helpers/hubspot-webhook.ts';
import { createTestDatabase, postgresAvailable, type TestDatabase } from '../helpers/postgres.ts';
import { registerSecret } from '../helpers/test-logger.ts';
import { startServiceProcess, type ServiceProcess } from '../integration/reliability/service-process.ts';
import type { SandboxNote } from './stack.ts';

const TASKS = 60;
const SUBJECTS = ['Follow up', 'Check in', 'Call', 'Touch base'];
const maybe = postgresAvailable ? describe : describe.skip;

interface Run {
  sandbox: Sandbox;
  sandboxUrl: string;
  database: TestDatabase;
  db: SqlDatabase;
  replicas: ServiceProcess[];
  urls: string[];
  close(): Promise<void>;
}

/** Starts a sandbox, a fresh database and `count` replicas at the same moment. */
async function startRun(count: number): Promise<Run> {
  const token = `scale-${randomBytes(16).toString('hex')}`;
  registerSecret(token);
  const sandbox = createSandbox({ app: { clientSecret: TEST_SECRET }, accessToken: token, seed: true });
  const running = await sandbox.listen(0, '127.0.0.1');
  const database = await createTestDatabase();
  const env = { DATABASE_URL: database.url, HUBSPOT_ACCESS_TOKEN: token, HUBSPOT_PORTAL_ID: String(sandbox.portalId),
    HUBSPOT_API_BASE_URL: running.url, JOB_LEASE_SECONDS: '30', CATCH_UP_POLL_SECONDS: '0' };
  const replicas = Array.from({ length: count }, (_, i) => startServiceProcess(`scale-out-${count}-${i}`, env));
  const urls = await Promise.all(replicas.map(async (replica) => String((await replica.waitFor('listening', 30_000)).url)));
  await Promise.all(replicas.map((replica) => replica.waitFor('ready', 60_000)));
  const db = await createPgDatabase(database.url);
  await createSettingsStore(db).save(String(sandbox.portalId), 0, DEMO_SETTINGS,
    { action: 'settings.update', target: 'scale-out', actor: { via: 'system' }, changes: [] }, Date.now());
  return {
    sandbox, sandboxUrl: running.url, database, db, replicas, urls,
    async close() {
      for (const replica of replicas) replica.child.kill('SIGTERM');
      await Promise.all(replicas.map((replica) => replica.exited));
      await db.close();
      await running.close();
      await database.drop();
    },
  };
}

async function control<T>(run: Run, path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(`${run.sandboxUrl}${path}`, { ...init, headers: { 'content-type': 'application/json' } });
  return (await response.json()) as T;
}

/** Creates the tasks in the sandbox (no webhooks: the test sends them) and returns their ids. */
async function createTasks(run: Run): Promise<string[]> {
  const seeded = await control<{ results: { associations: { contacts: string[] } }[] }>(run, '/__sandbox/tasks');
  const contacts = seeded.results.flatMap((task) => task.associations.contacts);
  const ids: string[] = [];
  for (let i = 0; i < TASKS; i += 1) {
    const body = JSON.stringify({ subject: SUBJECTS[i % SUBJECTS.length], contactIds: [contacts[i % contacts.length]] });
    ids.push((await control<{ id: string }>(run, '/__sandbox/tasks', { method: 'POST', body })).id);
  }
  return ids;
}

let nextEventId = 9_100_000;
function creation(run: Run, taskId: string, occurredAt: number): Record<string, unknown> {
  nextEventId += 1;
  return { eventId: nextEventId, subscriptionId: 1001, portalId: run.sandbox.portalId, appId: DEFAULT_APP.appId, occurredAt,
    subscriptionType: 'object.creation', attemptNumber: 0, objectId: Number(taskId), objectTypeId: '0-27', changeFlag: 'CREATED',
    changeSource: 'CRM_UI', sourceId: 'userId:5100001', isSensitive: false };
}

async function post(url: string, events: Record<string, unknown>[]): Promise<number> {
  const body = JSON.stringify(events);
  const response = await fetch(`${url}/webhooks/hubspot`, { method: 'POST', body, headers: signedHeaders(body, { timestamp: Date.now(), baseUrl: PUBLIC_BASE_URL }) });
  return response.status;
}

/** Sends every task's creation event in batches of 6, alternating replicas; every third batch goes to all. */
async function sendAlternately(run: Run, taskIds: string[]): Promise<{ requests: number; events: number }> {
  const now = Date.now();
  let requests = 0;
  let events = 0;
  for (let batch = 0; batch * 6 < taskIds.length; batch += 1) {
    const slice = taskIds.slice(batch * 6, batch * 6 + 6).map((id) => creation(run, id, now));
    const targets = batch % 3 === 2 ? run.urls : [run.urls[batch % run.urls.length] ?? ''];
    for (const url of targets) {
      expect(await post(url, slice)).toBe(204);
      requests += 1;
      events += slice.length;
    }
  }
  return { requests, events };
}

const notes = async (run: Run) => (await control<{ results: SandboxNote[] }>(run, '/__sandbox/notes')).results;
const delivered = (run: Run) => run.db.query<{ task_id: string }>(`select task_id from cards where status = 'delivered'`);

/** Sends the tasks, waits for every card, returns tasks per second from first send to last card. */
async function measure(run: Run): Promise<{ perSecond: number; taskIds: string[]; sent: { requests: number; events: number } }> {
  const taskIds = await createTasks(run);
  await fetch(`${run.sandboxUrl}/__sandbox/requests`, { method: 'DELETE' });
  const started = Date.now();
  const sent = await sendAlternately(run, taskIds);
  await eventually(() => delivered(run), (rows) => rows.length >= TASKS, 120_000);
  const perSecond = TASKS / ((Date.now() - started) / 1000);
  const calls = await control<{ total: number; byStatus: Record<string, number> }>(run, '/__sandbox/requests');
  figures.push(`${run.replicas.length} replica(s): ${perSecond.toFixed(1)} tasks/s, ${calls.total} HubSpot calls, ${calls.byStatus['429'] ?? 0} answered 429`);
  return { perSecond, taskIds, sent };
}
const figures: string[] = [];

maybe('scale-out on PostgreSQL', () => {
  afterAll(() => { process.stdout.write(`scale-out, ${TASKS} robotic tasks: ${figures.join('; ')}\n`); });

  test('when two replicas start together and receive alternating and duplicated webhooks, then every task gets exactly one card and no event is lost', async () => {
    const run = await startRun(2);
    try {
      const versions = await run.db.query<{ n: number; distinct: number }>('select count(*)::int as n, count(distinct version)::int as distinct from schema_migrations');
      expect(versions[0]?.n).toBe(versions[0]?.distinct);
      const { taskIds, sent } = await measure(run);
      expect(sent.events).toBeGreaterThan(TASKS);
      await new Promise((resolve) => setTimeout(resolve, 1_500)); // a late duplicate would show here
      const all = await notes(run);
      expect(all).toHaveLength(TASKS);
      const cards = await run.db.query<{ task_id: string; n: number }>('select task_id, count(*)::int as n from cards group by task_id');
      expect(cards.map((row) => row.task_id).sort()).toEqual([...taskIds].sort());
      expect(cards.every((row) => row.n === 1)).toBe(true);
      const stored = await run.db.query<{ n: number }>(`select count(distinct object_id)::int as n from webhook_events where portal_id = $1`, [String(run.sandbox.portalId)]);
      expect(stored[0]?.n).toBe(TASKS);
      // Both replicas did work: each logged at least one acknowledged delivery.
      for (const replica of run.replicas) expect(replica.lines().some((line) => line.msg === 'webhook delivery stored')).toBe(true);
    } finally {
      await run.close();
    }
  }, 240_000);

  test('when one replica does the same work, then its throughput is measured for comparison', async () => {
    const run = await startRun(1);
    try {
      await measure(run);
      expect(await notes(run)).toHaveLength(TASKS);
    } finally {
      await run.close();
    }
  }, 240_000);
});
