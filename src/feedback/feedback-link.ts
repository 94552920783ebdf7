/**
 * Signed tokens for the feedback links on each card (helpful, not helpful, snooze this client),
 * so a rep can react with one click and no login. The token carries portal, card, action and
 * expiry under an HMAC-SHA256, so none of them can be changed: a link cannot be forged, moved
 * to another card, turned into another action, or used for another portal.
 *
 * Replaying the same valid link is allowed here on purpose (reps double-click, mail scanners
 * prefetch links): the store records one reaction per (portal, card, action), so a replay is
 * idempotent at the store level, not rejected by the token.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppError } from '../errors.ts';

export const FEEDBACK_ACTIONS = ['helpful', 'not-helpful', 'snooze'] as const;
export type FeedbackAction = (typeof FEEDBACK_ACTIONS)[number];

export interface FeedbackClaims {
  portalId: string;
  cardId: string;
  action: FeedbackAction;
  /** Milliseconds since the epoch after which the link no longer works. */
  expiresAt: number;
}

export type FeedbackVerification =
  | { ok: true; claims: FeedbackClaims }
  | { ok: false; reason: 'malformed' | 'bad-signature' | 'expired' };

const VERSION = 'fb1';
/** Domain separation: a MAC made for something else with the same secret never verifies here. */
const CONTEXT = 'unrobot/feedback-link';
const MIN_SECRET_BYTES = 32;
const PORTAL_ID = /^\d{1,20}$/;
const CARD_ID = /^[A-Za-z0-9_-]{1,128}$/;
const TOKEN = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/;

/** Creates the token for one link; throws on ids that could not round-trip or a weak secret. */
export function createFeedbackToken(claims: FeedbackClaims, secret: string): string {
  checkSecret(secret);
  if (!PORTAL_ID.test(claims.portalId)) throw new AppError('feedback.bad-claims', 'portalId must be a numeric HubSpot portal id');
  if (!CARD_ID.test(claims.cardId)) throw new AppError('feedback.bad-claims', 'cardId must be 1–128 letters, digits, - or _');
  if (!FEEDBACK_ACTIONS.includes(claims.action)) throw new AppError('feedback.bad-claims', `unknown action ${String(claims.action)}`);
  if (!Number.isSafeInteger(claims.expiresAt)) throw new AppError('feedback.bad-claims', 'expiresAt must be integer milliseconds');
  const payload = Buffer.from([VERSION, claims.portalId, claims.cardId, claims.action, claims.expiresAt].join('|')).toString('base64url');
  return `${payload}.${mac(payload, secret).toString('base64url')}`;
}

/**
 * Checks a token from a link at time `now`. Accepts a list of secrets so the secret can be
 * rotated without breaking links already sent (the first that verifies wins). The MAC is
 * compared in constant time after a length check, and nothing in the payload is trusted
 * before the MAC verifies.
 */
export function verifyFeedbackToken(token: string, secret: string | readonly string[], now: number): FeedbackVerification {
  const secrets = typeof secret === 'string' ? [secret] : secret;
  secrets.forEach(checkSecret);
  if (!TOKEN.test(token)) return { ok: false, reason: 'malformed' };
  const [payload = '', signature = ''] = token.split('.');
  const given = Buffer.from(signature, 'base64url');
  // base64url's last character has spare bits: only the canonical spelling of a MAC is accepted,
  // so a link has exactly one valid form.
  if (given.toString('base64url') !== signature) return { ok: false, reason: 'bad-signature' };
  const valid = secrets.some((candidate) => {
    const expected = mac(payload, candidate);
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
  if (!valid) return { ok: false, reason: 'bad-signature' };
  const claims = parseClaims(Buffer.from(payload, 'base64url').toString('utf8'));
  if (claims === undefined) return { ok: false, reason: 'malformed' };
  if (now >= claims.expiresAt) return { ok: false, reason: 'expired' };
  return { ok: true, claims };
}

function parseClaims(text: string): FeedbackClaims | undefined {
  const [version, portalId = '', cardId = '', action = '', expires = '', ...rest] = text.split('|');
  const known = (FEEDBACK_ACTIONS as readonly string[]).includes(action);
  const expiresAt = /^-?\d+$/.test(expires) ? Number(expires) : Number.NaN;
  const wellFormed = version === VERSION && rest.length === 0 && PORTAL_ID.test(portalId) && CARD_ID.test(cardId);
  return wellFormed && known && Number.isSafeInteger(expiresAt) ? { portalId, cardId, action: action as FeedbackAction, expiresAt } : undefined;
}

function mac(payload: string, secret: string): Buffer {
  return createHmac('sha256', secret).update(`${CONTEXT}\n${payload}`).digest();
}

function checkSecret(secret: string): void {
  if (Buffer.byteLength(secret, 'utf8') < MIN_SECRET_BYTES) {
    throw new AppError('feedback.weak-secret', `the feedback signing secret must be at least ${MIN_SECRET_BYTES} bytes (SESSION_SECRET)`);
  }
}
