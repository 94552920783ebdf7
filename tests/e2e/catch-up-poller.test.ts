/**
 * The catch-up poller through the sandbox's CRM search: tasks whose webhooks never arrived get
 * their card, and a task that arrives both ways (poll and webhook) still gets exactly one.
 */
import { eventually } from '../helpers/eventually.ts';
import { startStack, type SandboxNote, type Stack } from './stack.ts';

interface TaskView { id: string; associations: { contacts: string[] } }

let stack: Stack;
afterEach(async () => { await stack?.close(); });

test('when webhooks were missed, then the poller finds the changed tasks, and a later webhook for the same task adds no second card', async () => {
  stack = await startStack({ sandbox: { seed: true } });
  stack.sandbox.webhooks.setTarget(undefined); // downtime: HubSpot's webhooks go nowhere
  const contact = (await stack.control<{ results: TaskView[] }>('/__sandbox/tasks')).results.flatMap((task) => task.associations.contacts)[0];
  const before = await stack.db.query<{ n: number }>('select count(*)::int as n from webhook_events');
  const ids: string[] = [];
  for (const subject of ['Follow up', 'Check in']) {
    ids.push((await stack.control<TaskView>('/__sandbox/tasks', { method: 'POST', body: JSON.stringify({ subject, contactIds: [contact] }) })).id);
  }
  await fetch(`${stack.sandboxUrl}/__sandbox/requests`, { method: 'DELETE' });
  const enqueued = await stack.poller.pollOnce();
  expect(enqueued).toBeGreaterThanOrEqual(2);
  const searches = await stack.control<{ byEndpoint: Record<string, number> }>('/__sandbox/requests');
  expect(searches.byEndpoint['POST /crm/v3/objects/:objectType/search']).toBeGreaterThanOrEqual(1);
  const cards = await eventually(() => stack.db.query<{ task_id: string }>("select task_id from cards where status = 'delivered'"), (rows) => ids.every((id) => rows.some((row) => row.task_id === id)));
  expect(cards.filter((row) => ids.includes(row.task_id))).toHaveLength(2);
  expect(before[0]?.n).toBe(0);

  // The same changes polled again are the same events: nothing new is enqueued.
  expect(await stack.poller.pollOnce()).toBe(0);
  // The webhook finally arrives: the step key (one card per task) keeps it at one card.
  stack.sandbox.webhooks.setTarget(`${stack.serviceUrl}/webhooks/hubspot`);
  const now = Date.now();
  expect(await stack.deliver(ids.map((id, index) => ({ eventId: 9_100_000 + index, subscriptionId: 3849711, portalId: Number(stack.portalId), appId: 4_242_001,
    occurredAt: now, subscriptionType: 'object.creation', attemptNumber: 0, objectId: Number(id), objectTypeId: '0-27', changeFlag: 'CREATED',
    changeSource: 'CRM_UI', sourceId: 'userId:5100001', isSensitive: false })))).toBe(204);
  await eventually(() => stack.db.query("select 1 from card_skips where reason = 'task-already-carded'"), (rows) => rows.length === 2);
  const notes = (await stack.control<{ results: SandboxNote[] }>('/__sandbox/notes')).results;
  const rows = await stack.db.query<{ task_id: string }>('select task_id from cards where task_id = any($1::text[])', [ids]);
  expect(rows).toHaveLength(2);
  expect(notes.length).toBe((await stack.db.query("select 1 from cards where status = 'delivered'")).length);
}, 60_000);
