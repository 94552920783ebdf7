/**
 * Who is calling, for which portal: a session of the standalone page, or a `hubspot.fetch`
 * request signed with v3. The portal never comes from a body or an unsigned query parameter.
 * Session writes also need the CSRF token and a same-origin `Origin` (or `Referer`).
 */
import type { NextFunction, Request, Response } from 'express';
import type { Clock } from '../clock.ts';
import { verifyV3 } from '../webhooks/signature.ts';
import { apiError } from './api-errors.ts';
import type { PortalRateLimit } from './portal-rate-limit.ts';
import { csrfTokenMatches, readCookie, SESSION_COOKIE, type Session, type Sessions } from './sessions.ts';
import type { ActorVia, SettingsStore } from './settings-store.ts';

export interface Caller {
  portalId: string;
  userId: string;
  email: string | undefined;
  authenticatedBy: 'session' | 'hubspot-signature';
  session: Session | undefined;
  canEdit: boolean;
}

export interface AuthenticateDeps {
  publicBaseUrl: string;
  clientSecrets: readonly string[];
  sessions: Sessions;
  store: Pick<SettingsStore, 'isAdmin'>;
  clock: Clock;
  rateLimit?: PortalRateLimit;
}

/** Requests carry their raw body here (captured by the JSON parser) so signatures can be checked. */
export type RawBodyRequest = Request & { rawBody?: Buffer };

const DIGITS = /^[1-9][0-9]{0,19}$/;
const WRITE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function callerOf(res: Response): Caller {
  return res.locals.caller as Caller;
}

export function actorOf(caller: Caller, signedVia: ActorVia = 'hubspot-settings'): { userId?: string; email?: string; via: ActorVia } {
  return { userId: caller.userId, ...(caller.email !== undefined && { email: caller.email }), via: caller.authenticatedBy === 'session' ? 'settings-page' : signedVia };
}

function sameOrigin(req: Request, publicBaseUrl: string): boolean {
  const expected = new URL(publicBaseUrl).origin;
  const origin = req.headers.origin;
  if (typeof origin === 'string') return origin === expected;
  const referer = req.headers.referer;
  if (typeof referer !== 'string') return false;
  try { return new URL(referer).origin === expected; } catch { return false; }
}

async function fromSignature(req: RawBodyRequest, deps: AuthenticateDeps): Promise<Omit<Caller, 'canEdit'>> {
  const header = (name: string) => { const value = req.headers[name]; return typeof value === 'string' ? value : undefined; };
  const verdict = verifyV3({
    secrets: deps.clientSecrets, method: req.method, uri: `${deps.publicBaseUrl}${req.originalUrl}`,
    body: req.rawBody ?? Buffer.alloc(0), signature: header('x-hubspot-signature-v3'), timestamp: header('x-hubspot-request-timestamp'), now: deps.clock.now(),
  });
  if (!verdict.ok) throw apiError(401, 'unauthenticated', 'The HubSpot signature of this request is missing, stale or wrong.');
  // Read only now that the URL is known to be HubSpot's: these parameters are part of what was signed.
  const query = new URL(req.originalUrl, 'http://signed.invalid').searchParams;
  const portalId = query.get('portalId') ?? '';
  const userId = query.get('userId') ?? '';
  if (!DIGITS.test(portalId) || !DIGITS.test(userId)) throw apiError(401, 'unauthenticated', 'The signed request does not name a portal and a user.');
  const email = query.get('userEmail') ?? undefined;
  return { portalId, userId, email, authenticatedBy: 'hubspot-signature', session: undefined };
}

async function fromSession(req: Request, deps: AuthenticateDeps): Promise<Omit<Caller, 'canEdit'>> {
  const id = readCookie(req.headers.cookie, SESSION_COOKIE);
  const session = id === undefined ? undefined : await deps.sessions.load(id);
  if (!session) throw apiError(401, 'unauthenticated', 'Sign in with HubSpot to use the settings.');
  if (WRITE.has(req.method)) {
    const token = req.headers['x-csrf-token'];
    if (!sameOrigin(req, deps.publicBaseUrl) || !csrfTokenMatches(session, typeof token === 'string' ? token : undefined)) {
      throw apiError(403, 'csrf_failed', 'This change did not come from the settings page; reload the page and try again.');
    }
  }
  return { portalId: session.portalId, userId: session.userId, email: session.email, authenticatedBy: 'session', session };
}

/** Sets `res.locals.caller`, or answers 401/403. */
export function createAuthenticate(deps: AuthenticateDeps) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    try {
      const signed = req.headers['x-hubspot-signature-v3'] !== undefined;
      const caller = signed ? await fromSignature(req, deps) : await fromSession(req, deps);
      const wait = deps.rateLimit?.hit(caller.portalId) ?? 0;
      if (wait > 0) {
        res.setHeader('Retry-After', String(wait));
        throw apiError(429, 'rate_limited', `Too many requests for this portal; try again in ${wait} seconds.`);
      }
      res.locals.caller = { ...caller, canEdit: await deps.store.isAdmin(caller.portalId, caller.userId, caller.email) } satisfies Caller;
      next();
    } catch (error) {
      next(error);
    }
  };
}

/** Refuses writes from users who are not admins of the portal. */
export function requireEditor(_req: Request, res: Response, next: NextFunction): void {
  next(callerOf(res).canEdit ? undefined : apiError(403, 'forbidden', 'Only an editor of this portal can change settings; the page lists who can grant editing.'));
}
