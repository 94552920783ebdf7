/**
 * End to end under trouble (RELIABILITY.md rows 39, 43–44 and the duplicate/ordering rows):
 * duplicated and reordered events, tasks deleted or completed before processing, 429 storms
 * and 5xx, and a revoked token, all through the sandbox and the real SDK.
 */
import { DEFAULT_APP } from '../../src/sandbox/create-sandbox.ts';
import { TASK_EVENTS_QUEUE } from '../../src/store/boss-queue.ts';
import { eventually } from '../helpers/eventually.ts';
import { startStack, type SandboxNote, type Stack } from './stack.ts';

interface TaskView { id: string; associations: { contacts: string[] } }
interface RequestLog { total: number; byStatus: Record<string, number>; log: { path: string; status: number }[] }

let stack: Stack;
afterEach(async () => { await stack?.close(); });

const notes = async (s: Stack) => (await s.control<{ results: SandboxNote[] }>('/__sandbox/notes')).results;
const cardRows = (s: Stack) => s.db.query<{ task_id: string; status: string }>('select task_id, status from cards order by task_id');

async function someContact(s: Stack): Promise<string> {
  const tasks = (await s.control<{ results: TaskView[] }>('/__sandbox/tasks')).results;
  const contact = tasks.flatMap((task) => task.associations.contacts)[0];
  if (contact === undefined) throw new Error('no seeded contact');
  return contact;
}

/**
 * The sandbox's request log once it has stopped growing for 500 ms: the log counts a request when
 * its answer is sent, and a paused portal's abandoned requests are answered after it parks its jobs.
 */
async function quietRequests(s: Stack): Promise<RequestLog> {
  let total = -1;
  let since = Date.now();
  return eventually(() => s.control<RequestLog>('/__sandbox/requests'), (log) => {
    if (log.total !== total) { total = log.total; since = Date.now(); }
    return Date.now() - since >= 500;
  });
}

async function createTask(s: Stack, subject: string, contactId: string): Promise<string> {
  return (await s.control<TaskView>('/__sandbox/tasks', { method: 'POST', body: JSON.stringify({ subject, contactIds: [contactId] }) })).id;
}

let nextEventId = 7_000_000;
function event(s: Stack, objectId: string, subscriptionType: string, occurredAt: number, extra: Record<string, unknown> = {}) {
  nextEventId += 1;
  return { eventId: nextEventId, subscriptionId: 3849711, portalId: Number(s.portalId), appId: DEFAULT_APP.appId, occurredAt, subscriptionType,
    attemptNumber: 0, objectId: Number(objectId), objectTypeId: '0-27', changeFlag: subscriptionType === 'object.creation' ? 'CREATED' : undefined,
    changeSource: 'CRM_UI', sourceId: 'userId:5100001', isSensitive: false, ...extra };
}

test('when the same task arrives duplicated, reordered and as our own INTEGRATION change, then it gets exactly one card', async () => {
  stack = await startStack({ sandbox: { seed: true } });
  stack.sandbox.webhooks.setTarget(undefined); // the test delivers the events itself
  const taskId = await createTask(stack, 'Follow up', await someContact(stack));
  const t = Date.now();
  const creation = event(stack, taskId, 'object.creation', t);
  const change = event(stack, taskId, 'object.propertyChange', t + 50, { propertyName: 'hs_task_subject', propertyValue: 'Follow up' });
  const ours = event(stack, taskId, 'object.propertyChange', t + 90, { propertyName: 'hs_task_body', propertyValue: 'x', changeSource: 'INTEGRATION' });
  expect(await stack.deliver([change, creation, creation])).toBe(204);
  expect(await stack.deliver([creation, change])).toBe(204); // HubSpot's retry of the same events
  await eventually(() => cardRows(stack), (rows) => rows.some((row) => row.status === 'delivered'));
  expect(await stack.deliver([ours, event(stack, taskId, 'object.creation', t - 1000)])).toBe(204);
  // A late duplicate would have been run by now: nothing is left to process.
  await eventually(async () => { const jobs = await stack.queue.countJobs(TASK_EVENTS_QUEUE); return !jobs.created && !jobs.retry && !jobs.active; });
  expect(await cardRows(stack)).toEqual([{ task_id: taskId, status: 'delivered' }]);
  expect(await notes(stack)).toHaveLength(1);
}, 40_000);

