/**
 * The pipeline end to end, through the sandbox with 50 ms of simulated HubSpot latency on every
 * call and its real per-portal rate limits (110 per rolling 10 s; the client's own limiter holds
 * 90): N robotic task events arrive as signed webhooks in HubSpot-sized batches of 20 → intake →
 * queue → batching worker → processTaskEvent → one note per task in the sandbox. Wired as
 * src/main.ts wires it (wirePipeline, createWorker with batches of 20), in this process, on a
 * PGlite store in memory (the store is not what bounds this: HubSpot's latency and limits are).
 *
 * Reports cards delivered per second over the whole burst (N is large enough that the rate limit
 * binds), p50/p95 event-to-card latency (webhook sent → card marked delivered) and HubSpot calls
 * per card from the sandbox's request log (target ≤ 3 in batches of 20).
 *
 * BASELINE (same run, its own fresh sandbox with the same latency and limits): a naive sequential
 * implementation written here from the same ports — one event at a time, one snapshot read per
 * event through a reader with its cache off, decideCard, publish; no queue, no batching, no cache.
 * It costs ≈ 18 calls per card, so it runs on fewer events (24; 8 with --quick).
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { systemClock } from '../../src/clock.ts';
import { loadConfig } from '../../src/config.ts';
import { DEMO_SETTINGS } from '../../src/demo.ts';
import { createApp } from '../../src/http/create-app.ts';
import { createCardPublisher } from '../../src/hubspot/card-publisher.ts';
import { createCrmSnapshotReader } from '../../src/hubspot/crm-snapshot-reader.ts';
import { createHubSpotClients } from '../../src/hubspot/hubspot-client.ts';
import { createRateLimiter } from '../../src/hubspot/rate-limiter.ts';
import { createStaticTokenProvider } from '../../src/hubspot/token-provider.ts';
import { createLogger } from '../../src/logger.ts';
import { wirePipeline } from '../../src/pipeline-wiring.ts';
import { createSandbox, type Sandbox } from '../../src/sandbox/create-sandbox.ts';
import type { LoadedSettings } from '../../src/settings/portal-settings.ts';
import { createSettingsStore } from '../../src/settings/settings-store.ts';
import { createBossQueue, DEFAULT_QUEUE_SETTINGS } from '../../src/store/boss-queue.ts';
import { applyMigrations } from '../../src/store/migrations.ts';
import { createPgliteDatabase } from '../../src/store/pglite-database.ts';
import { createSqlStore } from '../../src/store/sql-store.ts';
import { createWorker } from '../../src/worker/create-worker.ts';
import { decideCard } from '../../src/worker/decide-card.ts';
import { signV3 } from '../../src/webhooks/signature.ts';
import type { BenchRow } from './bench-row.ts';

const LATENCY_MS = 50;
const WEBHOOK_BATCH = 20;
/** Prompts the default rule pack calls robotic; every task gets one. */
const SUBJECTS = ['Follow up', 'Check in', 'Touch base', 'Call', 'Follow-up call', 'Reach out'];

interface Prepared {
  sandbox: Sandbox;
  url: string;
  portalId: string;
  taskIds: string[];
  close(): Promise<void>;
}

