/**
 * The service's whole configuration, parsed once at start from the environment.
 * This is the only module that reads `process.env`. Every problem is reported at once.
 */
import { z } from 'zod';

const list = z
  .string()
  .transform((value) => value.split(',').map((item) => item.trim()).filter((item) => item.length > 0));

const optionalText = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()));

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

/** `keyId:base64key` pairs, comma separated; the first is used to encrypt, all to decrypt. */
const keyring = z
  .string()
  .transform((value, ctx) => {
    const keys: { id: string; key: Buffer }[] = [];
    for (const entry of value.split(',').map((item) => item.trim()).filter(Boolean)) {
      const [id, encoded] = entry.includes(':') ? entry.split(':', 2) : ['k1', entry];
      const key = Buffer.from(encoded ?? '', 'base64');
      if (!id || key.length !== 32) {
        ctx.addIssue({ code: 'custom', message: 'each key must be "id:<32 bytes in base64>" (openssl rand -base64 32)' });
        return z.NEVER;
      }
      keys.push({ id, key });
    }
    if (keys.length === 0) {
      ctx.addIssue({ code: 'custom', message: 'must hold at least one key' });
      return z.NEVER;
    }
    return keys;
  });

const EnvBaseSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: optionalText,
    PUBLIC_BASE_URL: httpUrl.optional(),
    DATA_DIR: z.string().min(1).default('./data'),
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL' }).optional(),
    HUBSPOT_CLIENT_SECRET: list.optional(),
    HUBSPOT_CLIENT_ID: optionalText,
    HUBSPOT_ACCESS_TOKEN: optionalText,
    HUBSPOT_PORTAL_ID: z.string().regex(/^\d+$/, 'must be a numeric HubSpot portal (hub) id').optional(),
    HUBSPOT_APP_ID: z.string().regex(/^\d+$/, 'must be a numeric HubSpot app id').optional(),
    HUBSPOT_DEVELOPER_API_KEY: optionalText,
    HUBSPOT_API_BASE_URL: httpUrl.default('https://api.hubapi.com'),
    /** Where the OAuth authorize page lives (app.hubspot.com; the sandbox in demo mode and tests). */
    HUBSPOT_OAUTH_BASE_URL: httpUrl.default('https://app.hubspot.com'),
    TOKEN_ENCRYPTION_KEY: keyring.optional(),
    SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    WORKER: z.enum(['on', 'off']).default('on'),
    JOB_LEASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
    JOB_RETRY_DELAY_SECONDS: z.coerce.number().int().min(1).max(3600).default(5),
    JOB_SUSPECT_WARMUP_SECONDS: z.coerce.number().int().min(0).max(600).default(10),
    SIGNATURE_FAILURE_LIMIT: z.coerce.number().int().min(0).max(100_000).default(30),
    RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(14),
    CATCH_UP_POLL_SECONDS: z.coerce.number().int().min(0).max(86_400).optional(),
    /** Crash tests only (`npm run crash-loop`): SIGKILL this process at `<point>[:skip]`; refused in production. */
    TEST_CRASH_AT: z.string().regex(/^(before-commit|after-commit|mid-batch|after-claim|after-hubspot-write)(:\d+)?$/,
      'must be <before-commit|after-commit|mid-batch|after-claim|after-hubspot-write>[:skip]').optional(),
  });

export const EnvSchema = EnvBaseSchema
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && env.TEST_CRASH_AT !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['TEST_CRASH_AT'], message: 'is a crash-test hook and is refused in production' });
    }
    for (const problem of deliveryProblems(env)) ctx.addIssue({ code: 'custom', path: [problem.key], message: problem.message });
  });

/**
 * Why this environment could not deliver a single card, in any mode (issue 14): a service that
 * acknowledges webhooks it can never act on must not start. No HubSpot setting at all is demo
 * mode (refused in production); anything else must name a portal it can act for.
 */
function deliveryProblems(env: z.infer<typeof EnvBaseSchema>): { key: string; message: string }[] {
  const production = env.NODE_ENV === 'production';
  const problems: { key: string; message: string }[] = [];
  const need = (key: keyof typeof env, why: string) => {
    if (env[key] === undefined && !problems.some((problem) => problem.key === key)) problems.push({ key, message: `is required${production ? ' in production' : ''}: ${why}` });
  };
  const demo = env.HUBSPOT_CLIENT_SECRET === undefined && env.HUBSPOT_ACCESS_TOKEN === undefined && env.HUBSPOT_CLIENT_ID === undefined;
  if (production) need('PUBLIC_BASE_URL', 'HubSpot signs the URL it calls, so the service must know it');
  if (production || env.HUBSPOT_CLIENT_ID !== undefined) need('HUBSPOT_CLIENT_SECRET', 'every webhook is verified with the app client secret');
  if (demo && !production) return problems;
  if (env.HUBSPOT_ACCESS_TOKEN === undefined && env.HUBSPOT_CLIENT_ID === undefined) {
    problems.push({
      key: 'HUBSPOT_ACCESS_TOKEN',
      message: production
        ? 'is required in production unless HUBSPOT_CLIENT_ID is set for OAuth installs (demo mode is refused)'
        : 'is required (with HUBSPOT_PORTAL_ID), or HUBSPOT_CLIENT_ID for OAuth installs: without either no card can be delivered; unset every HUBSPOT_* variable for demo mode',
    });
  }
  if (env.HUBSPOT_CLIENT_ID !== undefined) need('TOKEN_ENCRYPTION_KEY', 'OAuth tokens are encrypted at rest');
  if (env.HUBSPOT_ACCESS_TOKEN !== undefined) need('HUBSPOT_PORTAL_ID', 'a static token belongs to one portal, and events of every other portal are skipped');
  const polling = (env.CATCH_UP_POLL_SECONDS ?? (env.NODE_ENV === 'test' ? 0 : 300)) > 0;
  if (!production && !polling) need('HUBSPOT_CLIENT_SECRET', 'every webhook would be rejected and the catch-up poller is off (CATCH_UP_POLL_SECONDS=0)');
  return problems;
}