test('when tasks are deleted or completed before their events are processed, then they are skipped with their reason, not failed', async () => {
  stack = await startStack({ sandbox: { seed: true } });
  stack.sandbox.webhooks.setTarget(undefined);
  const contact = await someContact(stack);
  const [deleted, completed, deletedEvent] = [await createTask(stack, 'Follow up', contact), await createTask(stack, 'Check in', contact), await createTask(stack, 'Touch base', contact)];
  await stack.control(`/__sandbox/tasks/${deleted}`, { method: 'DELETE' });
  await stack.control(`/__sandbox/tasks/${completed}/complete`, { method: 'POST' });
  const t = Date.now();
  // The deletion event overtakes the creation event of the third task.
  expect(await stack.deliver([event(stack, deleted, 'object.creation', t), event(stack, completed, 'object.creation', t),
    event(stack, deletedEvent, 'object.deletion', t + 10), event(stack, deletedEvent, 'object.creation', t)])).toBe(204);
  const skips = await eventually(
    () => stack.db.query<{ task_id: string; reason: string }>('select task_id, reason from card_skips order by task_id, reason'),
    (rows) => new Set(rows.map((row) => row.task_id)).size === 3,
  );
  expect(Object.fromEntries(skips.map((row) => [row.task_id, row.reason]))).toEqual({ [deleted]: 'task-deleted', [completed]: 'task-completed', [deletedEvent]: 'task-deleted' });
  expect(await notes(stack)).toHaveLength(0);
  expect(await stack.queue.countJobs('task-events-dead')).toEqual({});
}, 40_000);

test('when HubSpot answers a 429 storm and 5xx, then every card is eventually delivered once', async () => {
  stack = await startStack({ sandbox: { seed: true } });
  const contact = await someContact(stack);
  for (const fault of [
    { path: '/crm/v3/objects/tasks/batch/read', status: 429, times: 2, policyName: 'SECONDLY' },
    { path: '/crm/v4/associations/*', status: 502, times: 1 },
    { method: 'POST', path: '/crm/v3/objects/notes', status: 503, times: 2 },
  ]) await stack.control('/__sandbox/faults', { method: 'POST', body: JSON.stringify(fault) });
  const ids = [await createTask(stack, 'Follow up', contact), await createTask(stack, 'Call', contact), await createTask(stack, 'Check in', contact)];
  const rows = await eventually(() => cardRows(stack), (list) => list.length === 3 && list.every((row) => row.status === 'delivered'), 80_000);
  expect(rows.map((row) => row.task_id).sort()).toEqual([...ids].sort());
  expect(await notes(stack)).toHaveLength(3);
  const log = await stack.control<RequestLog>('/__sandbox/requests');
  expect(log.byStatus['429']).toBe(2);
  expect((log.byStatus['502'] ?? 0) + (log.byStatus['503'] ?? 0)).toBe(3);
}, 100_000);

test('when the token is revoked, then the portal is paused with its jobs parked after one 401, and later events make no HubSpot call', async () => {
  stack = await startStack({ sandbox: { seed: true } });
  const contact = await someContact(stack);
  await stack.control(`/__sandbox/portals/${stack.portalId}/uninstall`, { method: 'POST' });
  await fetch(`${stack.sandboxUrl}/__sandbox/requests`, { method: 'DELETE' });
  await createTask(stack, 'Follow up', contact);
  await createTask(stack, 'Check in', contact);
  await eventually(() => stack.ledger.parkedCount(stack.portalId), (n) => n === 2);
  expect(await stack.ledger.isPaused(stack.portalId)).toBe(true);
  // One snapshot read: its first parallel wave (task batch read, associations, owners, pipelines)
  // meets the 401; the static token cannot refresh, so the portal pauses. No retry, no loop.
  const first = await quietRequests(stack);
  expect(Object.keys(first.byStatus)).toEqual(['401']);
  expect(first.total).toBeLessThanOrEqual(8);
  await createTask(stack, 'Touch base', contact);
  await eventually(() => stack.ledger.parkedCount(stack.portalId), (n) => n === 3);
  expect((await quietRequests(stack)).total).toBe(first.total);
  expect(await notes(stack)).toHaveLength(0);
}, 40_000);
