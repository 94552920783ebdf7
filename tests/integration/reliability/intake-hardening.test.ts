/**
 * Intake hardening over a real socket: row 4 (a chunked body crossing the cap gets 413 at once and
 * the connection is dropped, the rest never read), row 3 (a declared length over the cap), row 5
 * (compressed bodies) and row 8 (a per-IP limit on repeated signature failures: 429 without any
 * HMAC computed).
 */
import { connect } from 'node:net';
import { createFixedClock } from '../../../src/clock.ts';
import { loadConfig, type Config } from '../../../src/config.ts';
import { createApp } from '../../../src/http/create-app.ts';
import { startHttpServer, type RunningServer } from '../../../src/http/http-server.ts';
import type { HealthCheck, InboxStore } from '../../../src/store/ports.ts';
import { createSignatureFailureLimiter } from '../../../src/webhooks/signature-failure-limiter.ts';
import { NOW, PUBLIC_BASE_URL, TEST_SECRET, WEBHOOK_PATH, signedHeaders, taskCreation, staticTokenEnv } from '../../helpers/hubspot-webhook.ts';
import { createTestLogger } from '../../helpers/test-logger.ts';

const base = loadConfig({ PUBLIC_BASE_URL, HUBSPOT_CLIENT_SECRET: TEST_SECRET, ...staticTokenEnv() });
const clock = createFixedClock(NOW);
let stored = 0;
const store: InboxStore & HealthCheck = {
  recordDelivery: async () => { stored += 1; return { inserted: 1, duplicates: 0, enqueued: 1 }; },
  readiness: async () => ({ ok: true, checks: {} }),
};
/** Counts how often the route reaches for the secrets, i.e. how often it computes an HMAC. */
let secretReads = 0;
const config: Config = { ...base, hubspot: { ...base.hubspot, get clientSecrets() { secretReads += 1; return [TEST_SECRET]; } } };

let running: RunningServer;
beforeAll(async () => {
  const app = createApp({ config, log: createTestLogger(), store, clock,
    signatureFailures: createSignatureFailureLimiter({ limit: 3, windowMs: 60_000 }) });
  running = await startHttpServer(app, { port: 0, host: '127.0.0.1' });
});
afterAll(async () => { await running.close(100); });
beforeEach(() => { clock.set(NOW); });

interface Exchange { response: string; closed: boolean; bytesWritten: number }

/** Writes a request by hand and keeps streaming `chunks` until the server answers or closes. */
function exchange(head: string, chunks: Iterable<string>, endBody: boolean): Promise<Exchange> {
  const { port } = new URL(running.url);
  return new Promise((resolve) => {
    let response = '';
    let closed = false;
    let bytesWritten = 0;
    const socket = connect(Number(port), '127.0.0.1', async () => {
      socket.write(head);
      for (const chunk of chunks) {
        if (response !== '' || socket.destroyed) break;
        const frame = `${Buffer.byteLength(chunk).toString(16)}\r\n${chunk}\r\n`;
        bytesWritten += frame.length;
        if (!socket.write(frame)) await new Promise((r) => { socket.once('drain', r); socket.once('close', r); });
      }
      if (endBody && !socket.destroyed) socket.write('0\r\n\r\n');
    });
    socket.on('data', (chunk) => {
      response += chunk.toString();
      // A keep-alive answer: stop once the head is in (the body of these answers is tiny JSON).
      if (!/connection: close/i.test(response) && /\r\n\r\n\{.*\}$/s.test(response)) resolve({ response, closed, bytesWritten });
    });
    // The test never destroys the socket itself: a close means the server dropped the connection.
    socket.on('close', () => { closed = true; resolve({ response, closed, bytesWritten }); });
    socket.on('error', () => undefined);
  });
}

function* endless(size: number): Generator<string> {
  const chunk = 'x'.repeat(size);
  for (let i = 0; i < 10_000; i += 1) yield chunk; // 640 MB at most: far more than any cap
}

function head(extra: Record<string, string>): string {
  const headers = { Host: 'x', 'Content-Type': 'application/json', ...signedHeaders('[]'), ...extra };
  return `POST ${WEBHOOK_PATH} HTTP/1.1\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n`;
}

test('row 4: when a chunked body keeps growing past 1 MB and never ends, then 413 comes at once and the server closes the connection', async () => {
  const before = stored;
  const result = await exchange(head({ 'Transfer-Encoding': 'chunked' }), endless(64 * 1024), false);
  expect(result.response).toMatch(/^HTTP\/1\.1 413/);
  expect(result.response).toMatch(/connection: close/i);
  expect(result.closed).toBe(true);
  // The client stopped well before the 640 MB it was ready to send.
  expect(result.bytesWritten).toBeLessThan(64 * 1024 * 1024);
  expect(stored).toBe(before);
}, 20_000);

test('row 3: when Content-Length declares more than the cap, then 413 before any body byte is sent', async () => {
  const result = await exchange(head({ 'Content-Length': String(2 * 1024 * 1024) }), [], false);
  expect(result.response).toMatch(/^HTTP\/1\.1 413/);
  expect(result.bytesWritten).toBe(0);
});

test('row 5: when the body is gzip-encoded, then 415 and it is never inflated', async () => {
  const result = await exchange(head({ 'Content-Encoding': 'gzip', 'Content-Length': '10' }), [], false);
  expect(result.response).toMatch(/^HTTP\/1\.1 415/);
});

test('when a chunked body stays under the cap, then it is read whole and accepted', async () => {
  const body = JSON.stringify([taskCreation()]);
  const before = stored;
  const headers = { Host: 'x', ...signedHeaders(body), 'Transfer-Encoding': 'chunked', Connection: 'close' };
  const text = `POST ${WEBHOOK_PATH} HTTP/1.1\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n`;
  const result = await exchange(text, [body.slice(0, 10), body.slice(10)], true);
  expect(result.response).toMatch(/^HTTP\/1\.1 204/);
  expect(stored).toBe(before + 1);
});

async function post(headers: Record<string, string>, body: string): Promise<Response> {
  return fetch(`${running.url}${WEBHOOK_PATH}`, { method: 'POST', headers, body });
}

test('row 8: when one address fails the signature 3 times within a minute, then its next requests get 429 without any HMAC, until the minute has passed', async () => {
  const body = JSON.stringify([taskCreation()]);
  const good = signedHeaders(body);
  const forged = { ...good, 'x-hubspot-signature-v3': 'A'.repeat(43) + '=' };
  expect((await post(forged, body)).status).toBe(401);
  const { 'x-hubspot-signature-v3': _dropped, ...unsigned } = good;
  expect((await post(unsigned, body)).status).toBe(401);
  expect((await post(forged, body)).status).toBe(401);

  const readsBefore = secretReads;
  const blocked = await post(good, body);
  expect(blocked.status).toBe(429);
  expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(secretReads).toBe(readsBefore);

  clock.advance(61_000);
  const later = signedHeaders(body, { timestamp: NOW + 61_000 });
  expect((await post(later, body)).status).toBe(204);
});
