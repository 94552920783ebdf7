import { createFixedClock } from '../../../src/clock.ts';
import { AppError } from '../../../src/errors.ts';
import { createRateLimiter, DEFAULT_RATE_LIMITS, type RequestKind } from '../../../src/hubspot/rate-limiter.ts';
import { maxInWindow } from '../../../scripts/max-in-window.ts';

const start = Date.parse('2024-06-12T08:00:00Z');

/**
 * A limiter on a fixed clock whose sleep moves the clock: hours of limiter time run in
 * milliseconds. The clock moves in a later macrotask, after every callback of the grants made
 * so far has run, as it would with real time.
 */
function setup() {
  const clock = createFixedClock(start);
  const slept: number[] = [];
  const limiter = createRateLimiter({
    clock,
    sleep: (ms) =>
      new Promise((resolve) => {
        slept.push(ms);
        setImmediate(() => {
          clock.advance(ms);
          resolve();
        });
      }),
  });
  async function grantTimes(portalId: string, count: number, kind: RequestKind = 'standard'): Promise<number[]> {
    return Promise.all(Array.from({ length: count }, () => limiter.acquire(portalId, kind).then(() => clock.now())));
  }
  return { clock, limiter, slept, grantTimes };
}

describe('createRateLimiter', () => {
  test('when 250 requests are queued for one portal, then no rolling 10 s window holds more than 90', async () => {
    const { grantTimes } = setup();
    const times = await grantTimes('62515', 250);
    expect(maxInWindow(times, 10_000)).toBe(90);
    expect(times.slice(0, 90).every((time) => time === start)).toBe(true);
    expect(times[90]).toBe(start + 10_000);
    expect(Math.max(...times) - start).toBe(20_000);
  });

  test('when requests are granted, then they are granted in arrival order', async () => {
    const { limiter } = setup();
    const order: number[] = [];
    await Promise.all(Array.from({ length: 100 }, (_, index) => limiter.acquire('1').then(() => order.push(index))));
    expect(order).toEqual(Array.from({ length: 100 }, (_, index) => index));
  });

  test('when search requests are queued, then at most 4 go out per second and they do not use the standard budget', async () => {
    const { grantTimes, limiter } = setup();
    const searches = await grantTimes('62515', 20, 'search');
    expect(maxInWindow(searches, 1_000)).toBe(4);
    expect(limiter.inspect('62515').inWindow).toBe(0);
  });

  test('when one portal is saturated, then another portal is not slowed', async () => {
    const { grantTimes, limiter, clock } = setup();
    await grantTimes('A', 90);
    const before = clock.now();
    await limiter.acquire('B');
    expect(clock.now()).toBe(before);
  });

  test('when a 429 pauses a portal, then its next request waits until the pause ends and other portals go on', async () => {
    const { limiter, clock } = setup();
    limiter.pause('A', start + 10_000);
    await limiter.acquire('B');
    expect(clock.now()).toBe(start);
    await limiter.acquire('A');
    expect(clock.now()).toBe(start + 10_000);
  });

  test('when a search 429 pauses searches, then standard requests of the portal still go', async () => {
    const { limiter, clock } = setup();
    limiter.pause('A', start + 1_000, 'search');
    await limiter.acquire('A', 'standard');
    expect(clock.now()).toBe(start);
    await limiter.acquire('A', 'search');
    expect(clock.now()).toBe(start + 1_000);
  });

  test('when a shorter pause follows a longer one, then the longer one holds', () => {
    const { limiter } = setup();
    limiter.pause('A', start + 20_000);
    limiter.pause('A', start + 5_000);
    expect(limiter.inspect('A').pausedUntil).toBe(start + 20_000);
    expect(limiter.inspect('A', 'search').pausedUntil).toBe(start + 20_000);
  });

  test('when the pause is longer than the longest wait, then acquiring fails fast with a retryable error', async () => {
    const { limiter, clock, slept } = setup();
    limiter.pause('A', start + 60 * 60 * 1000);
    const error = await limiter.acquire('A').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'hubspot.rate-limited', retryable: true, retryAfterMs: 60 * 60 * 1000 });
    expect(clock.now()).toBe(start);
    expect(slept).toEqual([]);
  });

  test('when the queue is deeper than the longest wait allows, then the tail is rejected and the head served', async () => {
    const { limiter } = setup();
    const outcomes = await Promise.all(
      Array.from({ length: 400 }, () => limiter.acquire('A').then(() => 'granted', (error: AppError) => error.code)),
    );
    // 90 now, 90 at +10 s, 90 at +20 s, 90 at +30 s; the rest would wait 40 s > 30 s.
    expect(outcomes.filter((outcome) => outcome === 'granted')).toHaveLength(360);
    expect(outcomes.slice(360).every((outcome) => outcome === 'hubspot.rate-limited')).toBe(true);
    expect(limiter.inspect('A').waiting).toBe(0);
  });

  test('when time passes without requests, then the window empties', async () => {
    const { grantTimes, limiter, clock } = setup();
    await grantTimes('A', 30);
    expect(limiter.inspect('A').inWindow).toBe(30);
    clock.advance(10_000);
    expect(limiter.inspect('A').inWindow).toBe(0);
  });

  test('when no sleep is injected, then real timers are used', async () => {
    const limiter = createRateLimiter({
      clock: { now: () => Date.now() },
      limits: { ...DEFAULT_RATE_LIMITS, standard: { max: 1, windowMs: 30 } },
    });
    const began = Date.now();
    await limiter.acquire('A');
    await limiter.acquire('A');
    expect(Date.now() - began).toBeGreaterThanOrEqual(25);
  });
});
