/** One line of the benchmark table: a measured value, and where it makes sense its baseline from the same run. */
export interface BenchRow {
  name: string;
  metric: string;
  value: number;
  unit: string;
  /** The same metric for the baseline measured in the same run. */
  baseline?: number;
  /** value / baseline (or the inverse for latencies; say which in `note`). */
  ratio?: number;
  note?: string;
}

/**
 * Runs `fn` repeatedly for about `ms` milliseconds and returns operations per second of CPU time
 * (this process's user + system time, GC threads included), so that other processes competing
 * for the shared cores do not count as our time; `wallPerSecond` is the same per wall second.
 */
export function opsPerSecond(fn: () => void, ms: number): { ops: number; perSecond: number; wallPerSecond: number } {
  for (let warm = 0; warm < 200; warm += 1) fn();
  const deadline = process.hrtime.bigint() + BigInt(ms) * 1_000_000n;
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  let ops = 0;
  while (process.hrtime.bigint() < deadline) {
    for (let batch = 0; batch < 100; batch += 1) fn();
    ops += 100;
  }
  const used = process.cpuUsage(cpu);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { ops, perSecond: ops / ((used.user + used.system) / 1e6), wallPerSecond: ops / seconds };
}
