/**
 * Maps whatever a HubSpot call throws (the SDK's `ApiException`, native `fetch` network errors,
 * timeouts, unparseable bodies) into one {@link AppError} with a stable code and a retry
 * decision, once, here (STYLE.md habit 5). Limits and 429 shapes: REFERENCE.md §5.
 */
import { AppError } from '../errors.ts';

/** Codes this module produces; the worker and admin analytics key on them. */
export type HubSpotErrorCode =
  | 'hubspot.rate-limited'
  | 'hubspot.unavailable'
  | 'hubspot.timeout'
  | 'hubspot.network'
  | 'hubspot.bad-response'
  | 'hubspot.unauthorized'
  | 'hubspot.missing-scope'
  | 'hubspot.not-found'
  | 'hubspot.bad-request'
  | 'hubspot.conflict'
  | 'hubspot.rejected'
  | 'hubspot.unexpected';

/** Wait after a `TEN_SECONDLY_ROLLING` 429: the window is 10 s, and so is the SDK's own wait. */
export const TEN_SECONDLY_RETRY_MS = 10_000;
/** Wait after the search API's "secondly" 429. */
export const SECONDLY_RETRY_MS = 1_000;
/**
 * Wait after a `DAILY` 429. The limit resets at midnight in the account's zone, which this
 * module does not know; an hour keeps retries rare while the T7 backoff takes over.
 */
export const DAILY_RETRY_MS = 60 * 60 * 1000;
/** Wait after a 429 without a known policy. */
export const DEFAULT_RATE_LIMIT_RETRY_MS = 10_000;

const SEARCH_SECONDLY_MESSAGE = 'You have reached your secondly limit.';
const NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ECONNABORTED', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
const MAX_REASON_CHARS = 500;

export interface MapHubSpotErrorOptions {
  /** What was being done, for logs and reasons (`tasks.getById`). */
  operation?: string;
  /** The current time, to read an HTTP-date `Retry-After`. */
  now?: number;
  /** Strings that must never appear in a reason (the access token of the call). */
  secrets?: readonly string[];
}

/** The parts of the SDK's `ApiException` we read; each codegen module has its own class, so it is duck-typed. */
interface ApiExceptionLike {
  code: number;
  body: unknown;
  headers: unknown;
}

/** Raised by the client wrapper when a 2xx body is not JSON; mapped as `hubspot.bad-response`. */
export class HubSpotBadResponseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HubSpotBadResponseError';
  }
}

/** Turns anything a HubSpot call threw into an {@link AppError}; an AppError passes through. */
export function mapHubSpotError(error: unknown, options: MapHubSpotErrorOptions = {}): AppError {
  if (error instanceof AppError) return error;
  const operation = options.operation ?? 'hubspot call';
  if (isApiException(error)) return fromResponse(error, operation, options);
  const make = (code: HubSpotErrorCode, message: string, status: number, retryable: boolean) =>
    new AppError(code, `${operation}: ${message}`, { status, retryable, cause: error, details: { operation } });
  if (isTimeout(error)) return make('hubspot.timeout', 'HubSpot did not answer in time', 504, true);
  const networkCode = networkCodeOf(error);
  if (networkCode !== undefined) return make('hubspot.network', `network error ${networkCode} talking to HubSpot`, 502, true);
  if (isBadBody(error)) return make('hubspot.bad-response', 'HubSpot answered with a body that is not valid JSON', 502, true);
  return make('hubspot.unexpected', 'unexpected error calling HubSpot', 500, false);
}

