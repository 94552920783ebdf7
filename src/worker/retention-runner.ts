/**
 * Runs the inbox retention purge periodically from the worker (RELIABILITY.md T5). Every replica
 * may run it: the purge is idempotent, so running it twice only costs a query.
 */
import type { Clock } from '../clock.ts';
import type { Logger } from '../logger.ts';

export interface PurgeCounts { events: number; quarantined: number; deliveries: number; bodiesCleared: number }

export interface RetentionRunnerDeps {
  purge: (now: number) => Promise<PurgeCounts>;
  clock: Clock;
  log: Logger;
  /** Default hourly. */
  intervalMs?: number;
}

export interface RetentionRunner {
  /** One purge now; never throws (a failure is logged and retried at the next tick). */
  runOnce(): Promise<PurgeCounts | undefined>;
  stop(): void;
}

export function startRetentionRunner(deps: RetentionRunnerDeps): RetentionRunner {
  let running: Promise<unknown> | undefined;
  const runOnce = async () => {
    try {
      const counts = await deps.purge(deps.clock.now());
      deps.log.info(counts, 'retention purge done');
      return counts;
    } catch (error) {
      deps.log.error({ err: error }, 'retention purge failed; will retry at the next tick');
      return undefined;
    }
  };
  const timer = setInterval(() => { running ??= runOnce().finally(() => { running = undefined; }); }, deps.intervalMs ?? 3600_000);
  timer.unref();
  return { runOnce, stop: () => clearInterval(timer) };
}
