/**
 * The {@link RateLimiter} every replica shares (issue 14): the same limits as the in-process
 * limiter (90 per rolling 10 s, 4 searches per 1.25 s per portal), counted once for all
 * processes in a {@link RateLedger} on PostgreSQL, so N replicas together stay under HubSpot's
 * 110 per 10 s whatever N is, and a replica that dies or joins changes nothing. A 429's pause is
 * shared too. Within a process, callers of one lane queue FIFO and only the head asks the
 * ledger, so a process has at most one claim in flight per lane.
 */
import type { Clock } from '../clock.ts';
import { AppError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { RateLedger } from '../store/ports.ts';
import { DEFAULT_RATE_LIMITS, type RateLimiter, type RateLimits, type RequestKind } from './rate-limiter.ts';

export interface SharedRateLimiterOptions {
  ledger: RateLedger;
  clock: Clock;
  log: Logger;
  sleep?: (ms: number) => Promise<void>;
  limits?: RateLimits;
  /** Added to each wait so replicas woken by the same freed slot do not all claim at once; [0, 1). */
  random?: () => number;
}

interface Waiter { enqueuedAt: number; resolve: () => void; reject: (error: AppError) => void }

interface Lane { waiters: Waiter[]; pumping: boolean; stamps: number[]; pausedUntil: number }

/** The most a refused claim waits before asking again: a slot freed by a pause's end or a clock step is seen soon. */
const MAX_POLL_MS = 1_000;
/** Spread of the extra wait after a refusal, in ms. */
const JITTER_MS = 25;

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createSharedRateLimiter(options: SharedRateLimiterOptions): RateLimiter {
  const { ledger, clock, log } = options;
  const sleep = options.sleep ?? realSleep;
  const limits = options.limits ?? DEFAULT_RATE_LIMITS;
  const random = options.random ?? Math.random;
  const lanes = new Map<string, Lane>();

  const laneOf = (portalId: string, kind: RequestKind): Lane => {
    const key = `${portalId}:${kind}`;
    let lane = lanes.get(key);
    if (lane === undefined) {
      lane = { waiters: [], pumping: false, stamps: [], pausedUntil: 0 };
      lanes.set(key, lane);
    }
    return lane;
  };

  const rateLimited = (portalId: string, waitMs: number, source: string) =>
    new AppError('hubspot.rate-limited', `portal ${portalId} is rate limited for ${Math.ceil(waitMs / 1000)} s more`, {
      status: 503, retryable: true, retryAfterMs: waitMs, details: { portalId, source },
    });

  async function pump(lane: Lane, portalId: string, kind: RequestKind): Promise<void> {
    lane.pumping = true;
    const { max, windowMs } = limits[kind];
    for (let head = lane.waiters[0]; head !== undefined; head = lane.waiters[0]) {
      let claim: { granted: boolean; waitMs: number };
      try {
        claim = await ledger.claim(portalId, kind, max, windowMs);
      } catch (error) {
        log.warn({ err: error, portalId, kind }, 'the shared rate budget could not be read; the call is retried later');
        lane.waiters.shift();
        head.reject(rateLimited(portalId, 5_000, 'shared-limiter-unavailable'));
        continue;
      }
      const now = clock.now();
      if (claim.granted) {
        lane.stamps = [...lane.stamps.filter((stamp) => stamp > now - windowMs), now];
        lane.waiters.shift();
        head.resolve();
      } else if (now + claim.waitMs - head.enqueuedAt > limits.maxWaitMs) {
        lane.waiters.shift();
        head.reject(rateLimited(portalId, claim.waitMs, 'shared-limiter'));
      } else {
        await sleep(Math.min(MAX_POLL_MS, Math.max(1, claim.waitMs)) + Math.floor(random() * JITTER_MS));
      }
    }
    lane.pumping = false;
  }

  return {
    acquire(portalId, kind = 'standard') {
      const lane = laneOf(portalId, kind);
      const granted = new Promise<void>((resolve, reject) => { lane.waiters.push({ enqueuedAt: clock.now(), resolve, reject }); });
      if (!lane.pumping) void pump(lane, portalId, kind);
      return granted;
    },

    pause(portalId, untilMs, kind) {
      const ms = untilMs - clock.now();
      for (const each of kind === undefined ? (['standard', 'search'] as const) : [kind]) {
        const lane = laneOf(portalId, each);
        lane.pausedUntil = Math.max(lane.pausedUntil, untilMs);
        if (ms > 0) ledger.pause(portalId, each, ms).catch((error: unknown) => log.warn({ err: error, portalId, kind: each }, 'could not share a rate-limit pause'));
      }
    },

    /** This process's view: its own grants in the window, the last pause it heard of, its queue. */
    inspect(portalId, kind = 'standard') {
      const lane = laneOf(portalId, kind);
      const now = clock.now();
      return { inWindow: lane.stamps.filter((stamp) => stamp > now - limits[kind].windowMs).length, pausedUntil: lane.pausedUntil, waiting: lane.waiters.length };
    },
  };
}
