import { DEFAULT_RATE_LIMITS } from '../../../src/hubspot/rate-limiter.ts';
import { sharedLimits } from '../../../src/pipeline-wiring.ts';
import { loadConfig } from '../../../src/config.ts';

test('when one process calls HubSpot, then it keeps the whole budget', () => {
  expect(sharedLimits(1)).toEqual(DEFAULT_RATE_LIMITS);
});

test('when N processes share a portal, then each keeps 1/N of the standard and search budgets, never less than one call', () => {
  const three = sharedLimits(3);
  expect(three.standard).toEqual({ max: 30, windowMs: DEFAULT_RATE_LIMITS.standard.windowMs });
  expect(three.search.max).toBe(1);
  expect(sharedLimits(100).standard.max).toBe(1);
  expect(3 * three.standard.max).toBeLessThanOrEqual(DEFAULT_RATE_LIMITS.standard.max);
});

test('when HUBSPOT_RATE_LIMIT_SHARE is set, then the configuration carries it, and it defaults to 1', () => {
  expect(loadConfig({}).hubspotRateLimitShare).toBe(1);
  expect(loadConfig({ HUBSPOT_RATE_LIMIT_SHARE: '4' }).hubspotRateLimitShare).toBe(4);
  expect(() => loadConfig({ HUBSPOT_RATE_LIMIT_SHARE: '0' })).toThrow(/HUBSPOT_RATE_LIMIT_SHARE/);
});
