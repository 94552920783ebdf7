import { Client } from '@hubspot/api-client';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import nock from 'nock';
import { AppError } from '../../../src/errors.ts';
import {
  DAILY_RETRY_MS,
  HubSpotBadResponseError,
  mapHubSpotError,
  retryAfterMs,
} from '../../../src/hubspot/hubspot-errors.ts';
import { hubspotErrors, type ErrorResponse } from './hubspot-api-errors.fixture.ts';

const BASE = 'http://hubspot.invalid';
const TOKEN = 'pat-na1-11111111-2222-3333-4444-555555555555';
const now = Date.parse('2024-06-12T08:00:00Z');

/** What the real SDK throws for a response, so the mapping is tested against the real thing. */
async function sdkErrorFor(response: ErrorResponse | ((scope: nock.Interceptor) => nock.Scope)): Promise<unknown> {
  const interceptor = nock(BASE).get('/crm/v3/objects/tasks/512').query(true);
  if (typeof response === 'function') response(interceptor);
  else interceptor.reply(response.status, response.body as nock.Body, response.headers);
  const client = new Client({ accessToken: TOKEN, basePath: BASE });
  try {
    await client.crm.objects.tasks.basicApi.getById('512');
  } catch (error) {
    return error;
  }
  throw new Error('the call unexpectedly succeeded');
}

afterEach(() => nock.cleanAll());

