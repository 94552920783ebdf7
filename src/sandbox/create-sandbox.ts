/**
 * A local, in-memory stand-in for the part of HubSpot Unrobot uses (DESIGN decision 9): same
 * paths, status codes, headers and JSON shapes, per-portal auth and rate limits, fault
 * injection, a seeded demo portal, and signed webhooks. One instance holds all its state;
 * tests build as many as they like.
 */
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:http';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { systemClock, type Clock } from '../clock.ts';
import type { Logger } from '../logger.ts';
import { applyFault, takeFault } from './faults.ts';
import { createRateLimiter, peekPortalId, requireBearer, type RateLimitOptions } from './gateway.ts';
import { sendError, sendNotFound } from './hubspot-errors.ts';
import { createAppInstallsRouter } from './routes-appinstalls.ts';
import { createAssociationsRouter } from './routes-associations.ts';
import { createControlRouter } from './routes-control.ts';
import { createCrmRouter } from './routes-crm.ts';
import { createMetaRouter } from './routes-meta.ts';
import { createOAuthRouter } from './routes-oauth.ts';
import { createPagesRouter } from './pages/routes-pages.ts';
import { createTemplatesRouter } from './routes-templates.ts';
import { createTimelineRouter } from './routes-timeline.ts';
import { seedDemoPortal, type SeedGroundTruth } from './seed.ts';
import { seedAppMetadata } from './seed-app.ts';
import { createSandboxState, type AppCredentials, type SandboxState } from './state.ts';
import { createWebhookDispatcher, type WebhookDispatcher, type WebhookOptions } from './webhooks.ts';

export interface SandboxOptions {
  clock?: Clock;
  app?: Partial<AppCredentials>;
  /** The demo portal's id. */
  portalId?: number;
  /** A non-expiring (private-app style) token for the demo portal; generated when absent. */
  accessToken?: string;
  /** Seed the demo portal (default true); false leaves it empty. */
  seed?: boolean;
  webhookTarget?: string;
  webhook?: Pick<WebhookOptions, 'timeoutMs' | 'retryDelaysMs' | 'maxInFlight' | 'batchSize' | 'fetch'>;
  /** Latency added to every API call (not control calls), e.g. 50 for benchmarks. */
  latencyMs?: number;
  /** HubSpot's limits by default; `false` turns them off (benchmarks). */
  rateLimits?: RateLimitOptions | false;
  accessTokenTtlSeconds?: number;
  log?: Logger;
}

export interface RunningSandbox {
  url: string;
  close(): Promise<void>;
}

export interface Sandbox {
  app: Express;
  state: SandboxState;
  webhooks: WebhookDispatcher;
  /** The demo portal's id and static token. */
  portalId: number;
  accessToken: string;
  /** Which seeded tasks are robotic, per portal (undefined for unseeded portals). */
  groundTruth(portalId?: number): SeedGroundTruth | undefined;
  /** Adds a second (third…) portal, optionally seeded, and returns its static token. */
  addPortal(options?: { portalId?: number; accessToken?: string; seed?: boolean }): { portalId: number; accessToken: string };
  /** Drops every change and reseeds, keeping the app credentials and the demo token. */
  reset(): void;
  listen(port?: number, host?: string): Promise<RunningSandbox>;
}

export const DEFAULT_APP: AppCredentials = { appId: 4_242_001, clientId: 'sandbox-client-id', clientSecret: 'sandbox-client-secret', developerApiKey: 'sandbox-developer-key' };

