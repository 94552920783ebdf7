/**
 * The OAuth `state`: random, single use, valid 10 minutes, stored only as a hash, and bound to
 * a short-lived HttpOnly cookie set on the browser that started the flow, so a callback URL
 * replayed or planted in another browser (login CSRF) is refused.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../clock.ts';
import { AppError } from '../errors.ts';
import type { AuthorizationPurpose, OAuthStateStore, StoredAuthorizationState } from '../store/oauth-state-store.ts';

export const STATE_TTL_MS = 10 * 60_000;
export const DEFAULT_RETURN_TO = '/settings';

export interface IssuedState {
  /** Goes to HubSpot in the authorize URL and comes back on the callback. */
  state: string;
  /** Goes into the browser's cookie. */
  binding: string;
}

const hash = (value: string): string => createHash('sha256').update(value, 'utf8').digest('base64url');

/** Creates and stores a state; also sweeps expired ones. */
export async function issueState(
  states: OAuthStateStore, clock: Clock, purpose: AuthorizationPurpose, returnTo: string | null,
): Promise<IssuedState> {
  const now = clock.now();
  const issued = { state: randomBytes(32).toString('base64url'), binding: randomBytes(32).toString('base64url') };
  await states.deleteExpired(now);
  await states.save({ stateHash: hash(issued.state), bindingHash: hash(issued.binding), purpose, returnTo, createdAt: now, expiresAt: now + STATE_TTL_MS });
  return issued;
}

/**
 * Takes the state (whatever the outcome, it cannot be used again) and checks its expiry and its
 * cookie. Throws `oauth.bad-state` (400) with a reason: missing, unknown (or used), expired, cookie.
 */
export async function consumeState(
  states: OAuthStateStore, clock: Clock, state: string | undefined, binding: string | undefined,
): Promise<StoredAuthorizationState> {
  const refuse = (reason: string, message: string) => new AppError('oauth.bad-state', message, { status: 400, details: { reason } });
  if (state === undefined || state === '' || state.length > 200) throw refuse('missing', 'the sign-in link has no valid state');
  const stored = await states.take(hash(state));
  if (stored === undefined) throw refuse('unknown', 'this sign-in link was already used or never issued here');
  if (stored.expiresAt <= clock.now()) throw refuse('expired', 'this sign-in link expired (10 minutes)');
  const presented = Buffer.from(hash(binding ?? ''), 'utf8');
  const expected = Buffer.from(stored.bindingHash, 'utf8');
  if (binding === undefined || presented.length !== expected.length || !timingSafeEqual(presented, expected)) {
    throw refuse('cookie', 'this sign-in was started in another browser (or its cookie was blocked)');
  }
  return stored;
}

/** A same-origin path to return to after login; anything else (absolute, `//host`, `\`) falls back. */
export function safeReturnTo(value: unknown): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 512) return DEFAULT_RETURN_TO;
  if (!value.startsWith('/') || value.startsWith('//') || /[\\\u0000-\u001f\u007f]/.test(value)) return DEFAULT_RETURN_TO;
  const parsed = new URL(value, 'http://unrobot.invalid');
  if (parsed.origin !== 'http://unrobot.invalid') return DEFAULT_RETURN_TO;
  return `${parsed.pathname}${parsed.search}${parsed.hash}`;
}
