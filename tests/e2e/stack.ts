/**
 * The whole product in one test process: the sandbox (HubSpot stand-in, real SDK calls over
 * loopback) and the service wired as main.ts wires it: PGlite store, pg-boss queue, webhook
 * route, batching worker, the real CRM reader and card publisher.
 */
import { randomBytes } from 'node:crypto';
import { systemClock } from '../../src/clock.ts';
import { loadConfig } from '../../src/config.ts';
import { createApp } from '../../src/http/create-app.ts';
import { startHttpServer } from '../../src/http/http-server.ts';
import { createStaticTokenProvider, type TokenProvider } from '../../src/hubspot/token-provider.ts';
import { wirePipeline } from '../../src/pipeline-wiring.ts';
import { createSandbox, type Sandbox, type SandboxOptions } from '../../src/sandbox/create-sandbox.ts';
import { createSettingsStore } from '../../src/settings/settings-store.ts';
import type { PortalSettings } from '../../src/settings/portal-settings.ts';
import { createBossQueue, type BossQueue } from '../../src/store/boss-queue.ts';
import type { CardLedger } from '../../src/store/card-store.ts';
import { applyMigrations } from '../../src/store/migrations.ts';
import { openPgliteMemory } from '../helpers/pglite-template.ts';
import type { SqlDatabase } from '../../src/store/sql-database.ts';
import { createSqlStore } from '../../src/store/sql-store.ts';
import type { CatchUpPoller } from '../../src/worker/catch-up-poller.ts';
import { createWorker } from '../../src/worker/create-worker.ts';
import { DEMO_SETTINGS } from '../../src/demo.ts';
import { signedHeaders } from '../helpers/hubspot-webhook.ts';
import { FAST_QUEUE } from '../helpers/stores.ts';
import { createTestLogger, registerSecret } from '../helpers/test-logger.ts';

export interface Stack {
  sandbox: Sandbox;
  sandboxUrl: string;
  serviceUrl: string;
  db: SqlDatabase;
  queue: BossQueue;
  ledger: CardLedger;
  poller: CatchUpPoller;
  portalId: string;
  /** The portal's access token, for calls to the sandbox's HubSpot API as the app. */
  accessToken: string;
  /** Posts `events` to the service's webhook route, signed as HubSpot would (duplicates, reordering). */
  deliver(events: Record<string, unknown>[]): Promise<number>;
  /** GET on the sandbox's control API. */
  control<T>(path: string, init?: RequestInit): Promise<T>;
  close(): Promise<void>;
}

export interface StackOptions {
  sandbox?: SandboxOptions;
  settings?: PortalSettings;
  /** Replace the token provider (e.g. to count refreshes). */
  tokens?: (portalId: string, accessToken: string) => TokenProvider;
  batchSize?: number;
  /** Runs per job before the DLQ (8 unless given; the service uses DEFAULT_QUEUE_SETTINGS.attempts). */
  attempts?: number;
  /** Where the service sends its HubSpot calls, given the sandbox's URL (e.g. a proxy in front of it); the sandbox itself unless given. */
  hubspotApiUrl?: (sandboxUrl: string) => Promise<string>;
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const log = createTestLogger('info');
  const clientSecret = randomBytes(24).toString('base64url');
  const accessToken = `e2e-${randomBytes(16).toString('hex')}`;
  const sessionSecret = randomBytes(32).toString('base64url');
  [clientSecret, accessToken, sessionSecret].forEach(registerSecret);
  const sandbox = createSandbox({ app: { clientSecret }, accessToken, ...options.sandbox });
  const running = await sandbox.listen(0, '127.0.0.1');
  const portalId = String(sandbox.portalId);
  const hubspotApiUrl = (await options.hubspotApiUrl?.(running.url)) ?? running.url;

  let app: ReturnType<typeof createApp> | undefined;
  const server = await startHttpServer((req, res) => { app?.(req, res); }, { port: 0, host: '127.0.0.1' });
  const config = loadConfig({
    NODE_ENV: 'test', PUBLIC_BASE_URL: server.url, HUBSPOT_CLIENT_SECRET: clientSecret, HUBSPOT_ACCESS_TOKEN: accessToken,
    HUBSPOT_PORTAL_ID: portalId, HUBSPOT_API_BASE_URL: hubspotApiUrl, SESSION_SECRET: sessionSecret,
  });
  const db = await openPgliteMemory({ migrated: true });
  await applyMigrations(db);
  // A lease longer than a batch takes here, so a slow batch is not handed out twice.
  const queue = createBossQueue(db, { ...FAST_QUEUE, attempts: options.attempts ?? 8, leaseSeconds: 30 });
  await queue.start();
  const store = createSqlStore(db, queue);
  const settings = createSettingsStore(db);
  await settings.save(portalId, 0, options.settings ?? DEMO_SETTINGS, { action: 'settings.update', target: 'e2e', actor: { via: 'system' }, changes: [] }, Date.now());
  const tokens = options.tokens?.(portalId, accessToken) ?? createStaticTokenProvider(portalId, accessToken);
  const pipeline = wirePipeline({ config, db, queue, inbox: store, tokens, settings, clock: systemClock, log });
  app = createApp({ config, log, store, clock: systemClock, feedback: { cards: pipeline.ledger, settings, secrets: [sessionSecret], clock: systemClock, log } });
  const worker = createWorker({ queue, log, clock: systemClock, handler: pipeline.handler, random: () => 0,
    consume: { batchSize: options.batchSize ?? 20, pollingIntervalSeconds: 0.5 } });
  await worker.start();
  sandbox.webhooks.setTarget(`${server.url}/webhooks/hubspot`);

  return {
    sandbox, sandboxUrl: running.url, serviceUrl: server.url, db, queue, ledger: pipeline.ledger, poller: pipeline.poller, portalId, accessToken,
    async deliver(events) {
      const body = JSON.stringify(events);
      const response = await fetch(`${server.url}/webhooks/hubspot`, { method: 'POST', body, headers: signedHeaders(body, { secret: clientSecret, baseUrl: server.url, timestamp: Date.now() }) });
      return response.status;
    },
    async control<T>(path: string, init?: RequestInit): Promise<T> {
      const response = await fetch(`${running.url}${path}`, { ...init, headers: { 'content-type': 'application/json', ...init?.headers } });
      return (response.status === 204 ? undefined : await response.json()) as T;
    },
    async close() {
      sandbox.webhooks.setTarget(undefined);
      await pipeline.poller.stop();
      await worker.stop(2_000);
      await queue.stop(2_000);
      await server.close(1_000);
      await running.close();
      await db.close();
    },
  };
}

export interface SandboxNote {
  id: string;
  body: string;
  associations: { toObjectType: string; toObjectId: string; associationTypeId: number }[];
}
