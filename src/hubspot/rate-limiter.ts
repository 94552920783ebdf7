/**
 * Keeps each portal under HubSpot's limits (RELIABILITY.md T8, REFERENCE.md §5.1): at most 90
 * requests per rolling 10 s (HubSpot allows 110; the margin absorbs other apps and clock drift)
 * and at most 4 search requests per 1.25 s (HubSpot allows 5 per second; search is counted
 * separately). The search window is longer than HubSpot's on purpose: requests reach HubSpot
 * with jitter (queueing, connection set-up, the SDK), so four grants exactly 1 s apart could land
 * as five in HubSpot's own second, and the sandbox saw `SECONDLY` 429s. With 4 per 1.25 s, any
 * five grants span at least 1.25 s, so arrival jitter below 250 ms still keeps every server-side
 * second at 4 or fewer (3.2 searches per second sustained).
 * A 429 pauses the portal for as long as HubSpot asked.
 *
 * Why not `bottleneck` (already in the tree through the SDK): its reservoir refreshes on a fixed
 * interval, so 90 requests at the end of one interval and 90 at the start of the next make 180
 * in well under 10 s, past HubSpot's rolling limit; and it reads `Date.now` and real timers, so
 * tests would need fake timers. A sliding log of at most 90 timestamps per portal is exact,
 * small, and runs on an injected clock and sleep, which makes the tests deterministic and fast.
 */
import type { Clock } from '../clock.ts';
import { AppError } from '../errors.ts';

export type RequestKind = 'standard' | 'search';

export interface RateLimits {
  standard: { max: number; windowMs: number };
  search: { max: number; windowMs: number };
  /**
   * Longest a caller may wait for a slot. A longer wait (a daily-limit pause, a deep queue)
   * rejects with a retryable `hubspot.rate-limited` instead, so the job backs off in the queue
   * rather than holding a worker.
   */
  maxWaitMs: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = {
  standard: { max: 90, windowMs: 10_000 },
  search: { max: 4, windowMs: 1_250 },
  maxWaitMs: 30_000,
};

export interface RateLimiterOptions {
  clock: Clock;
  /** Resolves after `ms`; tests pass one that advances a fixed clock. */
  sleep?: (ms: number) => Promise<void>;
  limits?: RateLimits;
}

export interface RateLimiter {
  /** Resolves when the portal may send one request of this kind; FIFO per portal and kind. */
  acquire(portalId: string, kind?: RequestKind): Promise<void>;
  /** Holds a portal's requests (of one kind, or all) until `untilMs`; never shortens a pause. */
  pause(portalId: string, untilMs: number, kind?: RequestKind): void;
  /** Requests counted in the current window and the pause end, for metrics and tests. */
  inspect(portalId: string, kind?: RequestKind): { inWindow: number; pausedUntil: number; waiting: number };
}

interface Waiter {
  enqueuedAt: number;
  resolve: () => void;
  reject: (error: AppError) => void;
}

interface Lane {
  max: number;
  windowMs: number;
  /** Grant times, oldest first, never more than `max`. */
  stamps: number[];
  pausedUntil: number;
  waiters: Waiter[];
  pumping: boolean;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Creates a limiter holding one sliding window per portal and request kind. */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const { clock } = options;
  const sleep = options.sleep ?? realSleep;
  const limits = options.limits ?? DEFAULT_RATE_LIMITS;
  const lanes = new Map<string, Lane>();

  function laneOf(portalId: string, kind: RequestKind): Lane {
    const key = `${portalId}:${kind}`;
    let lane = lanes.get(key);
    if (lane === undefined) {
      lane = { ...limits[kind], stamps: [], pausedUntil: 0, waiters: [], pumping: false };
      lanes.set(key, lane);
    }
    return lane;
  }

  function waitMs(lane: Lane, now: number): number {
    const firstLive = lane.stamps.findIndex((stamp) => stamp > now - lane.windowMs);
    lane.stamps.splice(0, firstLive === -1 ? lane.stamps.length : firstLive);
    const oldest = lane.stamps.length < lane.max ? undefined : lane.stamps[0];
    const windowWait = oldest === undefined ? 0 : oldest + lane.windowMs - now;
    return Math.max(0, lane.pausedUntil - now, windowWait);
  }

  async function pump(lane: Lane, portalId: string): Promise<void> {
    lane.pumping = true;
    for (let head = lane.waiters[0]; head !== undefined; head = lane.waiters[0]) {
      const now = clock.now();
      const wait = waitMs(lane, now);
      if (wait === 0) {
        lane.stamps.push(now);
        lane.waiters.shift();
        head.resolve();
      } else if (now + wait - head.enqueuedAt > limits.maxWaitMs) {
        lane.waiters.shift();
        head.reject(
          new AppError('hubspot.rate-limited', `portal ${portalId} is rate limited for ${Math.ceil(wait / 1000)} s more`, {
            status: 503,
            retryable: true,
            retryAfterMs: wait,
            details: { portalId, source: 'local-limiter' },
          }),
        );
      } else {
        await sleep(wait);
      }
    }
    lane.pumping = false;
  }

  return {
    acquire(portalId, kind = 'standard') {
      const lane = laneOf(portalId, kind);
      const granted = new Promise<void>((resolve, reject) => {
        lane.waiters.push({ enqueuedAt: clock.now(), resolve, reject });
      });
      if (!lane.pumping) void pump(lane, portalId);
      return granted;
    },

    pause(portalId, untilMs, kind) {
      for (const each of kind === undefined ? (['standard', 'search'] as const) : [kind]) {
        const lane = laneOf(portalId, each);
        lane.pausedUntil = Math.max(lane.pausedUntil, untilMs);
      }
    },

    inspect(portalId, kind = 'standard') {
      const lane = laneOf(portalId, kind);
      const now = clock.now();
      waitMs(lane, now);
      return { inWindow: lane.stamps.length, pausedUntil: lane.pausedUntil, waiting: lane.waiters.length };
    },
  };
}