describe('mapHubSpotError on SDK responses', () => {
  test('when HubSpot says TEN_SECONDLY_ROLLING, then the error is retryable after at least 10 s', async () => {
    const error = mapHubSpotError(await sdkErrorFor(hubspotErrors.tenSecondly), { operation: 'tasks.getById', now });
    expect(error).toMatchObject({ code: 'hubspot.rate-limited', retryable: true, retryAfterMs: 10_000, status: 503 });
    expect(error.details).toMatchObject({ policyName: 'TEN_SECONDLY_ROLLING', hubspotStatus: 429, operation: 'tasks.getById' });
  });

  test('when a 429 carries Retry-After longer than the policy floor, then Retry-After wins', async () => {
    const response = { ...hubspotErrors.tenSecondly, headers: { ...hubspotErrors.tenSecondly.headers, 'Retry-After': '25' } };
    expect(mapHubSpotError(await sdkErrorFor(response), { now }).retryAfterMs).toBe(25_000);
  });

  test('when a 429 carries a shorter Retry-After than 10 s for the rolling window, then the 10 s floor holds', async () => {
    const response = { ...hubspotErrors.tenSecondly, headers: { ...hubspotErrors.tenSecondly.headers, 'Retry-After': '2' } };
    expect(mapHubSpotError(await sdkErrorFor(response), { now }).retryAfterMs).toBe(10_000);
  });

  test('when the search API says secondly, then the wait is 1 s', async () => {
    expect(mapHubSpotError(await sdkErrorFor(hubspotErrors.searchSecondly), { now })).toMatchObject({
      code: 'hubspot.rate-limited',
      retryAfterMs: 1_000,
    });
  });

  test('when the daily limit is reached, then the wait is long', async () => {
    expect(mapHubSpotError(await sdkErrorFor(hubspotErrors.daily), { now })).toMatchObject({
      code: 'hubspot.rate-limited',
      retryable: true,
      retryAfterMs: DAILY_RETRY_MS,
    });
  });

  test('when a 429 names no known policy, then the wait defaults to 10 s', async () => {
    const response = { status: 429, body: { status: 'error', message: 'Too many requests' }, headers: { 'Content-Type': 'application/json' } };
    expect(mapHubSpotError(await sdkErrorFor(response), { now }).retryAfterMs).toBe(10_000);
  });

  test.each([
    ['a 500', hubspotErrors.serverError],
    ['a 502 with an HTML body', hubspotErrors.badGatewayHtml],
  ])('when HubSpot answers %s, then the error is retryable', async (_name, response) => {
    expect(mapHubSpotError(await sdkErrorFor(response), { now })).toMatchObject({ code: 'hubspot.unavailable', retryable: true });
  });

  test('when a 503 carries Retry-After, then it is passed on', async () => {
    const response = { status: 503, body: 'Service Unavailable', headers: { 'Retry-After': '7', 'Content-Type': 'text/plain' } };
    const error = mapHubSpotError(await sdkErrorFor(response), { now });
    expect(error).toMatchObject({ code: 'hubspot.unavailable', retryAfterMs: 7_000 });
    expect(error.details).toMatchObject({ reason: 'Service Unavailable' });
  });

  test('when a 503 has no Content-Type, then the SDK loses the status but the error is still retryable', async () => {
    const response = { status: 503, body: '', headers: { 'Retry-After': '7' } };
    expect(mapHubSpotError(await sdkErrorFor(response), { now })).toMatchObject({ code: 'hubspot.bad-response', retryable: true });
  });

  test('when the token expired, then the error is hubspot.unauthorized and not retryable as is', async () => {
    const error = mapHubSpotError(await sdkErrorFor(hubspotErrors.expiredToken), { now });
    expect(error).toMatchObject({ code: 'hubspot.unauthorized', retryable: false });
    expect(error.details).toMatchObject({ category: 'EXPIRED_AUTHENTICATION' });
  });

  test('when a scope is missing, then the error is permanent hubspot.missing-scope', async () => {
    expect(mapHubSpotError(await sdkErrorFor(hubspotErrors.missingScopes), { now })).toMatchObject({
      code: 'hubspot.missing-scope',
      retryable: false,
    });
  });

  test('when the object is gone, then the error is hubspot.not-found', async () => {
    expect(mapHubSpotError(await sdkErrorFor(hubspotErrors.notFound), { now })).toMatchObject({
      code: 'hubspot.not-found',
      retryable: false,
      status: 404,
    });
  });

  test("when HubSpot rejects a request, then the error is permanent with HubSpot's message as the reason", async () => {
    const error = mapHubSpotError(await sdkErrorFor(hubspotErrors.validation), { operation: 'tasks.update', now });
    expect(error).toMatchObject({ code: 'hubspot.bad-request', retryable: false });
    expect(error.message).toContain('Property \\"hs_task_priority\\" does not exist');
    expect(error.details).toMatchObject({ category: 'VALIDATION_ERROR', reason: expect.stringContaining('PROPERTY_DOESNT_EXIST') });
  });

  test('when HubSpot reports a conflict, then the error is permanent hubspot.conflict', async () => {
    expect(mapHubSpotError(await sdkErrorFor(hubspotErrors.conflict), { now })).toMatchObject({ code: 'hubspot.conflict', retryable: false });
  });

  test('when another 4xx arrives, then it is permanent hubspot.rejected', async () => {
    const response = { status: 422, body: { status: 'error', message: 'Unprocessable' }, headers: { 'Content-Type': 'application/json' } };
    expect(mapHubSpotError(await sdkErrorFor(response), { now })).toMatchObject({ code: 'hubspot.rejected', retryable: false });
  });

  test('when a 200 body is not JSON, then the error is a retryable bad response', async () => {
    const response = { status: 200, body: 'upstream proxy says hi', headers: { 'Content-Type': 'application/json' } };
    expect(mapHubSpotError(await sdkErrorFor(response), { now })).toMatchObject({ code: 'hubspot.bad-response', retryable: true });
  });

  test('when the connection is reset, then the error is a retryable network error', async () => {
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    const error = mapHubSpotError(await sdkErrorFor((interceptor) => interceptor.replyWithError(reset)), { now });
    expect(error).toMatchObject({ code: 'hubspot.network', retryable: true });
  });

  test("when HubSpot's message contains the token or something token-like, then the reason does not", async () => {
    const leaky = {
      status: 400,
      body: { status: 'error', message: `bad header Authorization: Bearer ${TOKEN}; hapikey=abc123 raw ${TOKEN} ${'x'.repeat(45)}` },
      headers: { 'Content-Type': 'application/json' },
    };
    const error = mapHubSpotError(await sdkErrorFor(leaky), { now, secrets: [TOKEN, ''] });
    const text = JSON.stringify({ message: error.message, details: error.details });
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain('abc123');
    expect(text).not.toContain('x'.repeat(45));
    expect(text).toContain('Bearer [redacted]');
  });

  test('when the message is very long, then the reason is truncated', async () => {
    const long = { status: 400, body: { status: 'error', message: 'bad value. '.repeat(100) }, headers: { 'Content-Type': 'application/json' } };
    const error = mapHubSpotError(await sdkErrorFor(long), { now });
    expect(String(error.details?.reason)).toHaveLength(501);
  });
});

