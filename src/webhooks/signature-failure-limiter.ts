/**
 * A per-IP limit on repeated signature failures (RELIABILITY.md row 8, §3.1 API4): once an
 * address has failed `limit` times within a window, its webhook requests get 429 without any
 * HMAC being computed, until the window has passed. HubSpot itself never fails a signature when
 * the secret is right, so the limit only bites a prober or a misconfigured deployment (whose
 * warning logs already say so). In memory, per process: each replica limits on its own.
 */

export interface SignatureFailureLimiter {
  /** Seconds until `ip` may try again, or undefined when it is not blocked. */
  blockedFor(ip: string, now: number): number | undefined;
  /** Counts one failure from `ip`. */
  recordFailure(ip: string, now: number): void;
}

export interface SignatureFailureLimiterOptions {
  /** Failures allowed per window before the address is blocked; 0 turns the limit off. */
  limit: number;
  windowMs?: number;
  /** Addresses tracked at once; the oldest are forgotten first (bounded memory under a spray). */
  maxTracked?: number;
}

/** Never blocks. */
export const noSignatureFailureLimit: SignatureFailureLimiter = { blockedFor: () => undefined, recordFailure: () => undefined };

export function createSignatureFailureLimiter(options: SignatureFailureLimiterOptions): SignatureFailureLimiter {
  if (options.limit <= 0) return noSignatureFailureLimit;
  const windowMs = options.windowMs ?? 60_000;
  const maxTracked = options.maxTracked ?? 10_000;
  /** Failure times per address, oldest first; the map keeps the least recently failing address first. */
  const failures = new Map<string, number[]>();

  const recent = (ip: string, now: number): number[] => {
    const times = failures.get(ip);
    if (times === undefined) return [];
    const kept = times.filter((at) => now - at < windowMs);
    if (kept.length === 0) failures.delete(ip);
    else failures.set(ip, kept);
    return kept;
  };

  return {
    blockedFor(ip, now) {
      const times = recent(ip, now);
      if (times.length < options.limit) return undefined;
      const oldest = times[times.length - options.limit] ?? now;
      return Math.max(1, Math.ceil((oldest + windowMs - now) / 1000));
    },
    recordFailure(ip, now) {
      const times = recent(ip, now);
      times.push(now);
      // Only the last `limit` failures matter for the decision.
      if (times.length > options.limit) times.splice(0, times.length - options.limit);
      failures.delete(ip);
      failures.set(ip, times);
      while (failures.size > maxTracked) {
        const oldest = failures.keys().next().value;
        if (oldest === undefined) break;
        failures.delete(oldest);
      }
    },
  };
}
