/**
 * One HubSpot SDK client per portal, every call run through the per-portal rate limiter, a
 * timeout and the error mapping. SDK retries and the SDK limiter stay off: retries belong to
 * the durable queue (RELIABILITY.md T7), limits to {@link RateLimiter}.
 *
 * SDK 14 keeps its decorators (limiter, retry) in a process-wide singleton that each
 * `new Client()` overwrites, and patches API classes lazily on first access (REFERENCE.md
 * §5.3). So every client here is built with identical decorator options (none) and its APIs
 * are touched at once, so no other `Client` built in between can leak its decorators in.
 */
import { Client } from '@hubspot/api-client';
import type { Clock } from '../clock.ts';
import { systemClock } from '../clock.ts';
import type { Logger } from '../logger.ts';
import { HubSpotBadResponseError, mapHubSpotError } from './hubspot-errors.ts';
import type { RateLimiter, RequestKind } from './rate-limiter.ts';

/** The SDK client type, for adapters inside `src/hubspot/` only. */
export type HubSpotSdk = Client;

export interface HubSpotClientsOptions {
  /** `config.hubspot.apiBaseUrl`: HubSpot, or the local sandbox. */
  apiBaseUrl: string;
  limiter: RateLimiter;
  log: Logger;
  clock?: Clock;
  /** Per-call deadline; HubSpot work that takes longer is treated as a retryable timeout. */
  timeoutMs?: number;
  /** Told of every call's end, for metrics: `status` is `2xx`, HubSpot's HTTP status, or an error code (timeouts, network). */
  onCall?: (operation: string, status: string) => void;
}

export interface CallOptions {
  /** `search` calls are limited separately (4 per second per portal). */
  kind?: RequestKind;
}

/** A portal-scoped client: the only way code in `src/hubspot/` talks to HubSpot. */
export interface PortalClient {
  readonly portalId: string;
  /**
   * Runs one SDK call for this portal: waits for a rate-limit slot, applies the timeout, maps
   * any failure to an `AppError` (and pauses the portal on a 429). `operation` names the call
   * in logs and error reasons, e.g. `tasks.getById`.
   */
  call<T>(operation: string, run: (sdk: HubSpotSdk) => Promise<T>, options?: CallOptions): Promise<T>;
}

export interface HubSpotClients {
  /** The client for a portal and its current access token; reused while the token is the same. */
  forPortal(portalId: string, accessToken: string): PortalClient;
}

export const DEFAULT_CALL_TIMEOUT_MS = 10_000;

/** Builds the factory; one per process, shared by the worker, poller and settings routes. */
export function createHubSpotClients(options: HubSpotClientsOptions): HubSpotClients {
  const cache = new Map<string, { accessToken: string; client: PortalClient }>();
  return {
    forPortal(portalId, accessToken) {
      const cached = cache.get(portalId);
      if (cached !== undefined && cached.accessToken === accessToken) return cached.client;
      const client = createPortalClient(portalId, accessToken, options);
      cache.set(portalId, { accessToken, client });
      return client;
    },
  };
}

function createPortalClient(portalId: string, accessToken: string, options: HubSpotClientsOptions): PortalClient {
  const { limiter } = options;
  const clock = options.clock ?? systemClock;
  const timeoutMs = options.timeoutMs ?? DEFAULT_CALL_TIMEOUT_MS;
  const log = options.log.child({ portalId, component: 'hubspot' });
  const sdk = buildSdk(options.apiBaseUrl, accessToken, log);

  return {
    portalId,
    async call(operation, run, callOptions = {}) {
      const kind = callOptions.kind ?? 'standard';
      await limiter.acquire(portalId, kind);
      const started = clock.now();
      try {
        const result = await withTimeout(() => run(sdk), timeoutMs);
        log.debug({ operation, durationMs: clock.now() - started }, 'hubspot call succeeded');
        options.onCall?.(operation, '2xx');
        return result;
      } catch (error) {
        const mapped = mapHubSpotError(error, { operation, now: clock.now(), secrets: [accessToken] });
        const hubspotStatus = mapped.details?.hubspotStatus;
        options.onCall?.(operation, typeof hubspotStatus === 'number' ? String(hubspotStatus) : mapped.code);
        if (mapped.code === 'hubspot.rate-limited' && mapped.retryAfterMs !== undefined) {
          limiter.pause(portalId, clock.now() + mapped.retryAfterMs, kind === 'search' ? 'search' : undefined);
        }
        // `code` is a redacted log key (OAuth codes), hence `errorCode`.
        const level = mapped.retryable ? 'warn' : 'info';
        log[level]({ operation, errorCode: mapped.code, retryable: mapped.retryable, details: mapped.details, durationMs: clock.now() - started }, 'hubspot call failed');
        throw mapped;
      }
    },
  };
}

/** What the SDK's middleware receives (typed `unknown` in its public config). */
interface SdkRequestContext {
  getUrl(): string;
  getHttpMethod(): string;
}
interface SdkResponseContext {
  httpStatusCode: number;
  /** Lower-cased names, as the SDK's fetch transport collects them. */
  headers: Record<string, string | undefined>;
}

function buildSdk(basePath: string, accessToken: string, log: Logger): Client {
  const sdk = new Client({
    accessToken,
    basePath,
    // Identical for every client: no SDK retries (0 means "off"; N means N attempts in total)
    // and no limiterOptions, so the process-wide decorator list stays empty.
    numberOfApiCallRetries: 0,
    middleware: [
      {
        pre: (context) => {
          const request = context as SdkRequestContext;
          // The path only: a query string may carry a developer `hapikey`.
          log.debug({ method: request.getHttpMethod(), path: new URL(request.getUrl()).pathname }, 'hubspot request');
          return context;
        },
        post: (context) => {
          const response = context as SdkResponseContext;
          log.debug({ status: response.httpStatusCode }, 'hubspot response');
          rejectNonJsonSuccess(response.httpStatusCode, response.headers['content-type']);
          return context;
        },
      },
    ],
  });
  touchApis(sdk);
  return sdk;
}

/** The SDK silently turns a 2xx HTML or text body into an empty object; treat it as retryable. */
function rejectNonJsonSuccess(status: number, contentType: string | undefined): void {
  if (status < 200 || status > 299 || status === 204 || contentType === undefined) return;
  if (!/^application\/([\w.+-]*\+)?json\b/i.test(contentType.trim())) {
    throw new HubSpotBadResponseError(`HubSpot answered ${status} with ${contentType}, not JSON`);
  }
}

/** Builds (and so decorates) every API this app uses, right after construction. */
function touchApis(sdk: Client): void {
  const { crm } = sdk;
  void [
    crm.objects.tasks, crm.objects.notes, crm.objects.emails, crm.objects.calls, crm.objects.meetings,
    crm.contacts, crm.companies, crm.deals, crm.tickets,
    crm.associations.v4, crm.pipelines, crm.owners, crm.timeline, crm.properties,
  ];
}

/**
 * Rejects with a `TimeoutError` after `timeoutMs`. SDK 14 gives fetch no `AbortSignal`, so the
 * request itself is not cancelled: its late answer is dropped (undici's own timeouts end it).
 * A write that times out may still have happened; the caller's idempotency step key covers it.
 */
async function withTimeout<T>(run: () => Promise<T>, timeoutMs: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new DOMException(`no answer within ${timeoutMs} ms`, 'TimeoutError')), timeoutMs);
  });
  try {
    return await Promise.race([run(), deadline]);
  } finally {
    clearTimeout(timer);
  }
}
