/**
 * What HubSpot's API gateway does before a route runs: bearer-token auth per portal (401 bodies
 * with EXPIRED_AUTHENTICATION / INVALID_AUTHENTICATION) and the per-portal rate limits
 * (110 per rolling 10 s for OAuth apps; search 5 per second, with no rate-limit headers).
 * https://developers.hubspot.com/docs/developer-tooling/platform/usage-guidelines
 */
import type { NextFunction, Request, Response } from 'express';
import type { Clock } from '../clock.ts';
import { rateLimitBody, sendError } from './hubspot-errors.ts';
import type { Portal } from './portal.ts';
import type { IssuedToken, SandboxState } from './state.ts';

export interface Authenticated {
  portal: Portal;
  token: IssuedToken;
}

const NO_CREDENTIALS = 'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview';

/** The token's portal, without judging it: faults use this to target a portal. */
export function peekPortalId(state: SandboxState, req: Request): number | null {
  const token = bearerOf(req);
  return token === undefined ? null : state.tokens.get(token)?.portalId ?? null;
}

function bearerOf(req: Request): string | undefined {
  const header = req.headers.authorization;
  if (header === undefined || !/^bearer /i.test(header)) return undefined;
  return header.slice(7).trim();
}

/** Express middleware: puts `{ portal, token }` in `res.locals.auth` or answers 401. */
export function requireBearer(state: SandboxState) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const token = bearerOf(req);
    const issued = token === undefined ? undefined : state.tokens.get(token);
    if (!issued) return sendError(res, 401, 'INVALID_AUTHENTICATION', NO_CREDENTIALS);
    if (issued.revoked) return sendError(res, 401, 'INVALID_AUTHENTICATION', 'The OAuth token used to make this call has been revoked.');
    const now = state.clock.now();
    if (issued.expiresAt !== null && issued.expiresAt <= now) {
      const minutes = Math.max(1, Math.round((now - issued.expiresAt) / 60_000));
      return sendError(res, 401, 'EXPIRED_AUTHENTICATION', `The OAuth token used to make this call expired ${minutes} minute(s) ago.`);
    }
    const portal = state.portals.get(issued.portalId);
    if (!portal) return sendError(res, 401, 'INVALID_AUTHENTICATION', 'The account for this token has uninstalled the app.');
    res.locals.auth = { portal, token: issued } satisfies Authenticated;
    next();
  };
}

export function authOf(res: Response): Authenticated {
  return res.locals.auth as Authenticated;
}

export interface RateLimitOptions {
  /** Requests per rolling 10 s per portal; HubSpot's OAuth-app limit is 110. */
  tenSecondly: number;
  /** Search requests per second per portal; HubSpot's is 5. */
  searchPerSecond: number;
}

/** A rolling window of request times per key. */
function createWindow(limit: number, windowMs: number) {
  const hits = new Map<string, number[]>();
  return (key: string, now: number): { allowed: boolean; remaining: number; retryAfterSeconds: number } => {
    const times = (hits.get(key) ?? []).filter((t) => t > now - windowMs);
    const allowed = times.length < limit;
    if (allowed) times.push(now);
    hits.set(key, times);
    // Past the limit: when the oldest request in the window leaves it (whole seconds, at least 1).
    const oldest = times[times.length - limit] ?? now;
    return { allowed, remaining: Math.max(0, limit - times.length), retryAfterSeconds: Math.max(1, Math.ceil((oldest + windowMs - now) / 1000)) };
  };
}

/** Express middleware applied after auth; search paths use the secondly policy. */
export function createRateLimiter(options: RateLimitOptions, clock: Clock) {
  const general = createWindow(options.tenSecondly, 10_000);
  const search = createWindow(options.searchPerSecond, 1_000);
  return (req: Request, res: Response, next: NextFunction): void => {
    const portalId = String(authOf(res).portal.portalId);
    const now = clock.now();
    if (req.method === 'POST' && req.path.endsWith('/search')) {
      const searched = search(portalId, now);
      if (!searched.allowed) {
        res.status(429).set('Retry-After', String(searched.retryAfterSeconds)).json(rateLimitBody('SECONDLY'));
        return;
      }
      next();
      return;
    }
    const { allowed, remaining, retryAfterSeconds } = general(portalId, now);
    res.set({
      'X-HubSpot-RateLimit-Interval-Milliseconds': '10000',
      'X-HubSpot-RateLimit-Max': String(options.tenSecondly),
      'X-HubSpot-RateLimit-Remaining': String(remaining),
    });
    if (!allowed) {
      res.status(429).set('Retry-After', String(retryAfterSeconds)).json(rateLimitBody('TEN_SECONDLY_ROLLING'));
      return;
    }
    next();
  };
}
