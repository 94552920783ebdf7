/**
 * Issue 14's invariant over the whole pipeline (sandbox, real SDK, PGlite, pg-boss, the batching
 * worker): once the pipeline settles, every stored task event has exactly one of card delivered /
 * card pending / skip with reason / dead letter / parked, on the normal path, under the fault
 * catalogue's HubSpot errors (rows 38–40, 43–44) and for a portal the service holds no
 * credentials for (recorded as `portal-unknown`, never `done`).
 */
import { DEFAULT_APP } from '../../src/sandbox/create-sandbox.ts';
import { eventually } from '../helpers/eventually.ts';
import { readEventOutcomes, settled, violations, type EventOutcome } from '../helpers/event-outcomes.ts';
import { startStack, type Stack } from './stack.ts';

interface TaskView { id: string; associations: { contacts: string[] } }

let stack: Stack;
afterEach(async () => { await stack?.close(); });

async function someContact(s: Stack): Promise<string> {
  const tasks = (await s.control<{ results: TaskView[] }>('/__sandbox/tasks')).results;
  const contact = tasks.flatMap((task) => task.associations.contacts)[0];
  if (contact === undefined) throw new Error('no seeded contact');
  return contact;
}

const createTask = async (s: Stack, subject: string, contactId: string) =>
  (await s.control<TaskView>('/__sandbox/tasks', { method: 'POST', body: JSON.stringify({ subject, contactIds: [contactId] }) })).id;

const addFault = (s: Stack, fault: Record<string, unknown>) => s.control('/__sandbox/faults', { method: 'POST', body: JSON.stringify(fault) });

let nextEventId = 9_100_000;
function creation(portalId: number, objectId: string) {
  nextEventId += 1;
  return { eventId: nextEventId, subscriptionId: 3849711, portalId, appId: DEFAULT_APP.appId, occurredAt: Date.now(), subscriptionType: 'object.creation',
    attemptNumber: 0, objectId: Number(objectId), objectTypeId: '0-27', changeFlag: 'CREATED', changeSource: 'CRM_UI', sourceId: 'userId:5100001', isSensitive: false };
}

/** Waits until no event has a job left, then returns every event's outcomes. */
async function settledOutcomes(s: Stack, events: number, ms = 60_000): Promise<EventOutcome[]> {
  return eventually(async () => (await readEventOutcomes(s.db)).map((row) => ({ ...row, eventKey: row.eventKey.slice(0, 8) })), (rows) => rows.length >= events && settled(rows), ms);
}

const kinds = (rows: readonly EventOutcome[]) => [...new Set(rows.flatMap((row) => row.outcomes))].sort();

test('when robotic and specific tasks, a deleted task and another portal\'s events meet 429s, 5xx and a reset, then every event has exactly one outcome', async () => {
  stack = await startStack({ sandbox: { seed: true } });
  const contact = await someContact(stack);
  for (const fault of [
    { path: '/crm/v3/objects/tasks/batch/read', status: 429, times: 2 },
    { path: '/crm/v4/associations/*', status: 502, times: 1 },
    { method: 'POST', path: '/crm/v3/objects/notes', status: 503, times: 2 },
    { method: 'POST', path: '/crm/v3/objects/notes', reset: true, times: 1 },
  ]) await addFault(stack, fault);
  const robotic = [await createTask(stack, 'Follow up', contact), await createTask(stack, 'Check in', contact), await createTask(stack, 'Touch base', contact)];
  await createTask(stack, 'Send Jane the revised SOW with the two pricing options she asked for on Tuesday', contact);
  const deleted = await createTask(stack, 'Follow up again', contact);
  await stack.control(`/__sandbox/tasks/${deleted}`, { method: 'DELETE' });
  // Another app's portal (or one that uninstalled): the service has no credentials for it.
  expect(await stack.deliver([creation(987_654, '41000001'), creation(987_654, '41000002')])).toBe(204);

  // Five tasks and two foreign events; the deleted task may get its creation, its deletion or both.
  const rows = await settledOutcomes(stack, 7);
  expect(violations(rows)).toEqual([]);
  const unknown = rows.filter((row) => row.objectId.startsWith('4100000'));
  expect(unknown.map((row) => row.skipReasons)).toEqual([['portal-unknown'], ['portal-unknown']]);
  expect(rows.filter((row) => robotic.includes(row.objectId)).map((row) => row.outcomes)).toEqual([['card-delivered'], ['card-delivered'], ['card-delivered']]);
  expect(kinds(rows)).toEqual(['card-delivered', 'skip']);
  const requests = await stack.control<{ log: { path: string }[] }>('/__sandbox/requests');
  expect(requests.log.some((entry) => entry.path.includes('987654'))).toBe(false);
}, 120_000);

test('when HubSpot keeps answering 503 to every note, then each robotic task\'s event is a dead letter (its card pending), never silent', async () => {
  stack = await startStack({ sandbox: { seed: true }, attempts: 2 });
  const contact = await someContact(stack);
  await addFault(stack, { method: 'POST', path: '/crm/v3/objects/notes', status: 503, times: 0 });
  await createTask(stack, 'Follow up', contact);
  await createTask(stack, 'Check in', contact);
  const rows = await settledOutcomes(stack, 2);
  expect(violations(rows)).toEqual([]);
  expect(rows.map((row) => row.outcomes)).toEqual([['dead-letter'], ['dead-letter']]);
  expect(await stack.db.query('select status from cards')).toEqual([{ status: 'pending' }, { status: 'pending' }]);
}, 120_000);

test('when the token is revoked, then every event is parked, and a later event of another portal is still skipped as portal-unknown', async () => {
  stack = await startStack({ sandbox: { seed: true } });
  const contact = await someContact(stack);
  await stack.control(`/__sandbox/portals/${stack.portalId}/uninstall`, { method: 'POST' });
  await createTask(stack, 'Follow up', contact);
  await createTask(stack, 'Check in', contact);
  expect(await stack.deliver([creation(987_655, '42000001')])).toBe(204);
  const rows = await settledOutcomes(stack, 3);
  expect(violations(rows)).toEqual([]);
  expect(rows.map((row) => row.outcomes[0]).sort()).toEqual(['parked', 'parked', 'skip']);
}, 60_000);
