/**
 * Memory of the real service as `npm start` runs it (src/main.ts with package.json's start flags,
 * worker on) on PGlite and PostgreSQL: RSS idle (after start, migrations and two full GCs) and the
 * peak RSS sampled every 100 ms under the heaviest ingest load (64 connections, 100-event
 * batches). Targets: PGlite idle ≤ 200 MB, under load ≤ 300 MB; PostgreSQL ≤ 150 / 250 MB.
 * Baseline, same run: the bare Express route's process, idle and under the same load.
 */
import { loadavg } from 'node:os';
import type { BenchRow } from './bench-row.ts';
import { BENCH_BASE_URL, BENCH_SECRET, postgresAnswers, startBareServer, startUnrobot, type ServerProcess } from './server-process.ts';
import { runWebhookLoad } from './webhook-load.ts';

const MB = 1024 * 1024;

async function profile(server: ServerProcess, seconds: number): Promise<{ idle: number; heapIdle: number; peak: number }> {
  const idle = await server.memory(true);
  let peak = server.rssBytes();
  const sampler = setInterval(() => { peak = Math.max(peak, server.rssBytes()); }, 100);
  try {
    await runWebhookLoad({ url: server.url, connections: 64, eventsPerBatch: 100, seconds, secret: BENCH_SECRET, signedBaseUrl: BENCH_BASE_URL });
  } finally {
    clearInterval(sampler);
  }
  return { idle: idle.rss / MB, heapIdle: idle.heapUsed / MB, peak: Math.max(peak, server.rssBytes()) / MB };
}

export default async function bench(options: { quick: boolean }): Promise<BenchRow[]> {
  const seconds = options.quick ? 3 : 8;
  const bareServer = await startBareServer();
  const bare = await profile(bareServer, seconds).finally(() => bareServer.stop());
  const out: BenchRow[] = [];
  const targets = { pglite: [200, 300], postgres: [150, 250] } as const;
  const load = () => loadavg()[0]?.toFixed(1) ?? '?';
  for (const engine of (await postgresAnswers()) ? ['pglite', 'postgres'] as const : ['pglite'] as const) {
    const server = await startUnrobot(engine, { worker: true });
    const before = load();
    const measured = await profile(server, seconds).finally(() => server.stop());
    const [idleTarget, peakTarget] = targets[engine];
    out.push(
      { name: `memory ${engine}`, metric: 'RSS idle', value: measured.idle, unit: 'MB', baseline: bare.idle, ratio: measured.idle / bare.idle,
        note: `target ≤ ${idleTarget} MB; worker on; after start, migrations, GC; heap used ${measured.heapIdle.toFixed(1)} MB; baseline = bare express process; load ${before}` },
      { name: `memory ${engine}`, metric: 'RSS peak under load', value: measured.peak, unit: 'MB', baseline: bare.peak, ratio: measured.peak / bare.peak,
        note: `target ≤ ${peakTarget} MB; 64 connections, 100-event batches, ${seconds} s, sampled every 100 ms; load ${load()}` },
    );
  }
  return out;
}
