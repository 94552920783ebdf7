/**
 * Webhook ingest: Unrobot's real `/webhooks/hubspot` (signature + parse + durable commit +
 * enqueue, src/main.ts as `npm start` runs it, worker off) on PGlite and PostgreSQL, against three
 * peers measured in the same run:
 * - the **durability limit** of this disk (durability-limit.ts: 10 concurrent `insert; commit`
 *   loops, `synchronous_commit = on`, per engine): a receiver that commits each request on its
 *   own cannot ack faster; group commit shares one commit between concurrent requests;
 * - a **naive durable receiver** (naive-receiver.ts: Express + one INSERT per request);
 * - the **bare** Express route (reads the body, 204; no database): what HTTP costs alone.
 * Variants: 10 connections (HubSpot's own concurrency) × 1- and 100-event batches, plus 64
 * connections in the full run. Goals: events/s ≥ 0.8× the limit (in requests: acks/s ≥ 0.8× the
 * commits/s) and ≥ 3× naive at 10 connections, p99 ≤ 25 ms at 10 × 1 on PostgreSQL.
 */
import { loadavg } from 'node:os';
import type { BenchRow } from './bench-row.ts';
import { durabilityLimit } from './durability-limit.ts';
import { BENCH_BASE_URL, BENCH_SECRET, postgresAnswers, startBareServer, startNaiveReceiver, startUnrobot, type Engine, type ServerProcess } from './server-process.ts';
import { runWebhookLoad, type LoadSummary } from './webhook-load.ts';

interface Variant {
  connections: number;
  eventsPerBatch: number;
}

const load1 = () => loadavg()[0]?.toFixed(1) ?? '?';

function load(server: ServerProcess, variant: Variant, seconds: number): Promise<LoadSummary> {
  return runWebhookLoad({ url: server.url, ...variant, seconds, secret: BENCH_SECRET, signedBaseUrl: BENCH_BASE_URL });
}

/** A load's summary plus the server process's own CPU time per request (ms), from /proc. */
type Measured = LoadSummary & { serverCpuMsPerRequest: number };

async function measure(server: ServerProcess, variants: readonly Variant[], seconds: number): Promise<Map<Variant, Measured>> {
  const out = new Map<Variant, Measured>();
  try {
    await load(server, { connections: 10, eventsPerBatch: 1 }, 1); // warm-up: JIT, pool, caches
    for (const variant of variants) {
      const before = server.cpuMs();
      const summary = await load(server, variant, seconds);
      out.set(variant, { ...summary, serverCpuMsPerRequest: (server.cpuMs() - before) / Math.max(1, summary.requests) });
    }
  } finally {
    await server.stop();
  }
  return out;
}

interface Peers {
  bare: LoadSummary;
  naive: Measured;
  /** Durable commits/s of this engine with 10 concurrent clients. */
  limit: number;
}

function rows(engine: Engine, variant: Variant, measured: Measured, peers: Peers): BenchRow[] {
  const name = `ingest ${engine} c=${variant.connections} ${variant.eventsPerBatch}-event`;
  const atTen = variant.connections === 10;
  const p99Goal = engine === 'postgres' && atTen && variant.eventsPerBatch === 1 ? 'goal ≤ 25 ms; ' : '';
  const limitEvents = peers.limit * variant.eventsPerBatch;
  return [
    { name, metric: 'events/s vs durability limit', value: measured.eventsPerSecond, unit: 'events/s', baseline: limitEvents, ratio: measured.eventsPerSecond / limitEvents,
      note: `${atTen ? 'goal ≥ 0.80×; ' : ''}limit = ${Math.round(peers.limit)} commits/s (10 clients insert;commit, same disk, same run) × ${variant.eventsPerBatch} events; ${measured.failures} failures; load ${measured.load}` },
    { name, metric: 'events/s vs naive receiver', value: measured.eventsPerSecond, unit: 'events/s', baseline: peers.naive.eventsPerSecond, ratio: measured.eventsPerSecond / peers.naive.eventsPerSecond,
      note: `${atTen ? 'goal ≥ 3×; ' : ''}naive = Express + one INSERT per request (no group commit), p99 ${peers.naive.p99} ms, ${peers.naive.failures} failures` },
    { name, metric: 'requests/s vs bare', value: measured.requestsPerSecond, unit: 'req/s', baseline: peers.bare.requestsPerSecond, ratio: measured.requestsPerSecond / peers.bare.requestsPerSecond, note: 'bare = express route, no database' },
    { name, metric: 'p50 ack', value: measured.p50, unit: 'ms', baseline: peers.naive.p50, note: 'baseline = naive receiver' },
    { name, metric: 'p99 ack', value: measured.p99, unit: 'ms', baseline: peers.naive.p99, note: `${p99Goal}baseline = naive receiver` },
    // What bounds a CPU-starved run: the service's own work per request against the naive receiver's.
    { name, metric: 'server CPU per request', value: measured.serverCpuMsPerRequest, unit: 'ms', baseline: peers.naive.serverCpuMsPerRequest,
      ratio: measured.serverCpuMsPerRequest / peers.naive.serverCpuMsPerRequest,
      note: 'user+system time of the service process / requests answered; baseline = the naive receiver process (database time not included)' },
  ];
}

export default async function bench(options: { quick: boolean }): Promise<BenchRow[]> {
  const seconds = options.quick ? 2 : 5;
  const variants: Variant[] = options.quick
    ? [{ connections: 10, eventsPerBatch: 1 }, { connections: 10, eventsPerBatch: 100 }]
    : [{ connections: 10, eventsPerBatch: 1 }, { connections: 10, eventsPerBatch: 100 }, { connections: 64, eventsPerBatch: 1 }, { connections: 64, eventsPerBatch: 100 }];
  const engines: Engine[] = (await postgresAnswers()) ? ['pglite', 'postgres'] : ['pglite'];
  const out: BenchRow[] = [];

  const bare = await measure(await startBareServer(), variants, seconds);
  for (const engine of engines) {
    const limit = await durabilityLimit(engine, 10, seconds);
    const naive = await measure(await startNaiveReceiver(engine), variants, seconds);
    const unrobot = await measure(await startUnrobot(engine), variants, seconds);
    for (const variant of variants) {
      const peers = { bare: bare.get(variant) as LoadSummary, naive: naive.get(variant) as Measured, limit };
      out.push(...rows(engine, variant, unrobot.get(variant) as Measured, peers));
    }
    out.push({ name: `ingest ${engine}`, metric: 'durability limit', value: limit, unit: 'commits/s', note: `10 concurrent insert;commit loops, synchronous_commit=on, ${seconds} s; load ${load1()}` });
  }
  if (!engines.includes('postgres')) out.push({ name: 'ingest postgres', metric: 'skipped', value: 0, unit: '', note: 'no PostgreSQL server answers at TEST_DATABASE_URL' });
  return out;
}
