/**
 * `POST /webhooks/hubspot`: cheap checks first, then the signature, then one durable write, then
 * 204. Statuses follow RELIABILITY.md §4 rows 1–28: a request with a valid signature never gets
 * a 4xx (HubSpot would retry it ten times for nothing); a store failure or a missed internal
 * deadline gets 503 so that HubSpot retries later, and dedupe absorbs any late commit.
 */
import express, { type Request, type Response } from 'express';
import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import type { InboxStore } from '../store/ports.ts';
import { createDeliveryAcceptor, type KnownPortals } from './accept-delivery.ts';
import { readCappedBody } from './read-capped-body.ts';
import { verifyV3 } from './signature.ts';
import { noSignatureFailureLimit, type SignatureFailureLimiter } from './signature-failure-limiter.ts';

export const WEBHOOK_PATH = '/webhooks/hubspot';

/** Outcome counters; the HTTP layer backs them with prom-client. */
export interface WebhookCounters {
  request(outcome: string): void;
  events(status: string, count: number): void;
}

export const noCounters: WebhookCounters = { request: () => undefined, events: () => undefined };

export interface WebhookRouteDeps {
  config: Pick<Config, 'publicBaseUrl' | 'hubspot'>;
  store: InboxStore;
  clock: Clock;
  log: Logger;
  counters?: WebhookCounters;
  knownPortals?: KnownPortals;
  /** Past this, answer 503 rather than keep HubSpot waiting (it gives up at 5 s). */
  deadlineMs?: number;
  /** Body cap in bytes (RELIABILITY.md T6). */
  bodyLimitBytes?: number;
  /** Per-IP limit on repeated signature failures (row 8); none by default. */
  signatureFailures?: SignatureFailureLimiter;
}

const JSON_TYPE = /^application\/json\s*(;|$)/i;

function header(req: Request, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
}

class DeadlineExceeded extends Error {}

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new DeadlineExceeded()), ms); });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

export function createWebhookRouter(deps: WebhookRouteDeps): express.Router {
  const counters = deps.counters ?? noCounters;
  const deadlineMs = deps.deadlineMs ?? 2000;
  const bodyLimitBytes = deps.bodyLimitBytes ?? 1024 * 1024;
  const signatureFailures = deps.signatureFailures ?? noSignatureFailureLimit;
  const clientOf = (req: Request) => req.socket.remoteAddress ?? 'unknown';
  const acceptDelivery = createDeliveryAcceptor({ store: deps.store, clock: deps.clock, ...(deps.knownPortals && { knownPortals: deps.knownPortals }) });
  const reject = (res: Response, status: number, outcome: string) => {
    counters.request(outcome);
    res.status(status).json({ error: outcome });
  };
  const router = express.Router();

  router.all(WEBHOOK_PATH, (req, res, next) => {
    if (req.method !== 'POST') {
      res.set('Allow', 'POST');
      return reject(res, 405, 'method-not-allowed');
    }
    if (!JSON_TYPE.test(header(req, 'content-type') ?? '')) return reject(res, 415, 'unsupported-media-type');
    // A blocked address gets 429 before its body is read or any HMAC computed.
    const retryAfter = signatureFailures.blockedFor(clientOf(req), deps.clock.now());
    if (retryAfter !== undefined) {
      res.set('Retry-After', String(retryAfter));
      res.set('Connection', 'close');
      return reject(res, 429, 'too-many-signature-failures');
    }
    next();
  });

  router.post(
    WEBHOOK_PATH,
    readCappedBody({
      limitBytes: bodyLimitBytes,
      onRefused: (refusal, _req, res) => {
        if (refusal.status === 413) deps.log.warn({ limit: bodyLimitBytes }, 'webhook body over the cap');
        reject(res, refusal.status, refusal.outcome);
      },
    }),
    async (req, res) => {
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const signature = header(req, 'x-hubspot-signature-v3');
      const timestamp = header(req, 'x-hubspot-request-timestamp');
      const unauthenticated = (outcome: string) => {
        signatureFailures.recordFailure(clientOf(req), deps.clock.now());
        reject(res, 401, outcome);
      };
      if (!signature || !timestamp) return unauthenticated('missing-signature');
      if (body.length === 0) return unauthenticated('empty-body');
      const verified = verifyV3({
        secrets: deps.config.hubspot.clientSecrets, method: req.method, uri: `${deps.config.publicBaseUrl}${req.originalUrl}`,
        body, signature, timestamp, now: deps.clock.now(),
      });
      if (!verified.ok) {
        deps.log.warn({ reason: verified.reason }, 'webhook signature rejected; check HUBSPOT_CLIENT_SECRET and PUBLIC_BASE_URL');
        return unauthenticated(`signature-${verified.reason}`);
      }
      try {
        const summary = await withDeadline(acceptDelivery(body), deadlineMs);
        counters.request(summary.bodyProblem === undefined ? 'accepted' : 'quarantined');
        counters.events('new', summary.inserted);
        counters.events('duplicate', summary.duplicates);
        counters.events('enqueued', summary.enqueued);
        counters.events('quarantined', summary.quarantined);
        counters.events('ignored', summary.ignored);
        counters.events('orphan', summary.orphans);
        const level = summary.quarantined > 0 ? 'warn' : 'info';
        // req.log (pino-http's child) carries the request id; deps.log where no pino-http is mounted.
        (req.log ?? deps.log)[level]({ deliveryId: summary.deliveryId, inserted: summary.inserted, duplicates: summary.duplicates,
          enqueued: summary.enqueued, quarantined: summary.quarantined, ignored: summary.ignored, orphans: summary.orphans,
          bodyProblem: summary.bodyProblem }, 'webhook delivery stored');
        res.status(204).end();
      } catch (error) {
        const outcome = error instanceof DeadlineExceeded ? 'deadline-exceeded' : 'store-failed';
        deps.log.error({ err: error instanceof DeadlineExceeded ? undefined : error, outcome }, 'webhook delivery not stored; answering 503 so HubSpot retries');
        reject(res, 503, outcome);
      }
    },
  );

  return router;
}
