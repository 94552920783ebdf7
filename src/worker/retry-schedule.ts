/**
 * RELIABILITY.md T7: when a failed job runs again. Eight retries on a fixed schedule (1 s, 5 s,
 * 30 s, 2 min, 10 min, 30 min, 2 h, 6 h; about 8.7 h in all at the top of each step) with full
 * jitter (a uniform wait between 1 s and the step), so a burst of failures does not come back as
 * a burst. A `Retry-After` (HubSpot's 429) is a floor: the retry is never scheduled earlier.
 */

/** The T7 steps in seconds, one per retry; after the last one the job is dead-lettered. */
export const RETRY_SCHEDULE_SECONDS: readonly number[] = [1, 5, 30, 120, 600, 1800, 7200, 21_600];

/** Lease expiries after which a job is treated as poison (it crashes its worker) and dead-lettered. */
export const POISON_LEASE_EXPIRIES = 3;

export interface RetryDelayOptions {
  /** From a retryable `AppError` (Retry-After, or HubSpot's 10 s rolling window). */
  retryAfterMs?: number | undefined;
  /** Uniform in [0, 1); injected so tests are deterministic. */
  random?: () => number;
}

/** Seconds to wait before the retry that follows failed attempt `attempt` (0 = the first run). */
export function retryDelaySeconds(attempt: number, options: RetryDelayOptions = {}): number {
  const random = options.random ?? Math.random;
  const index = Math.min(Math.max(0, Math.trunc(attempt)), RETRY_SCHEDULE_SECONDS.length - 1);
  const step = RETRY_SCHEDULE_SECONDS[index] ?? 1;
  const jittered = Math.max(1, Math.ceil(random() * step));
  const floor = options.retryAfterMs !== undefined && options.retryAfterMs > 0 ? Math.ceil(options.retryAfterMs / 1000) : 0;
  return Math.max(jittered, floor);
}
