/**
 * A/B of the service process under the same load, alternating the order every round so that a
 * machine getting busier does not favour one side: `node scripts/bench/ab-server.ts [--engine
 * postgres|pglite] [--rounds N] -- '<node flags A>' '<node flags B>' …` ('' = no flags). Each
 * variant is a fresh service (src/main.ts, as the ingest bench starts it) with those flags (e.g.
 * `--max-semi-space-size=8`, or `--import /path/preload.ts` that changes a default before main
 * runs): RSS idle after GC, peak RSS under 64 connections × 100-event batches (8 s), then requests/s
 * and p99 at 10 connections × 1 event (5 s), with the load average beside each line.
 * Not a `.bench.ts`: `npm run bench` does not run it.
 */
import { loadavg } from 'node:os';
import { BENCH_BASE_URL, BENCH_SECRET, startUnrobot, type Engine } from './server-process.ts';
import { runWebhookLoad } from './webhook-load.ts';

const MB = 1024 * 1024;
const args = process.argv.slice(2);
const split = args.indexOf('--');
const options = split === -1 ? args : args.slice(0, split);
const variants = split === -1 ? [''] : args.slice(split + 1);
const option = (name: string, fallback: string) => {
  const index = options.indexOf(name);
  return index === -1 ? fallback : options[index + 1] ?? fallback;
};
const engine = option('--engine', 'postgres') as Engine;
const rounds = Number(option('--rounds', '2'));

for (let round = 0; round < rounds; round += 1) {
  for (const flags of round % 2 === 0 ? variants : [...variants].reverse()) {
    process.env.BENCH_SERVER_NODE_ARGS = flags;
    const server = await startUnrobot(engine);
    try {
      const idle = (await server.memory(true)).rss / MB;
      let peak = server.rssBytes();
      const sampler = setInterval(() => { peak = Math.max(peak, server.rssBytes()); }, 100);
      const heavy = await runWebhookLoad({ url: server.url, connections: 64, eventsPerBatch: 100, seconds: 8, secret: BENCH_SECRET, signedBaseUrl: BENCH_BASE_URL });
      clearInterval(sampler);
      const light = await runWebhookLoad({ url: server.url, connections: 10, eventsPerBatch: 1, seconds: 5, secret: BENCH_SECRET, signedBaseUrl: BENCH_BASE_URL });
      process.stdout.write(`round ${round} ${engine} [${flags}]: RSS idle ${idle.toFixed(0)} MB, peak ${(peak / MB).toFixed(0)} MB; `
        + `c=64/100: ${heavy.requestsPerSecond.toFixed(0)} req/s p99 ${heavy.p99} ms; c=10/1: ${light.requestsPerSecond.toFixed(0)} req/s p99 ${light.p99} ms; `
        + `load ${loadavg().map((value) => value.toFixed(2)).join(' ')}\n`);
    } finally {
      await server.stop();
    }
  }
}
