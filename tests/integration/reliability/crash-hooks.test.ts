/**
 * The crash-test hook (TEST_CRASH_AT, `npm run crash-loop`) is refused in production, parsed as
 * `<point>[:skip]` elsewhere, and absent (no wrapping at all) when not configured.
 */
import { ConfigError, loadConfig } from '../../../src/config.ts';
import { createCrashHooks } from '../../../src/crash-points.ts';
import { createTestLogger } from '../../helpers/test-logger.ts';

const base = { PUBLIC_BASE_URL: 'https://unrobot.example.com', HUBSPOT_CLIENT_SECRET: 'crash-hook-secret', HUBSPOT_ACCESS_TOKEN: 'pat-x', HUBSPOT_PORTAL_ID: '1' };

test('when TEST_CRASH_AT is set in production, then the configuration is refused naming it', () => {
  expect(() => loadConfig({ ...base, NODE_ENV: 'production', TEST_CRASH_AT: 'after-claim' })).toThrow(ConfigError);
  expect(() => loadConfig({ ...base, NODE_ENV: 'production', TEST_CRASH_AT: 'after-claim' })).toThrow(/TEST_CRASH_AT/);
});

test('when TEST_CRASH_AT is set in test, then it is parsed as point and skip; an unknown point is refused', () => {
  expect(loadConfig({ ...base, NODE_ENV: 'test', TEST_CRASH_AT: 'mid-batch:1' }).testCrashAt).toEqual({ point: 'mid-batch', skip: 1 });
  expect(loadConfig({ ...base, NODE_ENV: 'test', TEST_CRASH_AT: 'before-commit' }).testCrashAt).toEqual({ point: 'before-commit', skip: 0 });
  expect(loadConfig({ ...base, NODE_ENV: 'test' }).testCrashAt).toBeUndefined();
  expect(() => loadConfig({ ...base, NODE_ENV: 'test', TEST_CRASH_AT: 'somewhere' })).toThrow(ConfigError);
});

test('when no crash point is configured, then there are no hooks to wrap with', () => {
  expect(createCrashHooks(undefined, createTestLogger())).toBeUndefined();
});
