/**
 * Property: a v3 signature verifies only the exact request it was made for. Any single changed
 * byte of the body, the signature, the timestamp or the URI fails verification, whatever the
 * content (RELIABILITY.md rows 9–13).
 */
import fc from 'fast-check';
import { signV3, verifyV3 } from '../../src/webhooks/signature.ts';

const SECRET = 'property-test-secret-7c1d';
const NOW = 1_751_280_000_000;

/** A URI without '%' (so percent-decoding is the identity and no byte change can be a no-op). */
const uriArb = fc.tuple(
  fc.constantFrom('https://unrobot.example.com', 'http://localhost:3000', 'https://a.b.c.example.org:8443'),
  fc.stringMatching(/^\/[A-Za-z0-9/_.~:@!$'()*,;=-]{0,40}$/),
  fc.option(fc.stringMatching(/^\?[A-Za-z0-9=&_.~:@!$'()*,;-]{1,30}$/), { nil: undefined }),
).map(([base, path, query]) => `${base}${path}${query ?? ''}`);

const requestArb = fc.record({
  body: fc.uint8Array({ minLength: 1, maxLength: 2048 }).map((bytes) => Buffer.from(bytes)),
  uri: uriArb,
  timestamp: fc.integer({ min: NOW - 299_000, max: NOW + 299_000 }).map(String),
});

function verify(request: { body: Buffer; uri: string; timestamp: string }, signature: string): boolean {
  return verifyV3({ secrets: [SECRET], method: 'POST', uri: request.uri, body: request.body, signature, timestamp: request.timestamp, now: NOW }).ok;
}

function flipChar(text: string, index: number, replacement: string): string {
  return `${text.slice(0, index)}${replacement}${text.slice(index + 1)}`;
}

const RUNS = { numRuns: 300 };

test('when nothing changes, then the signature verifies', () => {
  fc.assert(fc.property(requestArb, (request) => verify(request, signV3({ secret: SECRET, method: 'POST', ...request }))), RUNS);
});

test('when any byte of the body changes, then verification fails', () => {
  fc.assert(fc.property(requestArb, fc.nat(), fc.integer({ min: 1, max: 255 }), (request, at, xor) => {
    const signature = signV3({ secret: SECRET, method: 'POST', ...request });
    const body = Buffer.from(request.body);
    const index = at % body.length;
    body[index] = (body[index] ?? 0) ^ xor;
    return !verify({ ...request, body }, signature);
  }), RUNS);
});

test('when any character of the signature changes, then verification fails (no base64 malleability)', () => {
  // Exhaustive over every position and replacement: the last data character carries 2 unused bits,
  // which a random pick would rarely reach.
  const alphabet = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/='];
  fc.assert(fc.property(requestArb, (request) => {
    const signature = signV3({ secret: SECRET, method: 'POST', ...request });
    for (let index = 0; index < signature.length; index += 1) {
      for (const replacement of alphabet) {
        if (signature[index] !== replacement && verify(request, flipChar(signature, index, replacement))) return false;
      }
    }
    return true;
  }), { numRuns: 20 });
});

test('when any character of the timestamp changes, then verification fails', () => {
  fc.assert(fc.property(requestArb, fc.nat(), fc.constantFrom(...'0123456789x -'), (request, at, replacement) => {
    const signature = signV3({ secret: SECRET, method: 'POST', ...request });
    const index = at % request.timestamp.length;
    fc.pre(request.timestamp[index] !== replacement);
    return !verify({ ...request, timestamp: flipChar(request.timestamp, index, replacement) }, signature);
  }), RUNS);
});

test('when any character of the URI changes, then verification fails', () => {
  fc.assert(fc.property(requestArb, fc.nat(), fc.integer({ min: 0x21, max: 0x7e }).map((code) => String.fromCharCode(code)), (request, at, replacement) => {
    const signature = signV3({ secret: SECRET, method: 'POST', ...request });
    const index = at % request.uri.length;
    fc.pre(request.uri[index] !== replacement);
    return !verify({ ...request, uri: flipChar(request.uri, index, replacement) }, signature);
  }), RUNS);
});
