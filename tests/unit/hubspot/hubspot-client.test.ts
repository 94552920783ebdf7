import { Writable } from 'node:stream';
import { Client } from '@hubspot/api-client';
import nock from 'nock';
import { createFixedClock } from '../../../src/clock.ts';
import { AppError } from '../../../src/errors.ts';
import { createHubSpotClients, type HubSpotClientsOptions } from '../../../src/hubspot/hubspot-client.ts';
import { createRateLimiter } from '../../../src/hubspot/rate-limiter.ts';
import { createLogger } from '../../../src/logger.ts';
import { hubspotErrors, taskBody } from './hubspot-api-errors.fixture.ts';

const BASE = 'http://hubspot-a.invalid';
const OTHER_BASE = 'http://hubspot-b.invalid';
const TOKEN_A = 'pat-na1-aaaaaaaa-1111-2222-3333-444444444444';
const TOKEN_B = 'pat-na1-bbbbbbbb-1111-2222-3333-444444444444';
const start = Date.parse('2024-06-12T08:00:00Z');

function setup(overrides: Partial<HubSpotClientsOptions> = {}) {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  const clock = createFixedClock(start);
  const limiter = createRateLimiter({ clock });
  const log = createLogger({ level: 'debug', destination });
  const clients = createHubSpotClients({ apiBaseUrl: BASE, limiter, log, clock, ...overrides });
  return { clients, limiter, clock, lines };
}

const getTask = (id = '512') => (sdk: Client) => sdk.crm.objects.tasks.basicApi.getById(id);

afterEach(() => nock.cleanAll());

