import { RETRY_SCHEDULE_SECONDS, retryDelaySeconds } from '../../../src/worker/retry-schedule.ts';

test('when no jitter is drawn at the top, then the waits are T7 exactly: 1 s, 5 s, 30 s, 2 min, 10 min, 30 min, 2 h, 6 h (~8.7 h)', () => {
  const top = () => 0.999_999;
  expect(RETRY_SCHEDULE_SECONDS.map((_, attempt) => retryDelaySeconds(attempt, { random: top }))).toEqual([1, 5, 30, 120, 600, 1800, 7200, 21_600]);
  expect(RETRY_SCHEDULE_SECONDS.reduce((sum, step) => sum + step, 0) / 3600).toBeCloseTo(8.7, 1);
});

test('when jitter is drawn, then each wait is uniform between 1 s and its step (full jitter)', () => {
  for (let attempt = 0; attempt < 10; attempt += 1) {
    const step = RETRY_SCHEDULE_SECONDS[Math.min(attempt, RETRY_SCHEDULE_SECONDS.length - 1)] ?? 0;
    for (const r of [0, 0.25, 0.5, 0.75, 0.999]) {
      const wait = retryDelaySeconds(attempt, { random: () => r });
      expect(wait).toBeGreaterThanOrEqual(1);
      expect(wait).toBeLessThanOrEqual(step);
    }
  }
  expect(retryDelaySeconds(3, { random: () => 0.5 })).toBe(60);
});

test("when HubSpot said Retry-After, then the retry is never scheduled earlier than that", () => {
  expect(retryDelaySeconds(0, { random: () => 0.5, retryAfterMs: 10_000 })).toBe(10);
  expect(retryDelaySeconds(0, { random: () => 0.5, retryAfterMs: 10_001 })).toBe(11);
  expect(retryDelaySeconds(6, { random: () => 0.5, retryAfterMs: 10_000 })).toBe(3600);
});
