/**
 * pino, configured once. Secrets are redacted wherever they sit: pino's `*.x` path matches one
 * level only (RELIABILITY.md §3.7), so the redaction paths are generated to a fixed depth.
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

const REDACT_DEPTH = 5;

/** Every `a.b.key` path up to {@link REDACT_DEPTH} levels deep, for each secret key. */
export function redactionPaths(keys: readonly string[] = SECRET_KEYS, depth = REDACT_DEPTH): string[] {
  const paths: string[] = [];
  for (const key of keys) {
    const leaf = /^[A-Za-z_$][\w$]*$/.test(key) ? key : `["${key}"]`;
    for (let level = 0; level < depth; level += 1) {
      const prefix = level === 0 ? '' : `${Array.from({ length: level }, () => '*').join('.')}`;
      paths.push(prefix === '' ? leaf : leaf.startsWith('[') ? `${prefix}${leaf}` : `${prefix}.${leaf}`);
    }
  }
  return paths;
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
      redact: { paths: redactionPaths(), censor: '[redacted]' },
      base: { service: 'unrobot' },
    },
    options.destination,
  );
}