/** A fresh sandbox (seeded, 50 ms latency, HubSpot's limits) with `n` new robotic tasks, one per contact, owners round robin. */
async function prepare(n: number, clientSecret: string): Promise<Prepared> {
  const sandbox = createSandbox({ app: { clientSecret }, accessToken: `bench-${randomBytes(8).toString('hex')}`, latencyMs: LATENCY_MS, log: createLogger({ level: 'silent' }) });
  const running = await sandbox.listen(0, '127.0.0.1');
  const portal = sandbox.state.portals.get(sandbox.portalId);
  if (portal === undefined) throw new Error('no demo portal');
  const control = async <T>(path: string, body: unknown): Promise<T> => {
    const response = await fetch(`${running.url}${path}`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  const { results: seeded } = (await (await fetch(`${running.url}/__sandbox/tasks`)).json()) as { results: { associations: { contacts: string[] } }[] };
  const contacts = [...new Set(seeded.flatMap((task) => task.associations.contacts))];
  const owners = portal.owners.map((owner) => owner.id);
  const taskIds: string[] = [];
  for (let index = 0; index < n; index += 1) {
    const created = await control<{ id: string }>('/__sandbox/tasks', {
      subject: SUBJECTS[index % SUBJECTS.length], contactIds: [contacts[index % contacts.length]], ownerId: owners[index % owners.length],
    });
    taskIds.push(created.id);
  }
  sandbox.state.requests.clear();
  return { sandbox, url: running.url, portalId: String(sandbox.portalId), taskIds, close: () => running.close() };
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

interface RunResult {
  cards: number;
  seconds: number;
  latencies: number[];
  calls: number;
  byEndpoint: Record<string, number>;
}

/** The real pipeline: webhooks → intake → queue → batching worker → processTaskEvent → sandbox. */
async function runPipeline(n: number): Promise<RunResult> {
  const clientSecret = randomBytes(24).toString('base64url');
  const prepared = await prepare(n, clientSecret);
  const { sandbox, portalId } = prepared;
  const log = createLogger({ level: 'silent' });
  let app: ReturnType<typeof createApp> | undefined;
  const server = createServer((req, res) => { app?.(req, res); });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const serviceUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const config = loadConfig({
    NODE_ENV: 'development', LOG_LEVEL: 'silent', PUBLIC_BASE_URL: serviceUrl, HUBSPOT_CLIENT_SECRET: clientSecret,
    HUBSPOT_ACCESS_TOKEN: sandbox.accessToken, HUBSPOT_PORTAL_ID: portalId, HUBSPOT_API_BASE_URL: prepared.url,
    SESSION_SECRET: randomBytes(32).toString('base64url'),
  });
  const db = await createPgliteDatabase('memory://');
  await applyMigrations(db);
  const queue = createBossQueue(db, DEFAULT_QUEUE_SETTINGS);
  await queue.start();
  const store = createSqlStore(db, queue);
  const settings = createSettingsStore(db);
  await settings.save(portalId, 0, DEMO_SETTINGS, { action: 'settings.update', target: 'bench', actor: { via: 'system' }, changes: [] }, Date.now());
  const tokens = createStaticTokenProvider(portalId, sandbox.accessToken);
  const pipeline = wirePipeline({ config, db, queue, inbox: store, tokens, settings, clock: systemClock, log });
  app = createApp({ config, log, store, clock: systemClock });
  // As main.ts: batches of 20, the queue's default polling.
  const worker = createWorker({ queue, log, clock: systemClock, handler: pipeline.handler, consume: { batchSize: 20 } });
  await worker.start();
  try {
    const sentAt = new Map<string, number>();
    const started = performance.now();
    let eventId = 9_100_000;
    // HubSpot delivers a burst in batches, several requests side by side.
    await Promise.all(chunks(prepared.taskIds, WEBHOOK_BATCH).map(async (ids) => {
      const now = Date.now();
      const body = JSON.stringify(ids.map((id) => ({ eventId: (eventId += 1), subscriptionId: 3849711, portalId: Number(portalId), appId: sandbox.state.app.appId,
        occurredAt: now, subscriptionType: 'object.creation', attemptNumber: 0, objectId: Number(id), objectTypeId: '0-27', changeFlag: 'CREATED',
        changeSource: 'CRM_UI', sourceId: 'userId:5100001', isSensitive: false })));
      const timestamp = String(now);
      ids.forEach((id) => sentAt.set(id, now));
      const response = await fetch(`${serviceUrl}/webhooks/hubspot`, { method: 'POST', body, headers: {
        'content-type': 'application/json', 'x-hubspot-request-timestamp': timestamp,
        'x-hubspot-signature-v3': signV3({ secret: clientSecret, method: 'POST', uri: `${serviceUrl}/webhooks/hubspot`, body, timestamp }),
      } });
      if (response.status !== 204) throw new Error(`webhook answered ${response.status}`);
    }));
    const deadline = Date.now() + 10 * 60_000;
    let rows: { task_id: string; at: number }[] = [];
    for (;;) {
      rows = await db.query<{ task_id: string; at: number }>("select task_id, (extract(epoch from delivered_at) * 1000)::float8 as at from cards where status = 'delivered'");
      const skips = await db.query<{ n: number }>('select count(*)::int as n from card_skips');
      if (rows.length + (skips[0]?.n ?? 0) >= n) break;
      if (Date.now() > deadline) throw new Error(`only ${rows.length} of ${n} cards after 10 minutes`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const lastAt = Math.max(...rows.map((row) => Number(row.at)));
    const seconds = (performance.now() - started) / 1000 - Math.max(0, (Date.now() - lastAt) / 1000);
    const latencies = rows.map((row) => Number(row.at) - (sentAt.get(row.task_id) ?? Number.NaN)).sort((a, b) => a - b);
    const requests = sandbox.state.requests.snapshot();
    return { cards: rows.length, seconds, latencies, calls: requests.total, byEndpoint: requests.byEndpoint };
  } finally {
    await worker.stop(2_000);
    await queue.stop(2_000);
    await new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await db.close();
    await prepared.close();
  }
}

/** BASELINE: the naive sequential loop, from the same ports; no queue, no batching, no cache. */
async function runNaive(n: number, loaded: LoadedSettings): Promise<RunResult> {
  const prepared = await prepare(n, randomBytes(24).toString('base64url'));
  const { sandbox, portalId } = prepared;
  const log = createLogger({ level: 'silent' });
  const clients = createHubSpotClients({ apiBaseUrl: prepared.url, limiter: createRateLimiter({ clock: systemClock }), log, clock: systemClock });
  const crm = createCrmSnapshotReader({ clients, log, clock: systemClock, cacheTtlMs: 0 });
  const publisher = createCardPublisher({ clients, log, appBaseUrl: 'http://127.0.0.1:1' });
  const settings = { ...loaded, portalId };
  const latencies: number[] = [];
  let cards = 0;
  try {
    const started = performance.now();
    const arrived = Date.now(); // the same burst: every event has arrived at the start
    for (const taskId of prepared.taskIds) {
      const now = Date.now();
      const result = (await crm.loadSnapshots(portalId, sandbox.accessToken, [taskId], now)).get(taskId);
      if (result === undefined || 'gone' in result) continue;
      const decision = decideCard(result.snapshot, result.records, settings, { delivered: [], snoozes: [], recentCards: [] }, now);
      if (decision.action !== 'deliver') continue;
      await publisher.publish(decision.card, { portalId, accessToken: sandbox.accessToken, taskId, cardId: `naive-${taskId}`, records: result.records, delivery: settings.settings.delivery, now });
      cards += 1;
      latencies.push(Date.now() - arrived);
    }
    const requests = sandbox.state.requests.snapshot();
    return { cards, seconds: (performance.now() - started) / 1000, latencies: latencies.sort((a, b) => a - b), calls: requests.total, byEndpoint: requests.byEndpoint };
  } finally {
    await prepared.close();
  }
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let index = 0; index < items.length; index += size) out.push(items.slice(index, index + size));
  return out;
}

async function loadDemoSettings(): Promise<LoadedSettings> {
  const db = await createPgliteDatabase('memory://');
  try {
    await applyMigrations(db);
    const settings = createSettingsStore(db);
    await settings.save('0', 0, DEMO_SETTINGS, { action: 'settings.update', target: 'bench', actor: { via: 'system' }, changes: [] }, Date.now());
    return await settings.load('0');
  } finally {
    await db.close();
  }
}

export default async function bench(options: { quick: boolean }): Promise<BenchRow[]> {
  // 90 calls per 10 s is the client's budget: N must cost well over 90 calls for the limit to bind.
  const n = options.quick ? 40 : 160;
  // The naive loop costs ≈ 18 calls per card: at 9 calls/s it takes 2 s per card once the limit
  // binds, so it runs on fewer events (its rate is the limit's anyway after the first 90 calls).
  const naiveN = options.quick ? 8 : 24;
  const measured = await runPipeline(n);
  const naive = await runNaive(naiveN, await loadDemoSettings());
  const name = `pipeline ${n} events, ${LATENCY_MS} ms HubSpot latency`;
  const perCard = (run: RunResult) => run.calls / Math.max(1, run.cards);
  const rate = (run: RunResult) => run.cards / run.seconds;
  const note = `baseline = naive sequential loop (one event at a time, one snapshot read each, no cache), same run; `
    + `${measured.cards}/${n} cards (naive ${naive.cards}/${naiveN} events); calls ${JSON.stringify(measured.byEndpoint)}`;
  return [
    { name, metric: 'cards/s', value: rate(measured), unit: 'cards/s', baseline: rate(naive), ratio: rate(measured) / rate(naive),
      note: `rate limit 110/10 s (sandbox), 90/10 s (client): at most ${(9 / perCard(measured)).toFixed(1)} cards/s at ${perCard(measured).toFixed(2)} calls per card; ${note}` },
    { name, metric: 'HubSpot calls per card', value: perCard(measured), unit: 'calls', baseline: perCard(naive), ratio: perCard(measured) / perCard(naive),
      note: `target ≤ 3 in batches of 20; naive ${JSON.stringify(naive.byEndpoint)}` },
    { name, metric: 'p50 event-to-card', value: percentile(measured.latencies, 50), unit: 'ms', baseline: percentile(naive.latencies, 50),
      note: 'webhook sent → card delivered; naive: the burst arrived at its start' },
    { name, metric: 'p95 event-to-card', value: percentile(measured.latencies, 95), unit: 'ms', baseline: percentile(naive.latencies, 95) },
  ];
}
