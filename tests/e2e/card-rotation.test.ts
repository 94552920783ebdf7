/**
 * Rotation through the real card ledger (issue 17): one client gets robotic task after robotic task,
 * each through signed webhook → intake → queue → worker → note, and each card is decided from what
 * the ledger stored for the earlier ones (the client's last 3 cards, the rep's last 20). No headline
 * or question template comes back within the client's last 3 cards, and the cards do not all open
 * the same way (without the ledger's history the composer would pick the same headline every time).
 */
import { DEFAULT_APP } from '../../src/sandbox/create-sandbox.ts';
import { eventually } from '../helpers/eventually.ts';
import { startStack, type Stack } from './stack.ts';

interface TaskView { id: string; properties: Record<string, string | null>; associations: { contacts: string[] } }
interface StoredCard { headline: { templateId: string }; questions: { templateId: string }[] }
interface CardRow { task_id: string; status: string; owner_id: string | null; content: StoredCard }

let stack: Stack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

let nextEventId = 9_700_000;
function creation(s: Stack, taskId: string) {
  nextEventId += 1;
  return { eventId: nextEventId, subscriptionId: 3849711, portalId: Number(s.portalId), appId: DEFAULT_APP.appId, occurredAt: Date.now(), subscriptionType: 'object.creation',
    attemptNumber: 0, objectId: Number(taskId), objectTypeId: '0-27', changeSource: 'CRM_UI', sourceId: 'userId:5100001', isSensitive: false };
}

const cardRows = (s: Stack) => s.db.query<CardRow>('select task_id, status, owner_id, content from cards order by created_at, task_id');

test('when one client gets six robotic tasks in a row, then no card repeats a headline or question template from the client\'s previous three, as the ledger stored them', async () => {
  const s = stack = await startStack({ sandbox: { seed: true } });
  s.sandbox.webhooks.setTarget(undefined); // the test sends the signed webhooks itself, one task at a time
  const seeded = (await s.control<{ results: TaskView[] }>('/__sandbox/tasks')).results;
  const contact = seeded.flatMap((task) => task.associations.contacts)[0];
  if (contact === undefined) throw new Error('the seed has no contact');
  const subjects = ['Follow up', 'Check in', 'Touch base', 'Quick follow up', 'Follow up again', 'Check in again'];
  for (const [index, subject] of subjects.entries()) {
    const task = await s.control<TaskView>('/__sandbox/tasks', { method: 'POST', body: JSON.stringify({ subject, body: '', contactIds: [contact] }) });
    expect(await s.deliver([creation(s, task.id)])).toBe(204);
    // The next task is decided only once this card is in the ledger.
    await eventually(() => cardRows(s), (rows) => rows.filter((row) => row.status === 'delivered').length === index + 1);
  }
  const rows = await cardRows(s);
  expect(rows).toHaveLength(subjects.length);
  expect(new Set(rows.map((row) => row.owner_id)).size).toBe(1); // one rep: the rep's history is in play too
  const ids = rows.map((row) => [row.content.headline.templateId, ...row.content.questions.map((q) => q.templateId)]);
  ids.forEach((card, i) => {
    const earlier = new Set(ids.slice(Math.max(0, i - 3), i).flat());
    expect({ card: i, repeated: card.filter((id) => earlier.has(id)) }).toEqual({ card: i, repeated: [] });
  });
  expect(new Set(rows.map((row) => row.content.headline.templateId)).size).toBeGreaterThanOrEqual(4);
}, 120_000);