export type Env = z.infer<typeof EnvSchema>;

export interface Config {
  env: Env['NODE_ENV'];
  port: number;
  host: string;
  /** The URL HubSpot calls, without a trailing slash; signed URIs are built from it. */
  publicBaseUrl: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** Demo mode: no HubSpot credentials, so the service runs against the local sandbox. */
  demo: boolean;
  hubspot: {
    apiBaseUrl: string;
    /** Host of the OAuth authorize page, without a trailing slash. */
    oauthBaseUrl: string;
    clientSecrets: string[];
    clientId: string | undefined;
    accessToken: string | undefined;
    portalId: string | undefined;
    appId: string | undefined;
    developerApiKey: string | undefined;
  };
  tokenEncryptionKeys: { id: string; key: Buffer }[] | undefined;
  /** Crash tests only: where to SIGKILL this process, after skipping `skip` earlier hits of that point. */
  testCrashAt?: { point: string; skip: number };
  sessionSecret: string | undefined;
  metricsToken: string | undefined;
  logLevel: Env['LOG_LEVEL'];
  worker: boolean;
  /** A claimed job not settled within this many seconds is handed out again (RELIABILITY.md T7). */
  jobLeaseSeconds: number;
  /** Base of the exponential, jittered retry backoff for jobs. */
  jobRetryDelaySeconds: number;
  /** A process runs jobs whose lease expired (suspects, run alone) only once it is this old. */
  jobSuspectWarmupSeconds: number;
  /** Signature failures per minute from one IP before it gets 429 (RELIABILITY.md row 8); 0 = no limit. */
  signatureFailureLimit: number;
  /** Days raw deliveries and quarantine are kept; dedupe keys are kept at least 7 days (T5). */
  retentionDays: number;
  /** How often the catch-up poller searches for missed task changes; 0 turns it off (default off in tests, 300 s otherwise). */
  catchUpPollSeconds: number;
}

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    // One problem fits one line (what the operator greps for); several are listed.
    super(problems.length === 1 ? `invalid configuration: ${problems[0] ?? ''}` : `invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** Parses the environment; throws a {@link ConfigError} listing every problem at once. */
export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join('.') || 'environment'} ${issue.message}`));
  }
  const env = result.data;
  const demo = env.HUBSPOT_CLIENT_SECRET === undefined && env.HUBSPOT_ACCESS_TOKEN === undefined && env.HUBSPOT_CLIENT_ID === undefined;
  return {
    env: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST ?? (env.NODE_ENV === 'production' ? '0.0.0.0' : '127.0.0.1'),
    publicBaseUrl: (env.PUBLIC_BASE_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ''),
    dataDir: env.DATA_DIR,
    databaseUrl: env.DATABASE_URL,
    demo,
    hubspot: {
      apiBaseUrl: env.HUBSPOT_API_BASE_URL.replace(/\/+$/, ''),
      oauthBaseUrl: env.HUBSPOT_OAUTH_BASE_URL.replace(/\/+$/, ''),
      clientSecrets: env.HUBSPOT_CLIENT_SECRET ?? [],
      clientId: env.HUBSPOT_CLIENT_ID,
      accessToken: env.HUBSPOT_ACCESS_TOKEN,
      portalId: env.HUBSPOT_PORTAL_ID,
      appId: env.HUBSPOT_APP_ID,
      developerApiKey: env.HUBSPOT_DEVELOPER_API_KEY,
    },
    tokenEncryptionKeys: env.TOKEN_ENCRYPTION_KEY,
    sessionSecret: env.SESSION_SECRET,
    metricsToken: env.METRICS_TOKEN,
    logLevel: env.LOG_LEVEL,
    worker: env.WORKER === 'on',
    jobLeaseSeconds: env.JOB_LEASE_SECONDS,
    jobRetryDelaySeconds: env.JOB_RETRY_DELAY_SECONDS,
    jobSuspectWarmupSeconds: env.JOB_SUSPECT_WARMUP_SECONDS,
    signatureFailureLimit: env.SIGNATURE_FAILURE_LIMIT,
    retentionDays: env.RETENTION_DAYS,
    catchUpPollSeconds: env.CATCH_UP_POLL_SECONDS ?? (env.NODE_ENV === 'test' ? 0 : 300),
    ...(env.TEST_CRASH_AT !== undefined && { testCrashAt: { point: env.TEST_CRASH_AT.split(':')[0] ?? '', skip: Number(env.TEST_CRASH_AT.split(':')[1] ?? 0) } }),
  };
}
