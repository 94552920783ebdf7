import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { systemClock } from '../../../src/clock.ts';
import { AppError } from '../../../src/errors.ts';
import { createCrmSnapshotReader } from '../../../src/hubspot/crm-snapshot-reader.ts';
import type { HubSpotClients } from '../../../src/hubspot/hubspot-client.ts';
import type { SnapshotResult } from '../../../src/hubspot/ports.ts';
import { failingOperation, log, startHubSpotSandbox, TOKEN, type Started } from './hubspot-sandbox.ts';

let s: Started;
beforeAll(async () => { s = await startHubSpotSandbox(); });
afterAll(async () => { await s.close(); });
beforeEach(async () => {
  await s.control('DELETE', '/__sandbox/faults');
});

const truth = () => s.sandbox.groundTruth()!;
const reader = (clients: HubSpotClients = s.clients(), cacheTtlMs = 60_000) => createCrmSnapshotReader({ clients, log, clock: systemClock, cacheTtlMs });
const load = (ids: string[], clients?: HubSpotClients) => reader(clients).loadSnapshots(s.portalId, TOKEN, ids, Date.now());
const snapshotOf = (result: SnapshotResult | undefined) => {
  if (result === undefined || 'gone' in result) throw new Error(`expected a snapshot, got ${JSON.stringify(result)}`);
  return result;
};

describe('createCrmSnapshotReader against the sandbox', () => {
  it('when a seeded task with a deal is read, then task, contact, company, deal, engagements, owners and peers are filled', async () => {
    const taskId = truth().roboticTaskIds[0]!; // task 0: even index, so it has a deal
    const { snapshot, records } = snapshotOf((await load([taskId])).get(taskId));
    expect(snapshot.task).toMatchObject({ id: taskId, status: 'NOT_STARTED' });
    expect(snapshot.task.subject).toEqual(expect.any(String));
    expect(snapshot.task.properties).toHaveProperty('hs_object_source');
    expect(snapshot.task.properties).toHaveProperty('hs_task_sequence_step_enrollment_id');
    expect(snapshot.contacts.length).toBeGreaterThan(0);
    expect(snapshot.contacts[0]?.firstName).toEqual(expect.any(String));
    expect(snapshot.company?.industry).toEqual(expect.any(String));
    expect(snapshot.deals).toHaveLength(1);
    expect(snapshot.deals[0]?.stageLabel).toEqual(expect.any(String));
    expect(snapshot.deals[0]?.stageEnteredAt).toEqual(expect.any(Number));
    expect(snapshot.pipelines.map((p) => p.id)).toEqual([snapshot.deals[0]?.pipelineId]);
    expect(snapshot.engagements.length).toBeGreaterThan(0);
    const times = snapshot.engagements.map((e) => e.timestamp);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(snapshot.engagements.some((e) => e.type === 'EMAIL' && e.direction !== undefined)).toBe(true);
    expect(snapshot.owners.map((o) => o.id)).toContain(snapshot.task.ownerId);
    expect(snapshot.owners[0]?.teamName).toEqual(expect.any(String));
    expect(snapshot.peers.length).toBeGreaterThan(0);
    expect(snapshot.peers.every((p) => p.industry === snapshot.company?.industry && p.companyId !== snapshot.company?.id)).toBe(true);
    expect(snapshot.missing).toEqual([]);
    expect(records.map((r) => r.objectType).sort()).toEqual(['company', 'contact', 'deal']);
  });

  it('when a task is deleted, unknown or completed, then it is gone with the reason and the others still load', async () => {
    const [deleted, completed, kept] = truth().specificTaskIds.slice(10, 13) as [string, string, string];
    await s.control('DELETE', `/__sandbox/tasks/${deleted}`);
    await s.control('POST', `/__sandbox/tasks/${completed}/complete`);
    const results = await load([deleted, completed, '987654321', kept]);
    expect(results.get(deleted)).toEqual({ gone: 'deleted' });
    expect(results.get('987654321')).toEqual({ gone: 'deleted' });
    expect(results.get(completed)).toEqual({ gone: 'completed' });
    expect(snapshotOf(results.get(kept)).snapshot.task.id).toBe(kept);
  });

  it('when a task has no contact and no company, then both are reported not associated', async () => {
    const created = await s.control<{ id: string }>('POST', '/__sandbox/tasks', { subject: 'Follow up' });
    const { snapshot, records } = snapshotOf((await load([created.id])).get(created.id));
    expect(snapshot.missing).toEqual([{ part: 'contact', reason: 'not_associated' }, { part: 'company', reason: 'not_associated' }]);
    expect(snapshot.engagements).toEqual([]);
    expect(records).toEqual([]);
  });

  it('when a part fails permanently, then it is listed in missing and the rest of the snapshot is there', async () => {
    const taskId = truth().roboticTaskIds[2]!;
    const broken = failingOperation(failingOperation(s.clients(), 'pipelines.deals.getAll'), 'emails.batchRead', 'hubspot.not-found');
    const { snapshot } = snapshotOf((await load([taskId], broken)).get(taskId));
    expect(snapshot.missing).toEqual(expect.arrayContaining([{ part: 'pipelines', reason: 'no_access' }, { part: 'engagements', reason: 'read_failed' }]));
    expect(snapshot.contacts.length).toBeGreaterThan(0);
    expect(snapshot.company).toBeDefined();
  });

  it('when 20 tasks are read at once, then the whole batch costs a handful of calls, and fewer again from the cache', async () => {
    const ids = truth().roboticTaskIds.slice(0, 20);
    const shared = reader();
    await s.clearRequests();
    const first = await shared.loadSnapshots(s.portalId, TOKEN, ids, Date.now());
    const cold = await s.requests();
    expect([...first.values()].filter((r) => 'snapshot' in r)).toHaveLength(20);
    await s.clearRequests();
    await shared.loadSnapshots(s.portalId, TOKEN, ids, Date.now());
    const warm = await s.requests();
    process.stdout.write(`snapshot reads for 20 tasks: cold ${cold.total} calls (${(cold.total / 20).toFixed(2)}/task), warm ${warm.total} (${(warm.total / 20).toFixed(2)}/task)\n${JSON.stringify(cold.byEndpoint)}\n`);
    expect(cold.total).toBeLessThanOrEqual(30);
    expect(warm.total).toBeLessThan(cold.total);
  });

  it.each([
    ['429', { status: 429 }, 'hubspot.rate-limited'],
    ['503', { status: 503 }, 'hubspot.unavailable'],
    ['502 with HTML', { status: 502 }, 'hubspot.unavailable'],
    ['a dropped connection', { reset: true }, 'hubspot.network'],
  ])('when HubSpot answers %s, then the load fails with a retryable AppError', async (_name, fault, code) => {
    await s.control('POST', '/__sandbox/faults', { method: 'POST', path: '/crm/v4/associations/tasks/*', times: 1, ...fault });
    const error = await load([truth().roboticTaskIds[3]!]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code, retryable: true });
  });

  it('when HubSpot does not answer in time, then the load fails with a retryable timeout', async () => {
    await s.control('POST', '/__sandbox/faults', { method: 'POST', path: '/crm/v3/objects/tickets/batch/read', times: 1, hang: true });
    const error = await load([truth().roboticTaskIds[4]!], s.clients({ timeoutMs: 300 })).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'hubspot.timeout', retryable: true });
  });
});
