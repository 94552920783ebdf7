/**
 * HubSpot request signatures, v3: base64(HMAC-SHA256(clientSecret, method + uri + body + timestamp)).
 * Written here rather than taken from the SDK, whose check is not constant-time, skips the URI
 * decoding and accepts timestamps from the future (REFERENCE.md §2.4).
 * https://developers.hubspot.com/docs/apps/developer-platform/build-apps/authentication/request-validation
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** HubSpot accepts a signature for five minutes; we accept the same window in both directions. */
export const SIGNATURE_TOLERANCE_MS = 5 * 60 * 1000;

/** The URL-encoded characters HubSpot decodes in the URI before hashing. */
const DECODED: Record<string, string> = {
  '%3A': ':', '%2F': '/', '%3F': '?', '%40': '@', '%21': '!', '%24': '$',
  '%27': "'", '%28': '(', '%29': ')', '%2A': '*', '%2C': ',', '%3B': ';',
};

/** Applies HubSpot's decoding table to a request URI (case-insensitive percent codes). */
export function canonicalizeUri(uri: string): string {
  return uri.replace(/%(3A|2F|3F|40|21|24|27|28|29|2A|2C|3B)/gi, (code) => DECODED[code.toUpperCase()] ?? code);
}

export interface SignInput {
  secret: string;
  method: string;
  /** The full URI HubSpot called: `https://host/path?query`. */
  uri: string;
  body: Buffer | string;
  /** The `X-HubSpot-Request-Timestamp` header value: epoch milliseconds. */
  timestamp: string;
}

function digest({ secret, method, uri, body, timestamp }: SignInput): Buffer {
  return createHmac('sha256', secret)
    .update(`${method.toUpperCase()}${canonicalizeUri(uri)}`, 'utf8')
    .update(typeof body === 'string' ? Buffer.from(body, 'utf8') : body)
    .update(timestamp, 'utf8')
    .digest();
}

/** The `X-HubSpot-Signature-v3` value HubSpot would send for this request. */
export function signV3(input: SignInput): string {
  return digest(input).toString('base64');
}

export type VerifyFailure = 'missing-header' | 'bad-timestamp' | 'stale-timestamp' | 'mismatch';
export type VerifyResult = { ok: true; secretIndex: number } | { ok: false; reason: VerifyFailure };

export interface VerifyInput {
  /** Every secret currently accepted (the active one first, then those being rotated out). */
  secrets: readonly string[];
  method: string;
  uri: string;
  body: Buffer;
  signature: string | undefined;
  timestamp: string | undefined;
  /** Epoch milliseconds, from the injected clock. */
  now: number;
  toleranceMs?: number;
}

const BASE64 = /^[A-Za-z0-9+/]{43}=$/;

/** Verifies a v3 signature: cheap checks first, then a constant-time compare per secret. */
export function verifyV3(input: VerifyInput): VerifyResult {
  const { signature, timestamp } = input;
  if (!signature || !timestamp) return { ok: false, reason: 'missing-header' };
  if (!/^\d{1,16}$/.test(timestamp)) return { ok: false, reason: 'bad-timestamp' };
  if (Math.abs(input.now - Number(timestamp)) > (input.toleranceMs ?? SIGNATURE_TOLERANCE_MS)) {
    return { ok: false, reason: 'stale-timestamp' };
  }
  const decoded = BASE64.test(signature) ? Buffer.from(signature, 'base64') : Buffer.alloc(0);
  // The last base64 character carries 2 unused bits; only the canonical encoding is accepted, so
  // no other spelling of the same bytes verifies (found by tests/property/signature.property.test.ts).
  const given = decoded.toString('base64') === signature ? decoded : Buffer.alloc(0);
  let matched = -1;
  input.secrets.forEach((secret, index) => {
    const expected = digest({ secret, method: input.method, uri: input.uri, body: input.body, timestamp });
    // Every secret is checked even after a match, so timing does not reveal which one matched.
    if (given.length === expected.length && timingSafeEqual(given, expected) && matched === -1) matched = index;
  });
  return matched === -1 ? { ok: false, reason: 'mismatch' } : { ok: true, secretIndex: matched };
}
