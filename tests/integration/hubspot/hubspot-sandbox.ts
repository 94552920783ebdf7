/** A seeded sandbox on loopback and the app's own HubSpot clients (limiter, timeout, error mapping) pointed at it. */
import { systemClock } from '../../../src/clock.ts';
import { AppError } from '../../../src/errors.ts';
import { createHubSpotClients, type HubSpotClients } from '../../../src/hubspot/hubspot-client.ts';
import { createRateLimiter } from '../../../src/hubspot/rate-limiter.ts';
import { createLogger } from '../../../src/logger.ts';
import { createSandbox, type Sandbox } from '../../../src/sandbox/create-sandbox.ts';

export const TOKEN = 'pat-na1-hubspot-adapter-test';

export interface Started {
  sandbox: Sandbox;
  url: string;
  portalId: string;
  /** Fresh clients (and limiter) per call, so a 429 pause in one test never slows the next. */
  clients(options?: { timeoutMs?: number }): HubSpotClients;
  control<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
  /** HubSpot calls since the last `clearRequests()`, by endpoint. */
  requests(): Promise<{ total: number; byEndpoint: Record<string, number> }>;
  clearRequests(): Promise<void>;
  close(): Promise<void>;
}

export const log = createLogger({ level: 'silent' });

export async function startHubSpotSandbox(): Promise<Started> {
  const sandbox = createSandbox({ accessToken: TOKEN, rateLimits: false });
  const running = await sandbox.listen();
  const control = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${running.url}${path}`, {
      method, headers: body === undefined ? {} : { 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (response.status === 204 ? undefined : await response.json()) as T;
  };
  return {
    sandbox, url: running.url, portalId: String(sandbox.portalId),
    clients: (options = {}) => createHubSpotClients({ apiBaseUrl: running.url, limiter: createRateLimiter({ clock: systemClock }), log, ...options }),
    control,
    requests: () => control('GET', '/__sandbox/requests'),
    clearRequests: () => control('DELETE', '/__sandbox/requests'),
    close: running.close,
  };
}

/** Wraps clients so that one operation fails with a permanent HubSpot error (a missing scope, say). */
export function failingOperation(clients: HubSpotClients, operation: string, code = 'hubspot.missing-scope'): HubSpotClients {
  return {
    forPortal(portalId, token) {
      const real = clients.forPortal(portalId, token);
      return {
        portalId,
        call: (op, run, options) => (op === operation ? Promise.reject(new AppError(code, `${op}: injected`, { status: 502, retryable: false })) : real.call(op, run, options)),
      };
    },
  };
}
