/**
 * HubSpot's OAuth token endpoints: exchange an authorization code, refresh an access token, and
 * read a token's owner (REFERENCE.md §6). Form-encoded POSTs to `/oauth/2026-03/token`, falling
 * back to `/oauth/v1/token` when the newer endpoint answers 404 (remembered for the process).
 * Native `fetch` with a timeout and no redirects (RELIABILITY.md §3.8). Errors never carry a
 * token, code or secret.
 */
import { AppError } from '../errors.ts';

/** What a token endpoint answered, in our names. */
export interface TokenGrant {
  accessToken: string;
  refreshToken: string;
  expiresInSeconds: number;
  hubId: string | undefined;
  userId: string | undefined;
  scopes: string[] | undefined;
}

/** `GET /oauth/v1/access-tokens/{token}`: who and which portal a token belongs to. */
export interface AccessTokenInfo {
  hubId: string;
  userId: string | undefined;
  email: string | undefined;
  scopes: string[];
}

export interface OAuthClient {
  exchangeCode(code: string, redirectUri: string): Promise<TokenGrant>;
  /** Throws `hubspot.bad-refresh-token` (not retryable) when HubSpot refuses the refresh token. */
  refresh(refreshToken: string): Promise<TokenGrant>;
  tokenInfo(accessToken: string): Promise<AccessTokenInfo>;
}

export interface OAuthClientOptions {
  /** `config.hubspot.apiBaseUrl`: https://api.hubapi.com, or the sandbox. */
  apiBaseUrl: string;
  clientId: string;
  clientSecret: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

const TOKEN_PATHS = ['/oauth/2026-03/token', '/oauth/v1/token'] as const;
const DEFAULT_TIMEOUT_MS = 10_000;

export function createOAuthClient(options: OAuthClientOptions): OAuthClient {
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let pathIndex = 0;

  const call = async (path: string, init: RequestInit, operation: string): Promise<Response> => {
    try {
      return await doFetch(`${options.apiBaseUrl}${path}`, { ...init, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
    } catch (cause) {
      const timedOut = (cause as { name?: unknown }).name === 'TimeoutError';
      throw new AppError(timedOut ? 'hubspot.timeout' : 'hubspot.network', `${operation}: ${timedOut ? 'HubSpot did not answer in time' : 'network error talking to HubSpot'}`, {
        status: timedOut ? 504 : 502, retryable: true, cause, details: { operation },
      });
    }
  };

  const postToken = async (form: Record<string, string>, operation: string): Promise<TokenGrant> => {
    const body = new URLSearchParams({ ...form, client_id: options.clientId, client_secret: options.clientSecret }).toString();
    for (;;) {
      const path = TOKEN_PATHS[pathIndex] ?? TOKEN_PATHS[1];
      const response = await call(path, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' } }, operation);
      if (response.status === 404 && pathIndex < TOKEN_PATHS.length - 1) {
        await response.body?.cancel();
        pathIndex += 1;
        continue;
      }
      return parseGrant(await readJson(response, operation), operation);
    }
  };

  return {
    exchangeCode: (code, redirectUri) => postToken({ grant_type: 'authorization_code', code, redirect_uri: redirectUri }, 'oauth.exchangeCode'),
    refresh: (refreshToken) => postToken({ grant_type: 'refresh_token', refresh_token: refreshToken }, 'oauth.refresh'),
    async tokenInfo(accessToken) {
      const operation = 'oauth.tokenInfo';
      const response = await call(`/oauth/v1/access-tokens/${encodeURIComponent(accessToken)}`, { headers: { accept: 'application/json' } }, operation);
      const json = await readJson(response, operation);
      const hubId = idOf(json.hub_id);
      if (hubId === undefined) throw badResponse(operation, 'no hub_id in the token info');
      return { hubId, userId: idOf(json.user_id), email: typeof json.user === 'string' ? json.user : undefined, scopes: scopesOf(json.scopes) ?? [] };
    },
  };
}

async function readJson(response: Response, operation: string): Promise<Record<string, unknown>> {
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    if (response.ok) throw badResponse(operation, 'HubSpot answered with a body that is not JSON');
  }
  const body = typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {};
  if (response.ok) return body;
  throw errorOf(response.status, body, operation);
}

/** HubSpot's OAuth errors are `{ status: "BAD_REFRESH_TOKEN", message }` with HTTP 400. */
function errorOf(httpStatus: number, body: Record<string, unknown>, operation: string): AppError {
  const hubspotStatus = typeof body.status === 'string' && /^[A-Z_]{1,60}$/.test(body.status) ? body.status : undefined;
  const details = { operation, hubspotStatus: httpStatus, ...(hubspotStatus === undefined ? {} : { error: hubspotStatus }) };
  if (httpStatus === 429 || httpStatus >= 500) {
    return new AppError('hubspot.unavailable', `${operation}: HubSpot answered ${httpStatus}`, { status: 502, retryable: true, details });
  }
  if (hubspotStatus === 'BAD_REFRESH_TOKEN') {
    return new AppError('hubspot.bad-refresh-token', `${operation}: HubSpot refused the refresh token (app uninstalled or access revoked); the portal must reinstall`, { status: 401, details });
  }
  if (hubspotStatus === 'BAD_AUTH_CODE' || hubspotStatus === 'BAD_REDIRECT_URI') {
    return new AppError('oauth.bad-code', `${operation}: HubSpot refused the authorization code (${hubspotStatus}); start the install again`, { status: 400, details });
  }
  if (hubspotStatus === 'BAD_CLIENT_ID' || hubspotStatus === 'BAD_CLIENT_SECRET') {
    return new AppError('oauth.bad-client', `${operation}: HubSpot refused the app credentials (${hubspotStatus}); check HUBSPOT_CLIENT_ID and HUBSPOT_CLIENT_SECRET`, { status: 502, details });
  }
  return new AppError('hubspot.rejected', `${operation}: HubSpot answered ${httpStatus}${hubspotStatus === undefined ? '' : ` ${hubspotStatus}`}`, { status: 502, details });
}

function parseGrant(json: Record<string, unknown>, operation: string): TokenGrant {
  const { access_token: accessToken, refresh_token: refreshToken, expires_in: expiresIn } = json;
  if (typeof accessToken !== 'string' || accessToken === '' || typeof refreshToken !== 'string' || refreshToken === '') {
    throw badResponse(operation, 'the token response lacks access_token or refresh_token');
  }
  const seconds = Number(expiresIn);
  if (!Number.isFinite(seconds) || seconds <= 0) throw badResponse(operation, 'the token response lacks a positive expires_in');
  return { accessToken, refreshToken, expiresInSeconds: seconds, hubId: idOf(json.hub_id), userId: idOf(json.user_id), scopes: scopesOf(json.scopes ?? json.scope) };
}

function idOf(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  if (typeof value === 'string' && /^\d+$/.test(value)) return value;
  return undefined;
}

function scopesOf(value: unknown): string[] | undefined {
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  if (typeof value === 'string') return value.split(/\s+/).filter(Boolean);
  return undefined;
}

function badResponse(operation: string, message: string): AppError {
  return new AppError('hubspot.bad-response', `${operation}: ${message}`, { status: 502, retryable: true, details: { operation } });
}