describe('createHubSpotClients', () => {
  test("when a call succeeds, then it returns the SDK's result and sends the portal's token to the base path", async () => {
    const scope = nock(BASE, { reqheaders: { authorization: `Bearer ${TOKEN_A}` } })
      .get('/crm/v3/objects/tasks/512')
      .query(true)
      .reply(200, taskBody);
    const { clients } = setup();
    const task = await clients.forPortal('62515', TOKEN_A).call('tasks.getById', getTask());
    expect(task.properties.hs_task_subject).toBe('Follow up now');
    expect(scope.isDone()).toBe(true);
  });

  test('when two portals and two base paths are used in turns, then no client takes the other one\'s token or host', async () => {
    const { clients: clientsA, limiter } = setup();
    const clientsB = createHubSpotClients({ apiBaseUrl: OTHER_BASE, limiter, log: createLogger({ level: 'silent' }) });
    const portal1 = clientsA.forPortal('1', TOKEN_A);
    const portal2 = clientsA.forPortal('2', TOKEN_B);
    const portal3 = clientsB.forPortal('3', TOKEN_B);
    const a = nock(BASE, { reqheaders: { authorization: `Bearer ${TOKEN_A}` } }).get('/crm/v3/objects/tasks/1').query(true).times(2).reply(200, taskBody);
    const b = nock(BASE, { reqheaders: { authorization: `Bearer ${TOKEN_B}` } }).get('/crm/v3/objects/tasks/2').query(true).reply(200, taskBody);
    const c = nock(OTHER_BASE, { reqheaders: { authorization: `Bearer ${TOKEN_B}` } }).get('/crm/v3/objects/tasks/3').query(true).reply(200, taskBody);
    await portal1.call('tasks.getById', getTask('1'));
    await portal3.call('tasks.getById', getTask('3'));
    await portal2.call('tasks.getById', getTask('2'));
    await portal1.call('tasks.getById', getTask('1'));
    expect([a.isDone(), b.isDone(), c.isDone()]).toEqual([true, true, true]);
  });

  test('when another module builds a Client with SDK retries after ours, then our client still makes exactly one attempt', async () => {
    const { clients } = setup();
    const ours = clients.forPortal('62515', TOKEN_A);
    // Replaces the process-wide decorators (3 attempts) for any API class built from now on.
    const rogue = new Client({ accessToken: 'other', basePath: BASE, numberOfApiCallRetries: 3 });
    expect(rogue).toBeInstanceOf(Client);
    const scope = nock(BASE).get('/crm/v3/objects/tasks/512').query(true).times(3).reply(500, hubspotErrors.serverError.body, hubspotErrors.serverError.headers);
    const error = await ours.call('tasks.getById', getTask()).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'hubspot.unavailable', retryable: true });
    expect(scope.pendingMocks()).toHaveLength(1);
  });

  test('when HubSpot answers 429 TEN_SECONDLY_ROLLING, then the error is retryable and the portal is paused for 10 s', async () => {
    nock(BASE).get('/crm/v3/objects/tasks/512').query(true).reply(429, hubspotErrors.tenSecondly.body, hubspotErrors.tenSecondly.headers);
    const { clients, limiter } = setup();
    const error = await clients.forPortal('62515', TOKEN_A).call('tasks.getById', getTask()).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'hubspot.rate-limited', retryAfterMs: 10_000 });
    expect(limiter.inspect('62515').pausedUntil).toBe(start + 10_000);
    expect(limiter.inspect('62515', 'search').pausedUntil).toBe(start + 10_000);
    expect(limiter.inspect('other').pausedUntil).toBe(0);
  });

  test('when a search call gets the secondly 429, then only searches of that portal are paused', async () => {
    nock(BASE).post('/crm/v3/objects/tasks/search').reply(429, hubspotErrors.searchSecondly.body, hubspotErrors.searchSecondly.headers);
    const { clients, limiter } = setup();
    const search = (sdk: Client) => sdk.crm.objects.tasks.searchApi.doSearch({ filterGroups: [], limit: 10 });
    await expect(clients.forPortal('62515', TOKEN_A).call('tasks.search', search, { kind: 'search' })).rejects.toMatchObject({ retryAfterMs: 1_000 });
    expect(limiter.inspect('62515', 'search').pausedUntil).toBe(start + 1_000);
    expect(limiter.inspect('62515').pausedUntil).toBe(0);
  });

  test('when the portal is paused for longer than a caller may wait, then no request is sent', async () => {
    const { clients, limiter } = setup();
    limiter.pause('62515', start + 60 * 60 * 1000);
    await expect(clients.forPortal('62515', TOKEN_A).call('tasks.getById', getTask())).rejects.toMatchObject({ code: 'hubspot.rate-limited' });
    expect(nock.pendingMocks()).toEqual([]);
  });

  test('when HubSpot does not answer in time, then the call fails as a retryable timeout', async () => {
    nock(BASE).get('/crm/v3/objects/tasks/512').query(true).delay(1_000).reply(200, taskBody);
    const { clients } = setup({ timeoutMs: 50 });
    const error = await clients.forPortal('62515', TOKEN_A).call('tasks.getById', getTask()).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'hubspot.timeout', retryable: true });
  });

  test('when a 200 body is HTML, then the call fails as a retryable bad response instead of returning an empty object', async () => {
    nock(BASE).get('/crm/v3/objects/tasks/512').query(true).reply(200, '<html>maintenance</html>', { 'Content-Type': 'text/html' });
    const { clients } = setup();
    await expect(clients.forPortal('62515', TOKEN_A).call('tasks.getById', getTask())).rejects.toMatchObject({
      code: 'hubspot.bad-response',
      retryable: true,
    });
  });

  test('when a call returns 204, then it succeeds', async () => {
    nock(BASE).delete('/crm/v3/objects/tasks/512').reply(204);
    const { clients } = setup();
    await expect(clients.forPortal('62515', TOKEN_A).call('tasks.archive', (sdk) => sdk.crm.objects.tasks.basicApi.archive('512'))).resolves.toBeUndefined();
  });

  test('when a token fails, then the error says unauthorized and the logs name the call but hold no token', async () => {
    nock(BASE).get('/crm/v3/objects/tasks/512').query(true).reply(401, hubspotErrors.expiredToken.body, hubspotErrors.expiredToken.headers);
    nock(BASE).get('/crm/v3/objects/tasks/513').query(true).reply(200, taskBody);
    const { clients, lines } = setup();
    const client = clients.forPortal('62515', TOKEN_A);
    await expect(client.call('tasks.getById', getTask())).rejects.toMatchObject({ code: 'hubspot.unauthorized', retryable: false });
    await client.call('tasks.getById', getTask('513'));
    const logs = lines.join('');
    expect(logs).not.toContain(TOKEN_A);
    expect(logs).not.toContain('aaaaaaaa');
    expect(logs).toContain('"path":"/crm/v3/objects/tasks/512"');
    expect(logs).toContain('"operation":"tasks.getById"');
    expect(logs).toContain('"errorCode":"hubspot.unauthorized"');
    expect(logs).toContain('"msg":"hubspot call succeeded"');
  });

  test('when the same portal asks again with the same token, then the client is reused; with a new token, it is rebuilt', async () => {
    const { clients } = setup();
    const first = clients.forPortal('62515', TOKEN_A);
    expect(clients.forPortal('62515', TOKEN_A)).toBe(first);
    const refreshed = clients.forPortal('62515', TOKEN_B);
    expect(refreshed).not.toBe(first);
    const scope = nock(BASE, { reqheaders: { authorization: `Bearer ${TOKEN_B}` } }).get('/crm/v3/objects/tasks/512').query(true).reply(200, taskBody);
    await refreshed.call('tasks.getById', getTask());
    expect(scope.isDone()).toBe(true);
  });

  test('when calls go through one portal client, then the limiter counts them', async () => {
    nock(BASE).get('/crm/v3/objects/tasks/512').query(true).times(3).reply(200, taskBody);
    const { clients, limiter } = setup();
    const client = clients.forPortal('62515', TOKEN_A);
    for (let i = 0; i < 3; i += 1) await client.call('tasks.getById', getTask());
    expect(limiter.inspect('62515').inWindow).toBe(3);
  });
});
