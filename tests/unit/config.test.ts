/** The configuration contract: defaults for development, every problem at once, production strictness. */
import { ConfigError, loadConfig } from '../../src/config.ts';

test('when nothing is configured, then development defaults apply (PGlite under ./data, port 3000, worker on)', () => {
  const config = loadConfig({});
  expect(config).toMatchObject({ env: 'development', port: 3000, dataDir: './data', databaseUrl: undefined, demo: true, worker: true, jobLeaseSeconds: 60 });
  expect(config.hubspot.clientSecrets).toEqual([]);
  expect(config.publicBaseUrl).toBe('http://localhost:3000');
});

test('when HUBSPOT_CLIENT_SECRET lists several secrets, then all are accepted for rotation', () => {
  expect(loadConfig({ HUBSPOT_CLIENT_SECRET: ' new , old ' }).hubspot.clientSecrets).toEqual(['new', 'old']);
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
