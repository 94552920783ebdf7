/**
 * The HTTP edge: health and readiness, 503 when the store fails or is too slow, body caps over a
 * real socket (rows 4 and 6), generic error bodies, and no secret or body in the logs.
 */
import { connect } from 'node:net';
import { Writable } from 'node:stream';
import request from 'supertest';
import { createFixedClock } from '../../src/clock.ts';
import { loadConfig } from '../../src/config.ts';
import { createApp } from '../../src/http/create-app.ts';
import { startHttpServer, type RunningServer } from '../../src/http/http-server.ts';
import { createLogger } from '../../src/logger.ts';
import type { HealthCheck, InboxStore } from '../../src/store/ports.ts';
import { NOW, PUBLIC_BASE_URL, TEST_SECRET, WEBHOOK_PATH, signedHeaders, taskCreation, staticTokenEnv } from '../helpers/hubspot-webhook.ts';
import { createTestLogger } from '../helpers/test-logger.ts';

const config = loadConfig({ PUBLIC_BASE_URL, HUBSPOT_CLIENT_SECRET: TEST_SECRET, ...staticTokenEnv() });
const clock = createFixedClock(NOW);

function fakeStore(recordDelivery: InboxStore['recordDelivery'], ready = true): InboxStore & HealthCheck {
  return { recordDelivery, readiness: async () => ({ ok: ready, checks: { database: ready, migrations: ready, queue: ready } }) };
}
const okStore = fakeStore(async () => ({ inserted: 1, duplicates: 0, enqueued: 1 }));

function captureLogs() {
  const lines: string[] = [];
  const destination = new Writable({ write(chunk, _enc, done) { lines.push(String(chunk)); done(); } });
  return { log: createLogger({ level: 'debug', destination }), text: () => lines.join('') };
}

test('when /healthz is asked, then 200; when /readyz is asked while a check fails or while draining, then 503', async () => {
  const log = createTestLogger();
  expect((await request(createApp({ config, log, store: okStore, clock })).get('/healthz')).status).toBe(200);
  expect((await request(createApp({ config, log, store: okStore, clock })).get('/readyz')).status).toBe(200);
  expect((await request(createApp({ config, log, store: fakeStore(okStore.recordDelivery, false), clock })).get('/readyz')).status).toBe(503);
  const draining = await request(createApp({ config, log, store: okStore, clock, isAccepting: () => false })).get('/readyz');
  expect(draining.status).toBe(503);
  expect(draining.body.checks.accepting).toBe(false);
});

test('when the store throws, then 503 with a generic body and no stack', async () => {
  const { log } = captureLogs();
  const app = createApp({ config, log, store: fakeStore(async () => { throw new Error('disk full at /var/lib/secret-path'); }), clock });
  const body = JSON.stringify([taskCreation()]);
  const res = await request(app).post(WEBHOOK_PATH).set(signedHeaders(body)).send(body);
  expect(res.status).toBe(503);
  expect(res.body).toEqual({ error: 'store-failed' });
  expect(res.text).not.toContain('secret-path');
});

test('when the store does not answer within the deadline, then 503 rather than a hang', async () => {
  const app = createApp({ config, log: createTestLogger(), store: fakeStore(() => new Promise(() => undefined)), clock, webhookDeadlineMs: 100 });
  const body = JSON.stringify([taskCreation()]);
  const res = await request(app).post(WEBHOOK_PATH).set(signedHeaders(body)).send(body);
  expect(res.status).toBe(503);
  expect(res.body).toEqual({ error: 'deadline-exceeded' });
});

test('when a request is served, then it carries a request id; an unknown route gets a generic 404', async () => {
  const res = await request(createApp({ config, log: createTestLogger(), store: okStore, clock })).get('/nope').set('x-request-id', 'abc-123');
  expect(res.status).toBe(404);
  expect(res.headers['x-request-id']).toBe('abc-123');
  expect(res.body).toEqual({ error: 'not-found' });
});

