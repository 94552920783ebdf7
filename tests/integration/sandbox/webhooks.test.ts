import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from '@jest/globals';
import { verifyV3 } from '../../../src/webhooks/signature.ts';
import { startSandbox, type Started } from './start-sandbox.ts';

interface Received { headers: IncomingMessage['headers']; body: string; events: Array<Record<string, unknown>> }

/** A loopback receiver; `answer` decides each response (status, or 'hang'). */
async function startReceiver(answer: (n: number) => number | 'hang' = () => 204, delayMs = 0) {
  const received: Received[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const server: Server = createServer((req, res) => {
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      received.push({ headers: req.headers, body, events: JSON.parse(body) as Array<Record<string, unknown>> });
      const outcome = answer(received.length);
      setTimeout(() => {
        inFlight -= 1;
        if (outcome === 'hang') return;
        res.statusCode = outcome;
        res.end();
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/hubspot?source=sandbox`;
  return { url, received, maxInFlight: () => maxInFlight, close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }) };
}

let s: Started | undefined;
let receiver: Awaited<ReturnType<typeof startReceiver>> | undefined;
afterEach(async () => { await s?.close(); await receiver?.close(); });

const fast = { retryDelaysMs: [10, 10, 10, 10, 10, 10, 10, 10, 10, 10], timeoutMs: 300 };

async function createTask(url: string, body: Record<string, unknown>): Promise<{ id: string }> {
  const response = await fetch(`${url}/__sandbox/tasks`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(response.status).toBe(201);
  return await response.json() as { id: string };
}

describe('sandbox webhooks', () => {
  it('when a task is created, then an object.creation batch arrives signed v3 (verified by the service\'s verifier) with v1 headers', async () => {
    receiver = await startReceiver();
    s = await startSandbox({ webhookTarget: receiver.url, webhook: fast });
    const task = await createTask(s.url, { subject: 'Follow up', contactIds: ['10028'], source: 'sequence' });
    await s.sandbox.webhooks.idle();
    const [delivery] = receiver.received;
    expect(delivery?.events).toEqual([expect.objectContaining({
      subscriptionType: 'object.creation', objectTypeId: '0-27', objectId: Number(task.id), portalId: s.sandbox.portalId,
      appId: 4_242_001, attemptNumber: 0, changeSource: 'SEQUENCES', subscriptionId: 1001, eventId: expect.any(Number), occurredAt: expect.any(Number),
    })]);
    const headers = delivery!.headers;
    const verdict = verifyV3({
      secrets: ['sandbox-client-secret'], method: 'POST', uri: receiver.url, body: Buffer.from(delivery!.body),
      signature: headers['x-hubspot-signature-v3'] as string, timestamp: headers['x-hubspot-request-timestamp'] as string, now: Date.now(),
    });
    expect(verdict).toEqual({ ok: true, secretIndex: 0 });
    expect(headers['x-hubspot-signature']).toBe(createHash('sha256').update(`sandbox-client-secret${delivery!.body}`).digest('hex'));
    expect(headers['x-hubspot-signature-version']).toBe('v1');
  });

  it('when the app patches a task\'s subject, then an object.propertyChange event names the property and value', async () => {
    receiver = await startReceiver();
    s = await startSandbox({ webhookTarget: receiver.url, webhook: fast, rateLimits: false });
    const id = s.sandbox.groundTruth()!.roboticTaskIds[0]!;
    await s.client.crm.objects.tasks.basicApi.update(id, { properties: { hs_task_subject: 'Ask Jane what changed', hs_task_priority: 'HIGH' } });
    await s.sandbox.webhooks.idle();
    expect(receiver.received.flatMap((r) => r.events)).toEqual([expect.objectContaining({
      subscriptionType: 'object.propertyChange', propertyName: 'hs_task_subject', propertyValue: 'Ask Jane what changed', objectId: Number(id), changeSource: 'INTEGRATION',
    })]);
  });

  it('when the target fails twice with 500, then the batch is retried with attemptNumber 1 and 2 and a fresh valid signature', async () => {
    receiver = await startReceiver((n) => (n <= 2 ? 500 : 204));
    s = await startSandbox({ webhookTarget: receiver.url, webhook: fast });
    await createTask(s.url, { subject: 'Touch base' });
    await s.sandbox.webhooks.idle();
    expect(receiver.received.map((r) => r.events[0]?.attemptNumber)).toEqual([0, 1, 2]);
    const last = receiver.received[2]!;
    expect(verifyV3({ secrets: ['sandbox-client-secret'], method: 'POST', uri: receiver.url, body: Buffer.from(last.body), signature: last.headers['x-hubspot-signature-v3'] as string, timestamp: last.headers['x-hubspot-request-timestamp'] as string, now: Date.now() }).ok).toBe(true);
  });

  it('when the target does not answer within the timeout, then the batch is retried until the retry schedule runs out, then dropped', async () => {
    receiver = await startReceiver(() => 'hang');
    s = await startSandbox({ webhookTarget: receiver.url, webhook: { retryDelaysMs: [5, 5], timeoutMs: 100 } });
    await createTask(s.url, { subject: 'Check in' });
    await s.sandbox.webhooks.idle();
    expect(s.sandbox.webhooks.attempts().map((a) => a.outcome)).toEqual(['timeout', 'timeout', 'timeout']);
    expect(receiver.received.map((r) => r.events[0]?.attemptNumber)).toEqual([0, 1, 2]);
  });

  it('when 250 tasks change in one tick, then batches hold at most 100 events and at most 10 requests are in flight', async () => {
    receiver = await startReceiver(() => 204, 30);
    s = await startSandbox({ webhookTarget: receiver.url, webhook: { ...fast, batchSize: 100 } });
    const portal = s.sandbox.state.portal();
    const tasks = [...(portal.records.get('tasks')?.values() ?? [])];
    for (let i = 0; i < 250; i += 1) s.sandbox.webhooks.onChange(portal, tasks[i % tasks.length]!, { kind: 'creation' }, { changeSource: 'CRM_UI', sourceId: 'userId:1' });
    await s.sandbox.webhooks.idle();
    expect(receiver.received.map((r) => r.events.length)).toEqual([100, 100, 50]);

    receiver.received.length = 0;
    s.sandbox.webhooks.close();
    await s.close();
    s = await startSandbox({ webhookTarget: receiver.url, webhook: { ...fast, batchSize: 1 } });
    const portal2 = s.sandbox.state.portal();
    for (const task of [...(portal2.records.get('tasks')?.values() ?? [])].slice(0, 40)) s.sandbox.webhooks.onChange(portal2, task, { kind: 'creation' }, { changeSource: 'CRM_UI', sourceId: 'userId:1' });
    await s.sandbox.webhooks.idle();
    expect(receiver.received).toHaveLength(40);
    expect(receiver.maxInFlight()).toBeLessThanOrEqual(10);
    expect(receiver.maxInFlight()).toBeGreaterThan(1);
  });
});
