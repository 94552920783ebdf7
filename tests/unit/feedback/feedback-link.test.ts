import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { AppError } from '../../../src/errors.ts';
import { createFeedbackToken, verifyFeedbackToken, type FeedbackClaims } from '../../../src/feedback/feedback-link.ts';

const secret = 'a-feedback-secret-of-at-least-32-bytes!';
const otherSecret = 'another-secret-that-is-32-bytes-long!!';
const now = Date.parse('2024-06-12T08:00:00Z');
const claims: FeedbackClaims = { portalId: '62515', cardId: 'card_8f3a', action: 'helpful', expiresAt: now + 30 * 86_400_000 };

/** Signs an arbitrary payload the way the module does, to reach checks behind the MAC. */
function signRaw(text: string, key = secret): string {
  const payload = Buffer.from(text).toString('base64url');
  return `${payload}.${createHmac('sha256', key).update(`unrobot/feedback-link\n${payload}`).digest('base64url')}`;
}

function decode(token: string): string {
  return Buffer.from(token.split('.')[0] ?? '', 'base64url').toString('utf8');
}

describe('feedback links', () => {
  test('when a token is created and verified before expiry, then the claims come back', () => {
    const token = createFeedbackToken(claims, secret);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(verifyFeedbackToken(token, secret, now)).toEqual({ ok: true, claims });
  });

  test('when the same link is verified twice, then both succeed (replays are idempotent in the store)', () => {
    const token = createFeedbackToken(claims, secret);
    expect(verifyFeedbackToken(token, secret, now).ok).toBe(true);
    expect(verifyFeedbackToken(token, secret, now + 1000).ok).toBe(true);
  });

  test('when the link has expired, then it is refused as expired', () => {
    const token = createFeedbackToken(claims, secret);
    expect(verifyFeedbackToken(token, secret, claims.expiresAt)).toEqual({ ok: false, reason: 'expired' });
    expect(verifyFeedbackToken(token, secret, claims.expiresAt - 1).ok).toBe(true);
  });

  test.each([
    ['another card', 'card_8f3a', 'card_0000'],
    ['another portal', '62515', '99999'],
    ['another action', 'helpful', 'snooze'],
    ['a later expiry', String(claims.expiresAt), String(claims.expiresAt + 86_400_000)],
  ])('when the payload is edited to %s, then the signature no longer verifies', (_name, from, to) => {
    const token = createFeedbackToken(claims, secret);
    const payload = Buffer.from(decode(token).replace(from, to)).toString('base64url');
    const forged = `${payload}.${token.split('.')[1] ?? ''}`;
    expect(verifyFeedbackToken(forged, secret, now)).toEqual({ ok: false, reason: 'bad-signature' });
  });

  test('when the token was signed with another secret, then it is refused', () => {
    const token = createFeedbackToken(claims, otherSecret);
    expect(verifyFeedbackToken(token, secret, now)).toEqual({ ok: false, reason: 'bad-signature' });
  });

  test('when the secret is rotated, then links signed with the previous secret still verify', () => {
    const token = createFeedbackToken(claims, otherSecret);
    expect(verifyFeedbackToken(token, [secret, otherSecret], now)).toEqual({ ok: true, claims });
  });

  test('when a plain HMAC of the payload without the domain prefix is presented, then it is refused', () => {
    const token = createFeedbackToken(claims, secret);
    const payload = token.split('.')[0] ?? '';
    const bare = `${payload}.${createHmac('sha256', secret).update(payload).digest('base64url')}`;
    expect(verifyFeedbackToken(bare, secret, now)).toEqual({ ok: false, reason: 'bad-signature' });
  });

  test.each([
    ['empty', ''],
    ['no signature', 'abc'],
    ['a short signature', 'abc.def'],
    ['three parts', `a.b.${'A'.repeat(43)}`],
    ['a padded signature', `abc.${'A'.repeat(42)}=`],
  ])('when the token is %s, then it is refused as malformed', (_name, token) => {
    expect(verifyFeedbackToken(token, secret, now)).toEqual({ ok: false, reason: 'malformed' });
  });

  test.each([
    ['a future version', `fb2|62515|card|helpful|${now + 1000}`],
    ['an unknown action', `fb1|62515|card|delete|${now + 1000}`],
    ['a non-numeric expiry', `fb1|62515|card|helpful|soon`],
    ['an extra field', `fb1|62515|card|helpful|${now + 1000}|x`],
    ['a non-numeric portal', `fb1|acme|card|helpful|${now + 1000}`],
    ['a huge expiry', `fb1|62515|card|helpful|${'9'.repeat(30)}`],
  ])('when a correctly signed payload has %s, then it is refused as malformed', (_name, text) => {
    expect(verifyFeedbackToken(signRaw(text), secret, now)).toEqual({ ok: false, reason: 'malformed' });
  });

  test('when any single character of a valid token changes, then it no longer verifies (property)', () => {
    const token = createFeedbackToken(claims, secret);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    fc.assert(
      fc.property(fc.nat({ max: token.length - 1 }), fc.constantFrom(...alphabet), (index, char) => {
        fc.pre(token[index] !== char && token[index] !== '.');
        const changed = token.slice(0, index) + char + token.slice(index + 1);
        // Even a change in the spare bits of the last base64url character is refused.
        expect(verifyFeedbackToken(changed, secret, now).ok).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  test('when the secret is shorter than 32 bytes, then both creating and verifying refuse it', () => {
    expect(() => createFeedbackToken(claims, 'short')).toThrow(AppError);
    expect(() => verifyFeedbackToken('a.b', 'short', now)).toThrow(/at least 32 bytes/);
  });

  test.each([
    ['a non-numeric portal', { portalId: 'acme' }],
    ['a card id with a separator', { cardId: 'a|b' }],
    ['an empty card id', { cardId: '' }],
    ['an unknown action', { action: 'delete' }],
    ['a fractional expiry', { expiresAt: 1.5 }],
  ])('when the claims have %s, then creating the token fails', (_name, change) => {
    expect(() => createFeedbackToken({ ...claims, ...change } as FeedbackClaims, secret)).toThrow(AppError);
  });
});
