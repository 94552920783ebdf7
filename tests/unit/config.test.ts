/** The configuration contract: defaults for development, every problem at once, production strictness. */
import { ConfigError, loadConfig } from '../../src/config.ts';

test('when nothing is configured, then development defaults apply (PGlite under ./data, port 3000, worker on)', () => {
  const config = loadConfig({});
  expect(config).toMatchObject({ env: 'development', port: 3000, dataDir: './data', databaseUrl: undefined, demo: true, worker: true, jobLeaseSeconds: 60 });
  expect(config.hubspot.clientSecrets).toEqual([]);
  expect(config.publicBaseUrl).toBe('http://localhost:3000');
});

test('when HUBSPOT_CLIENT_SECRET lists several secrets, then all are accepted for rotation', () => {
  expect(loadConfig({ HUBSPOT_CLIENT_SECRET: ' new , old ', HUBSPOT_ACCESS_TOKEN: 'pat-1', HUBSPOT_PORTAL_ID: '1' }).hubspot.clientSecrets).toEqual(['new', 'old']);
});

test('when several variables are wrong, then every problem is reported at once', () => {
  let error: unknown;
  try {
    loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(ConfigError);
  expect((error as ConfigError).problems.map((problem) => problem.split(' ')[0])).toEqual(['PORT', 'DATABASE_URL', 'LOG_LEVEL']);
});

test('when NODE_ENV=production lacks HubSpot credentials, then it refuses to start', () => {
  expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/HUBSPOT_CLIENT_SECRET is required in production/);
});

describe('a configuration that cannot deliver a card is refused in every mode (issue 14)', () => {
  const KEY = `k1:${Buffer.alloc(32, 7).toString('base64')}`;
  const problemsOf = (env: Record<string, string>): string[] => {
    try {
      loadConfig(env);
      return [];
    } catch (error) {
      return (error as ConfigError).problems;
    }
  };

  test.each([
    ['a static token without its portal', { HUBSPOT_CLIENT_SECRET: 's', HUBSPOT_ACCESS_TOKEN: 'pat-1' }, 'HUBSPOT_PORTAL_ID'],
    ['only the client secret', { HUBSPOT_CLIENT_SECRET: 's' }, 'HUBSPOT_ACCESS_TOKEN'],
    ['OAuth without an encryption key', { HUBSPOT_CLIENT_SECRET: 's', HUBSPOT_CLIENT_ID: 'c' }, 'TOKEN_ENCRYPTION_KEY'],
    ['OAuth without the client secret', { HUBSPOT_CLIENT_ID: 'c', TOKEN_ENCRYPTION_KEY: KEY }, 'HUBSPOT_CLIENT_SECRET'],
    ['a token but no webhook secret and no catch-up poller', { NODE_ENV: 'test', HUBSPOT_ACCESS_TOKEN: 'pat-1', HUBSPOT_PORTAL_ID: '1' }, 'HUBSPOT_CLIENT_SECRET'],
  ])('when given %s, then the one problem names %s', (_what, env, missing) => {
    for (const mode of ['development', 'test']) {
      const problems = problemsOf({ NODE_ENV: mode, ...env });
      expect({ mode, names: problems.map((problem) => problem.split(' ')[0]) }).toEqual({ mode, names: [missing] });
    }
  });

  test('when one problem is found, then the error is one line naming it', () => {
    expect(() => loadConfig({ HUBSPOT_CLIENT_SECRET: 's', HUBSPOT_ACCESS_TOKEN: 'pat-1' })).toThrow(/^invalid configuration: HUBSPOT_PORTAL_ID is required: [^\n]+$/);
  });

  test('when a static token and its portal, or OAuth with its key, or nothing at all (demo) are given, then the configuration loads', () => {
    expect(problemsOf({ HUBSPOT_CLIENT_SECRET: 's', HUBSPOT_ACCESS_TOKEN: 'pat-1', HUBSPOT_PORTAL_ID: '1' })).toEqual([]);
    expect(problemsOf({ HUBSPOT_CLIENT_SECRET: 's', HUBSPOT_CLIENT_ID: 'c', TOKEN_ENCRYPTION_KEY: KEY })).toEqual([]);
    expect(problemsOf({ HUBSPOT_ACCESS_TOKEN: 'pat-1', HUBSPOT_PORTAL_ID: '1' })).toEqual([]);
    expect(problemsOf({})).toEqual([]);
  });
});
