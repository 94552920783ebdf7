/** v3 signatures: the self-derived known-answer vector (RELIABILITY.md §2.1), round trips and edge cases. */
import fc from 'fast-check';
import { canonicalizeUri, signV3, verifyV3 } from '../../../src/webhooks/signature.ts';

const SECRET = 'yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy';
const URI = 'https://www.example.com/webhook_uri';
const BODY = '{"example_field":"example_value"}';
const TS = 1_700_000_000_000;

function verify(overrides: Partial<Parameters<typeof verifyV3>[0]> = {}) {
  const signature = signV3({ secret: SECRET, method: 'POST', uri: URI, body: BODY, timestamp: String(TS) });
  return verifyV3({ secrets: [SECRET], method: 'POST', uri: URI, body: Buffer.from(BODY), signature, timestamp: String(TS), now: TS, ...overrides });
}

test('when signing the RELIABILITY.md §2.1 v3 vector, then the known answer comes out', () => {
  expect(signV3({ secret: SECRET, method: 'POST', uri: URI, body: BODY, timestamp: String(TS) })).toBe('rQEKkaNUiu+1qGF//O/pw4BCzstSqO1PyUnGICmf+7o=');
});

test('when a request is signed at test time and verified, then it is accepted with the index of the matching secret', () => {
  expect(verify()).toEqual({ ok: true, secretIndex: 0 });
  expect(verify({ secrets: ['other', SECRET] })).toEqual({ ok: true, secretIndex: 1 });
});

test('when no secret is configured, then every request is rejected', () => {
  expect(verify({ secrets: [] })).toEqual({ ok: false, reason: 'mismatch' });
});

test('when the timestamp is 5 min off either way, then it is accepted; a millisecond beyond, then it is stale', () => {
  expect(verify({ now: TS + 300_000 }).ok).toBe(true);
  expect(verify({ now: TS - 300_000 }).ok).toBe(true);
  expect(verify({ now: TS + 300_001 })).toEqual({ ok: false, reason: 'stale-timestamp' });
  expect(verify({ now: TS - 300_001 })).toEqual({ ok: false, reason: 'stale-timestamp' });
});

test('when headers are missing or malformed, then the reason says so without throwing', () => {
  expect(verify({ signature: undefined })).toEqual({ ok: false, reason: 'missing-header' });
  expect(verify({ timestamp: '17e11' })).toEqual({ ok: false, reason: 'bad-timestamp' });
  expect(verify({ signature: 'short' })).toEqual({ ok: false, reason: 'mismatch' });
});

test('when the URI carries encoded characters from HubSpot\'s table, then they are decoded before hashing', () => {
  expect(canonicalizeUri('https://h/p%3Fa%3Db%2C%28x%29?q=%40')).toBe('https://h/p?a%3Db,(x)?q=@');
  const encoded = 'https://www.example.com/webhook_uri?x=%2A%3B';
  const signature = signV3({ secret: SECRET, method: 'POST', uri: 'https://www.example.com/webhook_uri?x=*;', body: BODY, timestamp: String(TS) });
  expect(verifyV3({ secrets: [SECRET], method: 'POST', uri: encoded, body: Buffer.from(BODY), signature, timestamp: String(TS), now: TS }).ok).toBe(true);
});

test('when any byte of the body changes, then verification fails (property)', () => {
  fc.assert(fc.property(fc.nat({ max: BODY.length - 1 }), fc.integer({ min: 1, max: 255 }), (index, xor) => {
    const body = Buffer.from(BODY);
    body[index] = (body[index] ?? 0) ^ xor;
    return verify({ body }).ok === false;
  }));
});
