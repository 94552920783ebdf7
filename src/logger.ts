/**
 * pino, configured once. Secrets are redacted wherever they sit, at any depth, on the finished
 * line: one regular-expression test per line finds whether a secret key occurs at all, and only
 * then is the line parsed, its secret values replaced and written again. pino's own path-based
 * redaction (27 keys × 5 wildcard depths) cost ≈ 390 µs per line, ≈ 15 % of the service's busy
 * time at one info line per webhook ack; this costs ≈ 1 µs on a line without a secret key
 * (README, Performance: ingest).
 */
import { pino, type Logger, type DestinationStream } from 'pino';

export type { Logger } from 'pino';

const SECRET_KEYS = [
  'authorization', 'cookie', 'set-cookie',
  'x-hubspot-signature', 'x-hubspot-signature-v3', 'signature',
  'accessToken', 'access_token', 'refreshToken', 'refresh_token', 'token',
  'clientSecret', 'client_secret', 'secret', 'secrets', 'password', 'code',
  'apiKey', 'developerApiKey', 'hapikey', 'encryptionKey', 'sessionSecret',
];

const CENSOR = '[redacted]';
const SECRET = new Set(SECRET_KEYS.map((key) => key.toLowerCase()));
// JSON.stringify writes these keys as they are (no escapes in plain ASCII names), so a line that
// holds one as a key holds `"<key>":` verbatim. Case-insensitive: `Authorization` is a secret too.
const SECRET_KEY_IN_LINE = new RegExp(`"(?:${SECRET_KEYS.map((key) => key.replace(/[-]/g, '\\-')).join('|')})":`, 'i');

function redactValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactValue);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) out[key] = SECRET.has(key.toLowerCase()) ? CENSOR : redactValue(inner);
  return out;
}

/** One finished log line (JSON + newline) with every secret-keyed value, at any depth, censored. */
export function redactLine(line: string): string {
  if (!SECRET_KEY_IN_LINE.test(line)) return line;
  const newline = line.endsWith('\n') ? '\n' : '';
  try {
    return `${JSON.stringify(redactValue(JSON.parse(line)))}${newline}`;
  } catch {
    // Not JSON (never from pino): drop it rather than risk writing a secret.
    return `${JSON.stringify({ level: 50, msg: 'a log line was dropped: it could not be redacted' })}${newline}`;
  }
}

export interface LoggerOptions {
  level?: string;
  /** Where lines go; tests pass a capture stream to assert that no secret leaks. */
  destination?: DestinationStream;
}

/** Creates the service's root logger. Everything else uses `log.child({...})`. */
export function createLogger(options: LoggerOptions = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      hooks: { streamWrite: redactLine },
      base: { service: 'unrobot' },
    },
    options.destination,
  );
}
