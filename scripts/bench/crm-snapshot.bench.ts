/**
 * What reading CRM context costs the worker: 20 task snapshots read as one batch (cold cache,
 * then warm) against the baseline of reading the same 20 tasks one at a time with no cache,
 * through the real SDK against the sandbox with 20 ms of latency per call. Reports HubSpot
 * calls per task (the budget is ≤ 4 per delivered card, the write included) and wall time.
 */
import { systemClock } from '../../src/clock.ts';
import { createCrmSnapshotReader } from '../../src/hubspot/crm-snapshot-reader.ts';
import { createHubSpotClients } from '../../src/hubspot/hubspot-client.ts';
import { createRateLimiter, DEFAULT_RATE_LIMITS } from '../../src/hubspot/rate-limiter.ts';
import { createLogger } from '../../src/logger.ts';
import { createSandbox } from '../../src/sandbox/create-sandbox.ts';
import type { BenchRow } from './bench-row.ts';

const TASKS = 20;

export default async function bench(options: { quick: boolean }): Promise<BenchRow[]> {
  const sandbox = createSandbox({ accessToken: 'pat-na1-bench', rateLimits: false, latencyMs: options.quick ? 5 : 20 });
  const running = await sandbox.listen();
  const log = createLogger({ level: 'silent' });
  // Limits high enough that the limiter never waits: this measures calls and round trips, not throttling.
  const limiter = createRateLimiter({ clock: systemClock, limits: { ...DEFAULT_RATE_LIMITS, standard: { max: 100_000, windowMs: 10_000 }, search: { max: 100_000, windowMs: 1_000 } } });
  const clients = createHubSpotClients({ apiBaseUrl: running.url, limiter, log });
  const ids = sandbox.groundTruth()!.roboticTaskIds.slice(0, TASKS);
  const portalId = String(sandbox.portalId);
  const measure = async (run: () => Promise<unknown>) => {
    sandbox.state.requests.clear();
    const started = performance.now();
    await run();
    return { calls: sandbox.state.requests.snapshot().total, ms: performance.now() - started };
  };
  try {
    const batched = createCrmSnapshotReader({ clients, log, clock: systemClock });
    const cold = await measure(() => batched.loadSnapshots(portalId, sandbox.accessToken, ids, Date.now()));
    const warm = await measure(() => batched.loadSnapshots(portalId, sandbox.accessToken, ids, Date.now()));
    const single = createCrmSnapshotReader({ clients, log, clock: systemClock, cacheTtlMs: 0 });
    const oneByOne = await measure(async () => { for (const id of ids) await single.loadSnapshots(portalId, sandbox.accessToken, [id], Date.now()); });
    const row = (name: string, metric: string, value: number, unit: string, baseline: number, note: string): BenchRow => ({ name, metric, value: Number(value.toFixed(2)), unit, baseline: Number(baseline.toFixed(2)), ratio: Number((value / baseline).toFixed(3)), note });
    return [
      row('crm snapshot, 20 tasks, batched cold', 'calls per task', cold.calls / TASKS, 'calls', oneByOne.calls / TASKS, 'baseline: one task at a time, no cache; lower is better'),
      row('crm snapshot, 20 tasks, batched warm', 'calls per task', warm.calls / TASKS, 'calls', oneByOne.calls / TASKS, 'baseline: one task at a time, no cache; lower is better'),
      row('crm snapshot, 20 tasks, batched cold', 'wall time', cold.ms, 'ms', oneByOne.ms, 'baseline: one task at a time, no cache; lower is better'),
      row('crm snapshot, 20 tasks, batched warm', 'wall time', warm.ms, 'ms', oneByOne.ms, 'baseline: one task at a time, no cache; lower is better'),
    ];
  } finally {
    await running.close();
  }
}
