/**
 * The express app: security headers, correlated request logs, health, the webhook route and one
 * error middleware that never leaks a stack.
 */
import { randomUUID } from 'node:crypto';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import { AppError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { HealthCheck, InboxStore } from '../store/ports.ts';
import { createFeedbackRouter, type FeedbackRouteDeps } from '../feedback/feedback-route.ts';
import { createOAuthRouter, type OAuthRouteDeps } from '../oauth/oauth-routes.ts';
import type { KnownPortals } from '../webhooks/accept-delivery.ts';
import { createWebhookRouter, WEBHOOK_PATH } from '../webhooks/hubspot-webhook-route.ts';
import type { SignatureFailureLimiter } from '../webhooks/signature-failure-limiter.ts';
import { createMetrics, type Metrics } from './metrics.ts';

export interface AppDeps {
  config: Pick<Config, 'publicBaseUrl' | 'hubspot' | 'metricsToken'>;
  log: Logger;
  store: InboxStore & HealthCheck;
  clock: Clock;
  metrics?: Metrics;
  knownPortals?: KnownPortals;
  /** The card feedback links (`GET /feedback/:token`); not mounted when absent. */
  feedback?: FeedbackRouteDeps;
  /** HubSpot OAuth install/login (`GET /oauth/install|login|callback`); not mounted when absent. */
  oauth?: OAuthRouteDeps;
  /** The settings page and API (`/settings`, `/api/v1/*`, from src/settings); not mounted when absent. */
  settings?: express.RequestHandler;
  /** False while draining, so the load balancer stops sending traffic. */
  isAccepting?: () => boolean;
  webhookDeadlineMs?: number;
  webhookBodyLimitBytes?: number;
  /** Per-IP limit on repeated webhook signature failures (RELIABILITY.md row 8). */
  signatureFailures?: SignatureFailureLimiter;
}

const REQUEST_ID = /^[\w.:-]{1,100}$/;

export function createApp(deps: AppDeps): express.Express {
  const metrics = deps.metrics ?? createMetrics();
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.use(helmet());
  app.use(
    pinoHttp({
      logger: deps.log,
      genReqId: (req, res) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      // Query strings may carry OAuth codes; headers are redacted by the logger's paths.
      serializers: { req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, path: req.url.split('?')[0] }) },
      // A webhook ack is logged once, by the route ("webhook delivery stored", through req.log so it
      // carries the request id); the access line for it is debug. Errors and 4xx stay error/warn.
      // (Profile: two redacted info lines per webhook were ≈ 20% of the service's CPU under load.)
      customLogLevel: (req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn'
        : req.method === 'POST' && req.url === WEBHOOK_PATH ? 'debug' : 'info'),
      autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' },
    }),
  );

  app.get('/healthz', (_req, res) => { res.json({ status: 'ok' }); });
  app.get('/readyz', async (_req, res) => {
    const readiness = await deps.store.readiness();
    const accepting = deps.isAccepting?.() ?? true;
    const ok = readiness.ok && accepting;
    res.status(ok ? 200 : 503).json({ status: ok ? 'ready' : 'not-ready', checks: { ...readiness.checks, accepting } });
  });
  app.get('/metrics', async (req, res) => {
    const token = deps.config.metricsToken;
    if (token === undefined || req.headers.authorization !== `Bearer ${token}`) {
      res.status(404).json({ error: 'not-found' });
      return;
    }
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });

  // Every answer on the webhook route (2xx, 401, 503, …) with its latency, for T1 and alerting.
  app.use(WEBHOOK_PATH, (_req, res, next) => {
    const started = performance.now();
    res.once('finish', () => metrics.acks.observe(res.statusCode, (performance.now() - started) / 1000));
    next();
  });
  app.use(createWebhookRouter({
    config: deps.config, store: deps.store, clock: deps.clock, log: deps.log, counters: metrics.webhooks,
    ...(deps.knownPortals && { knownPortals: deps.knownPortals }),
    ...(deps.webhookDeadlineMs !== undefined && { deadlineMs: deps.webhookDeadlineMs }),
    ...(deps.webhookBodyLimitBytes !== undefined && { bodyLimitBytes: deps.webhookBodyLimitBytes }),
    ...(deps.signatureFailures && { signatureFailures: deps.signatureFailures }),
  }));

  if (deps.feedback) app.use(createFeedbackRouter(deps.feedback));
  if (deps.oauth) app.use(createOAuthRouter(deps.oauth));
  if (deps.settings) app.use(deps.settings);

  app.use((_req, res) => { res.status(404).json({ error: 'not-found' }); });
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const status = error instanceof AppError ? error.status
      : typeof (error as { status?: unknown }).status === 'number' ? (error as { status: number }).status : 500;
    const code = error instanceof AppError ? error.code : status >= 500 ? 'internal' : 'bad-request';
    (req.log ?? deps.log).error({ err: error, code }, 'request failed');
    if (res.headersSent) return;
    res.status(status).json({ error: code });
  });
  return app;
}
