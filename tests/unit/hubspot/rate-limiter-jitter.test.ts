/**
 * The search lane's safety margin: requests granted by the limiter reach HubSpot with jitter, and
 * HubSpot counts its own rolling second (5 searches allowed). Whatever the jitter below 250 ms,
 * no server-side second may hold more than 5 (in fact 4) of our searches.
 */
import { createFixedClock } from '../../../src/clock.ts';
import { createRateLimiter, DEFAULT_RATE_LIMITS } from '../../../src/hubspot/rate-limiter.ts';

const start = Date.parse('2026-03-02T09:00:00Z');

/** Grant times of `count` queued searches, on a fixed clock whose sleep advances it. */
async function searchGrants(count: number): Promise<number[]> {
  const clock = createFixedClock(start);
  const limiter = createRateLimiter({
    clock,
    sleep: (ms) => new Promise((resolve) => setImmediate(() => { clock.advance(ms); resolve(); })),
  });
  return Promise.all(Array.from({ length: count }, () => limiter.acquire('62515', 'search').then(() => clock.now())));
}

/** The most arrivals the server counts in one of its rolling windows `(now - windowMs, now]`. */
function busiestServerWindow(arrivals: readonly number[], windowMs: number): number {
  const sorted = [...arrivals].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; j < sorted.length; j += 1) {
    while ((sorted[j] as number) - (sorted[i] as number) >= windowMs) i += 1;
    best = Math.max(best, j - i + 1);
  }
  return best;
}

/** A small seeded generator, so a failure names the seed that reproduces it. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

test('when 20 searches arrive with random jitter under 250 ms, then no server-side second holds more than 5 (in fact 4)', async () => {
  const grants = await searchGrants(20);
  for (let seed = 1; seed <= 200; seed += 1) {
    const next = random(seed);
    const arrivals = grants.map((grant) => grant + Math.floor(next() * 250));
    const busiest = busiestServerWindow(arrivals, 1_000);
    if (busiest > 4) throw new Error(`seed ${seed}: ${busiest} searches in one server second`);
  }
  // The worst case by construction: one window's four leave 249 ms late, the next window's early.
  const worst = grants.map((grant, index) => grant + (Math.floor(index / 4) % 2 === 0 ? 249 : 0));
  expect(busiestServerWindow(worst, 1_000)).toBeLessThanOrEqual(4);
});

test('when searches are granted, then any five span at least 1.25 s and the sustained rate stays at 3.2 per second', async () => {
  const grants = await searchGrants(20);
  for (let i = 0; i + 4 < grants.length; i += 1) expect((grants[i + 4] as number) - (grants[i] as number)).toBeGreaterThanOrEqual(1_250);
  expect(DEFAULT_RATE_LIMITS.search).toEqual({ max: 4, windowMs: 1_250 });
  expect(Math.max(...grants) - start).toBe(4 * 1_250);
});

test('when the margin is removed (4 per exact second), then the same jitter can put 5 in a server second', async () => {
  // The test above can fail: the old limits, granted exactly 1 s apart, exceed 4 under jitter.
  const old = Array.from({ length: 20 }, (_, index) => start + Math.floor(index / 4) * 1_000);
  // One second's four leave late, the next second's four early: eight in one server second.
  const jittered = old.map((grant, index) => grant + (Math.floor(index / 4) % 2 === 0 ? 249 : 0));
  expect(busiestServerWindow(jittered, 1_000)).toBeGreaterThan(5);
});
