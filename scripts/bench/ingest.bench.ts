/**
 * Webhook ingest: Unrobot's real `/webhooks/hubspot` (signature + parse + durable commit +
 * enqueue, src/main.ts with the real store) against a bare Express 5 route that reads the raw
 * body and answers 204, both started in this run, each in its own process; autocannon runs here.
 * Variants: 10 and 64 connections × 1- and 100-event batches × PGlite and PostgreSQL (a fresh
 * database, dropped after). Targets on PostgreSQL: ≥ 0.5× the bare route's requests/s, p99 ≤ 25 ms.
 */
import type { BenchRow } from './bench-row.ts';
import { BENCH_BASE_URL, BENCH_SECRET, postgresAnswers, startBareServer, startUnrobot, type Engine, type ServerProcess } from './server-process.ts';
import { runWebhookLoad, type LoadSummary } from './webhook-load.ts';

interface Variant {
  connections: number;
  eventsPerBatch: number;
}

function load(server: ServerProcess, variant: Variant, seconds: number): Promise<LoadSummary> {
  return runWebhookLoad({ url: server.url, ...variant, seconds, secret: BENCH_SECRET, signedBaseUrl: BENCH_BASE_URL });
}

function rows(engine: Engine, variant: Variant, measured: LoadSummary, bare: LoadSummary): BenchRow[] {
  const name = `ingest ${engine} c=${variant.connections} ${variant.eventsPerBatch}-event`;
  const target = engine === 'postgres' ? 'target ≥ 0.50× bare, p99 ≤ 25 ms; ' : '';
  return [
    { name, metric: 'requests/s', value: measured.requestsPerSecond, unit: 'req/s', baseline: bare.requestsPerSecond,
      ratio: measured.requestsPerSecond / bare.requestsPerSecond, note: `${target}baseline = bare express route, same run; ${measured.failures} failures` },
    { name, metric: 'events/s', value: measured.eventsPerSecond, unit: 'events/s' },
    { name, metric: 'p50 ack', value: measured.p50, unit: 'ms', baseline: bare.p50 },
    { name, metric: 'p99 ack', value: measured.p99, unit: 'ms', baseline: bare.p99 },
  ];
}

export default async function bench(options: { quick: boolean }): Promise<BenchRow[]> {
  const seconds = options.quick ? 2 : 5;
  const variants: Variant[] = options.quick
    ? [{ connections: 10, eventsPerBatch: 1 }, { connections: 64, eventsPerBatch: 100 }]
    : [{ connections: 10, eventsPerBatch: 1 }, { connections: 64, eventsPerBatch: 1 }, { connections: 10, eventsPerBatch: 100 }, { connections: 64, eventsPerBatch: 100 }];
  const engines: Engine[] = (await postgresAnswers()) ? ['pglite', 'postgres'] : ['pglite'];
  const out: BenchRow[] = [];

  // The baseline once per variant; each engine's run is compared with it.
  const bareServer = await startBareServer();
  const bare = new Map<Variant, LoadSummary>();
  try {
    await load(bareServer, { connections: 10, eventsPerBatch: 1 }, 1); // warm-up
    for (const variant of variants) bare.set(variant, await load(bareServer, variant, seconds));
  } finally {
    await bareServer.stop();
  }

  for (const engine of engines) {
    const server = await startUnrobot(engine);
    try {
      await load(server, { connections: 10, eventsPerBatch: 1 }, 1); // warm-up: JIT, pool, caches
      for (const variant of variants) out.push(...rows(engine, variant, await load(server, variant, seconds), bare.get(variant) as LoadSummary));
    } finally {
      await server.stop();
    }
  }
  if (!engines.includes('postgres')) out.push({ name: 'ingest postgres', metric: 'skipped', value: 0, unit: '', note: 'no PostgreSQL server answers at TEST_DATABASE_URL' });
  return out;
}