function fromResponse(error: ApiExceptionLike, operation: string, options: MapHubSpotErrorOptions): AppError {
  const status = error.code;
  const body = typeof error.body === 'object' && error.body !== null ? (error.body as Record<string, unknown>) : {};
  const hubspotMessage = typeof body.message === 'string' ? body.message : typeof error.body === 'string' ? error.body : '';
  const reason = sanitize(hubspotMessage, options.secrets ?? []);
  const details: Record<string, unknown> = { operation, hubspotStatus: status };
  for (const key of ['category', 'subCategory', 'correlationId', 'policyName', 'errorType'] as const) {
    if (typeof body[key] === 'string') details[key] = body[key];
  }
  const retryAfter = retryAfterMs(headerOf(error.headers, 'retry-after'), options.now ?? Date.now());
  const make = (code: HubSpotErrorCode, message: string, httpStatus: number, retryable: boolean, waitMs?: number) =>
    new AppError(code, `${operation}: ${message}${reason === '' ? '' : ` (HubSpot: ${reason})`}`, {
      status: httpStatus,
      retryable,
      cause: error,
      details: reason === '' ? details : { ...details, reason },
      ...(waitMs === undefined ? {} : { retryAfterMs: waitMs }),
    });

  if (status === 429) {
    const floor = rateLimitFloorMs(body.policyName, hubspotMessage);
    return make('hubspot.rate-limited', 'HubSpot rate limit reached', 503, true, Math.max(retryAfter ?? 0, floor));
  }
  if (status >= 500) return make('hubspot.unavailable', `HubSpot answered ${status}`, 502, true, retryAfter);
  if (status === 401) return make('hubspot.unauthorized', 'HubSpot rejected the access token; refresh it once', 502, false);
  if (status === 403) return make('hubspot.missing-scope', 'the app lacks a scope for this call; the portal must reinstall', 502, false);
  if (status === 404) return make('hubspot.not-found', 'the object does not exist (deleted or merged?)', 404, false);
  if (status === 400) return make('hubspot.bad-request', 'HubSpot rejected the request', 502, false);
  if (status === 409) return make('hubspot.conflict', 'HubSpot reports a conflict', 409, false);
  if (status >= 400) return make('hubspot.rejected', `HubSpot answered ${status}`, 502, false);
  return make('hubspot.bad-response', `HubSpot answered an unexpected ${status}`, 502, true, retryAfter);
}

function rateLimitFloorMs(policyName: unknown, message: string): number {
  if (policyName === 'DAILY') return DAILY_RETRY_MS;
  if (policyName === 'TEN_SECONDLY_ROLLING') return TEN_SECONDLY_RETRY_MS;
  if (policyName === 'SECONDLY' || message === SEARCH_SECONDLY_MESSAGE) return SECONDLY_RETRY_MS;
  return DEFAULT_RATE_LIMIT_RETRY_MS;
}

/** `Retry-After` as delay-seconds or an HTTP date (RFC 9110 §10.2.3), in milliseconds. */
export function retryAfterMs(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function headerOf(headers: unknown, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  if (typeof headers !== 'object' || headers === null) return undefined;
  const entry = Object.entries(headers).find(([key]) => key.toLowerCase() === name);
  return typeof entry?.[1] === 'string' ? entry[1] : undefined;
}

/** HubSpot's message, made safe for logs and admin-facing reasons: no tokens, bounded length. */
function sanitize(message: string, secrets: readonly string[]): string {
  let text = message;
  for (const secret of secrets) if (secret.length > 0) text = text.split(secret).join('[redacted]');
  text = text
    .replace(/\b(Bearer)\s+[^\s"',]+/gi, '$1 [redacted]')
    .replace(/\b(hapikey|access_token|refresh_token|code|client_secret)=[^\s&"',]+/gi, '$1=[redacted]')
    .replace(/\b(pat|CO|CJ)[-_][A-Za-z0-9_-]{16,}/g, '[redacted]')
    .replace(/[A-Za-z0-9_-]{40,}/g, '[redacted]');
  // Cut by code point, so a reason never ends in half a surrogate pair (PostgreSQL refuses those).
  return text.length > MAX_REASON_CHARS ? `${Array.from(text).slice(0, MAX_REASON_CHARS).join('')}…` : text;
}

function isApiException(error: unknown): error is ApiExceptionLike {
  return error instanceof Error && typeof (error as Partial<ApiExceptionLike>).code === 'number' && 'body' in error && 'headers' in error;
}

/** Duck-typed: `DOMException`s from `AbortSignal.timeout()` may come from another realm. */
function isTimeout(error: unknown): boolean {
  const name = typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : undefined;
  return name === 'TimeoutError' || name === 'AbortError';
}

/**
 * Native fetch wraps socket errors as `TypeError('fetch failed', { cause })`; node:http throws them
 * directly. A connection tried on several addresses (Happy Eyeballs: IPv6 and IPv4) fails with an
 * `AggregateError` whose own `code` may be missing, the codes being on its `errors`: those are
 * searched too, so a refused connection is never taken for a permanent failure (RELIABILITY.md row 40).
 */
function networkCodeOf(error: unknown, depth = 0): string | undefined {
  if (typeof error !== 'object' || error === null || depth > 4) return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || code.startsWith('UND_ERR_'))) return code;
  const errors = (error as { errors?: unknown }).errors;
  for (const inner of Array.isArray(errors) ? errors : []) {
    const found = networkCodeOf(inner, depth + 1);
    if (found !== undefined) return found;
  }
  return networkCodeOf((error as { cause?: unknown }).cause, depth + 1);
}

function isBadBody(error: unknown): boolean {
  if (error instanceof SyntaxError || error instanceof HubSpotBadResponseError) return true;
  return error instanceof Error && /Cannot parse content|not supported by ObjectSerializer/.test(error.message);
}