test('when a webhook is logged, then neither the signature, the secret nor the property value appear', async () => {
  const { log, text } = captureLogs();
  const app = createApp({ config, log, store: okStore, clock });
  const body = JSON.stringify([taskCreation({ propertyValue: 'Call Jane about her divorce' })]);
  const headers = signedHeaders(body);
  expect((await request(app).post(WEBHOOK_PATH).set(headers).send(body)).status).toBe(204);
  await request(app).post(WEBHOOK_PATH).set({ ...headers, 'x-hubspot-signature-v3': 'A'.repeat(43) + '=' }).send(body);
  expect(text()).toContain('webhook delivery stored');
  for (const secret of [TEST_SECRET, headers['x-hubspot-signature-v3'] ?? '', 'divorce']) expect(text()).not.toContain(secret);
});

test('when a webhook is acked at info level, then one info line says it was stored, with the request id; the access line is debug; a rejected one logs a warn access line', async () => {
  const lines: Array<{ level: number; msg: string; req?: { id?: string } }> = [];
  const destination = new Writable({ write(chunk, _enc, done) { lines.push(JSON.parse(String(chunk)) as (typeof lines)[number]); done(); } });
  const app = createApp({ config, log: createLogger({ level: 'info', destination }), store: okStore, clock });
  const body = JSON.stringify([taskCreation()]);
  expect((await request(app).post(WEBHOOK_PATH).set({ ...signedHeaders(body), 'x-request-id': 'ack-1' }).send(body)).status).toBe(204);
  expect(lines.map((line) => [line.level, line.msg, line.req?.id])).toEqual([[30, 'webhook delivery stored', 'ack-1']]);
  lines.length = 0;
  await request(app).post(WEBHOOK_PATH).set({ ...signedHeaders(body), 'x-request-id': 'bad-1', 'x-hubspot-signature-v3': 'A'.repeat(43) + '=' }).send(body);
  expect(lines.filter((line) => line.level === 40 && line.req?.id === 'bad-1').map((line) => line.msg)).toContain('request completed');
});

describe('over a real socket', () => {
  let running: RunningServer;
  beforeAll(async () => {
    const app = createApp({ config, log: createTestLogger(), store: okStore, clock });
    running = await startHttpServer(app, { port: 0, host: '127.0.0.1', requestTimeoutMs: 500 });
  });
  afterAll(async () => { await running.close(100); });

  function rawExchange(write: (socket: ReturnType<typeof connect>) => void): Promise<string> {
    const { port } = new URL(running.url);
    return new Promise((resolve) => {
      const socket = connect(Number(port), '127.0.0.1', () => write(socket));
      let data = '';
      socket.on('data', (chunk) => {
        data += chunk.toString();
        if (data.includes('\r\n\r\n')) socket.destroy();
      });
      socket.on('close', () => resolve(data));
      socket.on('error', () => resolve(data));
    });
  }

  test('row 4: when a chunked body grows past 1 MB, then 413 and nothing past the cap is buffered', async () => {
    const response = await rawExchange((socket) => {
      socket.write(`POST ${WEBHOOK_PATH} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n${Object.entries(signedHeaders('[]')).map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n`);
      const chunk = 'x'.repeat(64 * 1024);
      for (let i = 0; i < 20; i += 1) socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`);
      // The route answers 413 the moment the cap is crossed and drops the connection
      // (reliability/intake-hardening.test.ts proves it for a body that never ends).
      socket.write('0\r\n\r\n');
    });
    expect(response).toMatch(/^HTTP\/1\.1 413/);
  });

  test('row 6: when the body trickles in slower than the request timeout, then 408 and the connection closes', async () => {
    const response = await rawExchange((socket) => {
      socket.write(`POST ${WEBHOOK_PATH} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n[`);
    });
    expect(response).toMatch(/^HTTP\/1\.1 408/);
  });
});