export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const clock = options.clock ?? systemClock;
  const state = createSandboxState({ ...DEFAULT_APP, ...options.app }, clock);
  const truths = new Map<number, SeedGroundTruth>();
  const webhooks = createWebhookDispatcher({
    ...options.webhook, ...(options.webhookTarget === undefined ? {} : { target: options.webhookTarget }),
    clientSecret: state.app.clientSecret, appId: state.app.appId, clock,
  });
  const demoPortalId = options.portalId ?? 24_681_357;
  let demoToken = options.accessToken ?? '';

  const addPortal: Sandbox['addPortal'] = (input = {}) => {
    const portalId = input.portalId ?? Math.max(demoPortalId, ...state.portals.keys()) + 1;
    const { portal, accessToken } = state.addPortal(portalId, input.accessToken);
    if (input.seed) truths.set(portalId, seedDemoPortal(portal, clock.now()));
    return { portalId, accessToken };
  };

  const build = (): void => {
    const created = addPortal({ portalId: demoPortalId, seed: options.seed ?? true, ...(demoToken ? { accessToken: demoToken } : {}) });
    demoToken = created.accessToken;
    state.defaultPortalId = demoPortalId;
    seedAppMetadata(state);
  };
  build();

  const reset = (): void => {
    for (const map of [state.portals, state.tokens, state.refreshTokens, state.authCodes, state.templates, state.appEventTypes, state.appEventTemplates, truths]) map.clear();
    state.faults = [];
    state.requests.clear();
    state.defaultPortalId = 0;
    state.nextTemplateId = 1_001_000;
    build();
  };

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  // The demo's pages come first: a page view is not an API call, so it is neither logged, rate limited nor faulted.
  app.use(createPagesRouter(state, webhooks.onChange));
  app.use(recordRequests(state));
  app.use(express.json({ limit: '1mb' }));
  app.use(createControlRouter(state, { dispatcher: webhooks, reset, addPortal: (portalId, accessToken, seed) => addPortal({ ...(portalId === undefined ? {} : { portalId }), ...(accessToken === undefined ? {} : { accessToken }), seed }), groundTruth: (id) => truths.get(id) ?? null }));
  if (options.latencyMs) {
    const delay = options.latencyMs;
    app.use((_req, _res, next) => { setTimeout(next, delay); });
  }
  app.use((req, res, next) => {
    const rule = takeFault(state.faults, req.method, req.path, peekPortalId(state, req));
    if (!rule) return next();
    applyFault(rule, req, res, next).catch(next);
  });
  app.use(createOAuthRouter(state, { accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 1_800 }));
  app.use(createTemplatesRouter(state));
  app.use(requireBearer(state));
  if (options.rateLimits !== false) app.use(createRateLimiter(options.rateLimits ?? { tenSecondly: 110, searchPerSecond: 5 }, clock));
  app.use(createCrmRouter(state, webhooks.onChange));
  app.use(createAssociationsRouter(state));
  app.use(createTimelineRouter(state));
  app.use(createMetaRouter());
  app.use(createAppInstallsRouter(state));
  app.use((req: Request, res: Response) => sendNotFound(res, `No route for ${req.method} ${req.path}`));
  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const status = (error as { status?: number }).status;
    if (status === 400 || (error as { type?: string }).type === 'entity.parse.failed') return sendError(res, 400, 'VALIDATION_ERROR', 'Invalid input JSON: the body is not valid JSON.');
    if (status === 413) return sendError(res, 413, 'VALIDATION_ERROR', 'Request body too large.');
    options.log?.error({ err: error }, 'sandbox route failed');
    sendError(res, 500, 'INTERNAL_ERROR', 'internal error');
  });

  return {
    app, state, webhooks, portalId: demoPortalId,
    get accessToken() { return demoToken; },
    groundTruth: (portalId) => truths.get(portalId ?? demoPortalId),
    addPortal, reset,
    listen: (port = 0, host = '127.0.0.1') => new Promise((resolve, reject) => {
      const server = createServer(app);
      server.once('error', reject);
      server.listen(port, host, () => {
        const address = server.address() as AddressInfo;
        resolve({
          url: `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`,
          close: () => new Promise<void>((done) => {
            webhooks.close();
            server.close(() => done());
            server.closeAllConnections();
          }),
        });
      });
    }),
  };
}

/** Counts every request once it is answered, under the route pattern that served it. */
function recordRequests(state: SandboxState) {
  return (req: Request, res: Response, next: NextFunction): void => {
    res.on('finish', () => {
      if (req.path.startsWith('/__sandbox/')) return;
      const auth = res.locals.auth as { portal: { portalId: number } } | undefined;
      const route = (req.route as { path?: string | string[] } | undefined)?.path;
      state.requests.record({
        at: state.clock.now(), method: req.method, path: req.path, endpoint: `${req.method} ${(Array.isArray(route) ? route[0] : route) ?? 'unmatched'}`,
        portalId: auth?.portal.portalId ?? null, status: res.statusCode,
      });
    });
    next();
  };
}
