/** Builds webhook requests the way HubSpot sends them, signed at test time (STYLE.md habit 9). */
import { readFileSync } from 'node:fs';
import { signV3 } from '../../src/webhooks/signature.ts';
import { registerSecret } from './test-logger.ts';

export const TEST_SECRET = 'test-client-secret-0f6b1c2d';
export const PUBLIC_BASE_URL = 'https://unrobot.example.com';
export const WEBHOOK_PATH = '/webhooks/hubspot';
export const NOW = 1_751_280_000_000;

export type FixtureEvent = Record<string, unknown>;

/** Reads a fixture from tests/fixtures/hubspot/. */
export function fixture<T = unknown>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../fixtures/hubspot/${name}`, import.meta.url), 'utf8')) as T;
}

export function taskEvents(): FixtureEvent[] {
  return fixture<FixtureEvent[]>('task-events.json');
}

/** A task `object.creation` event with the given overrides. */
export function taskCreation(overrides: FixtureEvent = {}): FixtureEvent {
  const [creation] = taskEvents();
  return { ...creation, ...overrides };
}

export interface SignOptions {
  secret?: string;
  timestamp?: number | string;
  method?: string;
  baseUrl?: string;
  path?: string;
}

/** Headers HubSpot would send for `body` (v3 signature, ms timestamp, JSON content type). */
export function signedHeaders(body: string | Buffer, options: SignOptions = {}): Record<string, string> {
  const timestamp = String(options.timestamp ?? NOW);
  const uri = `${options.baseUrl ?? PUBLIC_BASE_URL}${options.path ?? WEBHOOK_PATH}`;
  const signature = signV3({ secret: options.secret ?? TEST_SECRET, method: options.method ?? 'POST', uri, body, timestamp });
  // The logs of the whole run are scanned for every signature made here (log-capture-teardown.ts).
  registerSecret(signature);
  return {
    'content-type': 'application/json',
    'x-hubspot-request-timestamp': timestamp,
    'x-hubspot-signature-v3': signature,
    'x-hubspot-signature-version': 'v3',
  };
}

/** The portal of the fixtures' events (tests/fixtures/hubspot/task-events.json). */
export const TEST_PORTAL_ID = '145883449';
const TEST_ACCESS_TOKEN = 'pat-na1-test-0b5e7d1c-static-token';
registerSecret(TEST_ACCESS_TOKEN);

/**
 * The credentials a spawned service needs to start (issue 14: a service that cannot deliver a card
 * refuses to boot): a static token for the fixtures' portal. With no HubSpot at `apiBaseUrl`
 * (the default: the discard port, refused at once) the worker's calls fail and are retried.
 */
export function staticTokenEnv(apiBaseUrl = 'http://127.0.0.1:9'): Record<string, string> {
  return { HUBSPOT_ACCESS_TOKEN: TEST_ACCESS_TOKEN, HUBSPOT_PORTAL_ID: TEST_PORTAL_ID, HUBSPOT_API_BASE_URL: apiBaseUrl };
}

/** The same token, for a sandbox standing in for the fixtures' portal. */
export const TEST_SANDBOX_PORTAL = { portalId: Number(TEST_PORTAL_ID), accessToken: TEST_ACCESS_TOKEN } as const;
