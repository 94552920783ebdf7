/**
 * What the captured test logs must never contain: the fixture secrets and tokens used across the
 * suite, plus shapes that only a leak produces (a bearer token, an unredacted signature header).
 */
export const FIXTURE_SECRETS: readonly string[] = [
  'test-client-secret-0f6b1c2d',
  'previous-client-secret-9a8b7c',
  'bench-client-secret-5d1e9a77',
  'yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy',
  'another-secret-that-is-32-bytes-long!!',
  'a-feedback-secret-of-at-least-32-bytes!',
  'pat-na1-11111111-2222-3333-4444-555555555555',
  'pat-na1-hubspot-adapter-test',
  'pat-na1-aaaaaaaa-1111-2222-3333-444444444444',
  'pat-na1-bbbbbbbb-1111-2222-3333-444444444444',
  'CJSP5qf1KhICAQEYs-gDIIGOBii1hQIyGQAf3xBKmlwHjX7OIpuIFEavB2-qYAGQsF4',
  'na1-f4c3-9b2e-41d0-a6c1-6f0e2d8e7b1a',
];

export const LEAK_PATTERNS: readonly RegExp[] = [
  /Bearer [A-Za-z0-9._~+/-]{12,}/,
  /"x-hubspot-signature(-v3)?":"(?!\[redacted\])[^"]+"/i,
  /"(access_token|refresh_token|accessToken|refreshToken|client_secret|clientSecret)":"(?!\[redacted\])[^"]+"/,
  /[?&]code=[A-Za-z0-9-]{8,}/,
];

export interface LeakHit { file: string; line: number; what: string }

/** Finds every secret or leak-shaped text in `text`; `what` names the secret by its first characters only. */
export function findLeaks(file: string, text: string, secrets: readonly string[]): LeakHit[] {
  const hits: LeakHit[] = [];
  text.split('\n').forEach((line, index) => {
    for (const secret of secrets) {
      if (line.includes(secret)) hits.push({ file, line: index + 1, what: `secret ${secret.slice(0, 6)}…` });
    }
    for (const pattern of LEAK_PATTERNS) {
      if (pattern.test(line)) hits.push({ file, line: index + 1, what: `pattern ${pattern.source.slice(0, 30)}` });
    }
  });
  return hits;
}
