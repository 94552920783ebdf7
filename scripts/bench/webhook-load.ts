/**
 * Load for the webhook route: HubSpot-shaped batches of task events, every request with new event
 * ids (so dedupe never short-circuits the write) and a fresh v3 signature (timestamp = when the
 * request is built, always inside the ±5 min window), driven by autocannon. The same generator
 * drives the bare baseline, so its cost (≈ one HMAC per request) weighs on both sides equally.
 */
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { signV3 } from '../../src/webhooks/signature.ts';

/** The part of autocannon's result this bench reads (the package ships no types). */
interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number };
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
}

interface RawRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

const autocannon = createRequire(import.meta.url)('autocannon') as (options: Record<string, unknown>) => Promise<AutocannonResult>;

export interface LoadOptions {
  url: string;
  connections: number;
  seconds: number;
  eventsPerBatch: number;
  secret: string;
  /** The public base URL the server signs against (PUBLIC_BASE_URL). */
  signedBaseUrl: string;
}

export interface LoadSummary {
  requestsPerSecond: number;
  eventsPerSecond: number;
  p50: number;
  p99: number;
  requests: number;
  /** Socket errors, timeouts and non-2xx answers together. */
  failures: number;
  /** The 1-minute load average when the run ended (the machine is shared). */
  load: string;
}

const PATH = '/webhooks/hubspot';
let sequence = Date.now() * 1000;

function event(id: number, occurredAt: number): string {
  const kind = id % 3;
  const change = kind === 0
    ? '"subscriptionType":"object.creation","changeFlag":"CREATED"'
    : '"subscriptionType":"object.propertyChange","propertyName":"hs_task_subject","propertyValue":"Follow up now"';
  return `{"eventId":${id},"subscriptionId":${3849711 + kind},"portalId":${145883449 + (id % 7)},"appId":14947547,`
    + `"occurredAt":${occurredAt},${change},"attemptNumber":0,"objectId":${180584432881 + id},"objectTypeId":"0-27",`
    + '"changeSource":"CRM_UI","sourceId":"userId:75514748","isSensitive":false}';
}

/** One signed HubSpot-style batch of `size` new task events. */
export function signedBatch(size: number, secret: string, signedBaseUrl: string): { body: string; headers: Record<string, string> } {
  const now = Date.now();
  const events: string[] = [];
  for (let i = 0; i < size; i += 1) events.push(event((sequence += 1), now - 1000));
  const body = `[${events.join(',')}]`;
  const timestamp = String(now);
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'x-hubspot-request-timestamp': timestamp,
      'x-hubspot-signature-v3': signV3({ secret, method: 'POST', uri: `${signedBaseUrl}${PATH}`, body, timestamp }),
    },
  };
}

/** Drives `connections` keep-alive connections at the webhook route for `seconds`. */
export async function runWebhookLoad(options: LoadOptions): Promise<LoadSummary> {
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    requests: [{
      method: 'POST',
      path: PATH,
      setupRequest: (request: RawRequest) => {
        const { body, headers } = signedBatch(options.eventsPerBatch, options.secret, options.signedBaseUrl);
        return { ...request, body, headers: { ...request.headers, ...headers } };
      },
    }],
  });
  const requestsPerSecond = result.requests.total / result.duration;
  return {
    requestsPerSecond,
    eventsPerSecond: requestsPerSecond * options.eventsPerBatch,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    failures: result.errors + result.timeouts + result.non2xx,
    load: loadavg()[0]?.toFixed(1) ?? '?',
  };
}