describe('mapHubSpotError on other throws', () => {
  test('when an AppError is mapped, then it passes through unchanged', () => {
    const original = new AppError('hubspot.timeout', 'x', { retryable: true });
    expect(mapHubSpotError(original)).toBe(original);
  });

  test('when HubSpot refuses the connection (nothing listens on the port), then the SDK\'s error maps to a retryable network error (RELIABILITY.md row 40)', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    const client = new Client({ accessToken: TOKEN, basePath: `http://127.0.0.1:${port}`, numberOfApiCallRetries: 0 });
    const thrown = await client.crm.objects.tasks.basicApi.getById('512').then(() => undefined, (error: unknown) => error);
    expect(mapHubSpotError(thrown, { operation: 'tasks.getById' })).toMatchObject({ code: 'hubspot.network', retryable: true, message: expect.stringContaining('ECONNREFUSED') });
  });

  test.each([
    ['node:http (the code on the error)', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:443'), { code: 'ECONNREFUSED' })],
    ['fetch, on every address tried (an AggregateError without a code of its own)', new TypeError('fetch failed', {
      cause: new AggregateError([Object.assign(new Error('connect ECONNREFUSED ::1:443'), { code: 'ECONNREFUSED' }), Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:443'), { code: 'ECONNREFUSED' })]),
    })],
    ['fetch, on one address of several (the refusal after an unknown failure)', new TypeError('fetch failed', {
      cause: new AggregateError([new Error('no code'), Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:443'), { code: 'ECONNREFUSED' })]),
    })],
  ])('when a connection is refused as %s, then the error is a retryable network error, never permanent', (_name, thrown) => {
    expect(mapHubSpotError(thrown)).toMatchObject({ code: 'hubspot.network', retryable: true, status: 502, message: expect.stringContaining('ECONNREFUSED') });
  });

  test('when native fetch fails with a socket error in its cause, then the error is a retryable network error', () => {
    const error = new TypeError('fetch failed', { cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }) });
    expect(mapHubSpotError(error, { operation: 'notes.create' })).toMatchObject({ code: 'hubspot.network', retryable: true, message: expect.stringContaining('UND_ERR_SOCKET') });
  });

  test.each([
    ['an AbortSignal timeout', new DOMException('The operation was aborted due to timeout', 'TimeoutError')],
    ['an abort', new DOMException('This operation was aborted', 'AbortError')],
  ])('when the call ended with %s, then the error is a retryable timeout', (_name, error) => {
    expect(mapHubSpotError(error)).toMatchObject({ code: 'hubspot.timeout', retryable: true, status: 504 });
  });

  test.each([
    ['a JSON syntax error', new SyntaxError('Unexpected token <')],
    ['a body without content type', new Error('Cannot parse content. No Content-Type defined.')],
    ['an unsupported media type', new Error('The mediaType text/csv is not supported by ObjectSerializer.parse.')],
    ['a non-JSON 2xx seen by the client', new HubSpotBadResponseError('200 with text/html')],
  ])('when the SDK could not read %s, then the error is a retryable bad response', (_name, error) => {
    expect(mapHubSpotError(error)).toMatchObject({ code: 'hubspot.bad-response', retryable: true });
  });

  test.each([
    ['a programming error', new TypeError('cannot read properties of undefined')],
    ['a string', 'boom'],
    ['an error with an unknown code', Object.assign(new Error('x'), { code: 'EWHATEVER' })],
    ['an ApiException-like object that is not an Error', { code: 500, body: {}, headers: {} }],
  ])('when the throw is %s, then the error is permanent hubspot.unexpected', (_name, thrown) => {
    expect(mapHubSpotError(thrown)).toMatchObject({ code: 'hubspot.unexpected', retryable: false });
  });

  test('when an ApiException carries a Headers object and a 3xx, then headers are read and the error is retryable', () => {
    const error = Object.assign(new Error('HTTP-Code: 302'), { code: 302, body: undefined, headers: new Headers({ 'Retry-After': '3' }) });
    expect(mapHubSpotError(error, { now })).toMatchObject({ code: 'hubspot.bad-response', retryable: true, retryAfterMs: 3_000 });
    const bare = Object.assign(new Error('HTTP-Code: 302'), { code: 302, body: undefined, headers: new Headers() });
    expect(mapHubSpotError(bare)).toMatchObject({ code: 'hubspot.bad-response', retryAfterMs: undefined });
  });

  test('when an ApiException has no headers object, then mapping still works', () => {
    const error = Object.assign(new Error('HTTP-Code: 503'), { code: 503, body: null, headers: null });
    expect(mapHubSpotError(error, { now })).toMatchObject({ code: 'hubspot.unavailable', retryAfterMs: undefined });
  });
});

describe('retryAfterMs', () => {
  test.each([
    [undefined, undefined],
    ['0', 0],
    [' 12 ', 12_000],
    ['Wed, 12 Jun 2024 08:00:30 GMT', 30_000],
    ['Wed, 12 Jun 2024 07:59:00 GMT', 0],
    ['soon', undefined],
  ])('when Retry-After is %j, then the wait is %j ms', (value, expected) => {
    expect(retryAfterMs(value, now)).toBe(expected);
  });
});
