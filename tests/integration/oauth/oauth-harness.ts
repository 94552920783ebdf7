/**
 * The OAuth routes, store and token provider wired against the real sandbox over loopback HTTP,
 * on a fresh PGlite database, with a fixed clock shared by both sides and captured logs.
 */
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import express from 'express';
import request from 'supertest';
import { createFixedClock } from '../../../src/clock.ts';
import { createOAuthClient } from '../../../src/hubspot/oauth-tokens.ts';
import { createTokenCipher } from '../../../src/hubspot/token-cipher.ts';
import { createLogger } from '../../../src/logger.ts';
import { createOAuthRouter, type OAuthRouteDeps, type OnLogin } from '../../../src/oauth/oauth-routes.ts';
import { createOAuthTokenProvider } from '../../../src/oauth/oauth-token-provider.ts';
import { createSandbox, DEFAULT_APP, type Sandbox } from '../../../src/sandbox/create-sandbox.ts';
import { applyMigrations } from '../../../src/store/migrations.ts';
import { createSqlOAuthStateStore } from '../../../src/store/oauth-state-store.ts';
import { openPgliteMemory } from '../../helpers/pglite-template.ts';
import { createSqlInstallStore } from '../../../src/store/sql-install-store.ts';

export const PUBLIC_BASE_URL = 'http://localhost:3000';
export const START = Date.parse('2026-03-02T09:00:00Z');

export async function startOAuthHarness(options: { onLogin?: OnLogin; onInstalled?: (portalId: string) => Promise<unknown> } = {}) {
  const clock = createFixedClock(START);
  const lines: string[] = [];
  const log = createLogger({ level: 'debug', destination: new Writable({ write(chunk, _enc, done) { lines.push(String(chunk)); done(); } }) });
  const sandbox: Sandbox = createSandbox({ clock, rateLimits: false });
  const running = await sandbox.listen();
  const db = await openPgliteMemory();
  await applyMigrations(db);
  const installs = createSqlInstallStore(db);
  const states = createSqlOAuthStateStore(db);
  const cipher = createTokenCipher([{ id: 'k1', key: randomBytes(32) }]);
  const oauthClient = createOAuthClient({ apiBaseUrl: running.url, clientId: DEFAULT_APP.clientId, clientSecret: DEFAULT_APP.clientSecret });
  const tokens = createOAuthTokenProvider({ installs, cipher, oauthClient, clock, log });
  const routeDeps: OAuthRouteDeps = {
    config: { publicBaseUrl: PUBLIC_BASE_URL, hubspot: { clientId: DEFAULT_APP.clientId, oauthBaseUrl: running.url } },
    states, installs, cipher, oauthClient, tokens, clock, log, ...(options.onLogin && { onLogin: options.onLogin }), ...(options.onInstalled && { onInstalled: options.onInstalled }),
  };
  const app = express();
  app.use(createOAuthRouter(routeDeps));

  /** POSTs to a token endpoint the sandbox answered since the last `clearRequests()`. */
  const tokenRequests = (): number => sandbox.state.requests.entries().filter((entry) => entry.method === 'POST' && /\/oauth\/.*token$/.test(entry.path)).length;

  /** The whole install flow, redirects followed by hand, for a sandbox portal (default: the demo portal). */
  const install = async (portalId?: number): Promise<string> => {
    const started = await request(app).get('/oauth/install');
    const cookie = String(started.headers['set-cookie']?.[0] ?? '').split(';')[0] ?? '';
    const authorizeUrl = new URL(String(started.headers.location));
    if (portalId !== undefined) authorizeUrl.searchParams.set('portalId', String(portalId));
    const consent = await fetch(authorizeUrl, { redirect: 'manual' });
    const callback = new URL(consent.headers.get('location') ?? '');
    const done = await request(app).get(`${callback.pathname}${callback.search}`).set('cookie', cookie);
    if (done.status !== 200) throw new Error(`install failed: ${done.status}`);
    return String(portalId ?? sandbox.portalId);
  };

  return {
    install, routeDeps, clock, sandbox, sandboxUrl: running.url, db, installs, states, cipher, oauthClient, tokens, app, log,
    logText: () => lines.join(''),
    tokenRequests,
    clearRequests: () => sandbox.state.requests.clear(),
    close: async () => { await running.close(); await db.close(); },
  };
}

export type OAuthHarness = Awaited<ReturnType<typeof startOAuthHarness>>;
