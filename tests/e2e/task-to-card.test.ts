/**
 * End to end through the sandbox and the real SDK: a task created in "HubSpot" → signed webhook
 * → intake → queue → batching worker → processTaskEvent → a note on the timeline with the
 * task's associations. And the demo portal: every robotic task gets one card, no specific one.
 */
import { eventually } from '../helpers/eventually.ts';
import { startStack, type SandboxNote, type Stack } from './stack.ts';

interface TaskView { id: string; associations: { contacts: string[]; companies: string[]; deals: string[] } }

const notes = (stack: Stack) => stack.control<{ results: SandboxNote[] }>('/__sandbox/notes').then((body) => body.results);

describe('task to card, end to end', () => {
  let stack: Stack;
  afterEach(async () => { await stack?.close(); });

  test('when a rep creates a robotic task, then one note appears associated with its contact, company and deal, carrying feedback links', async () => {
    stack = await startStack({ sandbox: { seed: true } });
    const seeded = (await stack.control<{ results: TaskView[] }>('/__sandbox/tasks')).results.find((task) => task.associations.deals.length > 0 && task.associations.companies.length > 0 && task.associations.contacts.length > 0);
    if (seeded === undefined) throw new Error('the seed has no task with a contact, company and deal');
    const { contacts, companies, deals } = seeded.associations;
    const created = await stack.control<TaskView>('/__sandbox/tasks', { method: 'POST', body: JSON.stringify({ subject: 'Follow up', contactIds: contacts.slice(0, 1), companyIds: companies.slice(0, 1), dealIds: deals.slice(0, 1) }) });

    const [note] = await eventually(() => notes(stack), (list) => list.length > 0);
    if (note === undefined) throw new Error('no note');
    // HubSpot-defined note associations: 202 note→contact, 190 note→company, 214 note→deal.
    const linked = note.associations.map((a) => `${a.associationTypeId}:${a.toObjectId}`);
    expect(linked).toEqual(expect.arrayContaining([`202:${contacts[0]}`, `190:${companies[0]}`, `214:${deals[0]}`]));
    expect(note.body).toContain(`${stack.serviceUrl}/feedback/`);
    const cards = await stack.db.query<{ task_id: string; status: string }>('select task_id, status from cards');
    expect(cards).toEqual([{ task_id: created.id, status: 'delivered' }]);

    // The feedback link works without a login, once.
    const href = /href="([^"]*\/feedback\/[^"]+)"/.exec(note.body)?.[1]?.replace(/&amp;/g, '&');
    expect((await fetch(href ?? 'http://127.0.0.1:1/')).status).toBe(200);
    expect(await stack.db.query('select action from card_feedback')).toHaveLength(1);
  });

  test('when the demo portal replays its seeded tasks in batches of 20, then every robotic task gets exactly one card and no specific task gets one, every carded task has exactly one note, every task decision is recorded, and calls per card are reported', async () => {
    stack = await startStack({ sandbox: { seed: true, webhook: { batchSize: 20 } } });
    const truth = stack.sandbox.groundTruth();
    if (truth === undefined) throw new Error('no ground truth');
    await fetch(`${stack.sandboxUrl}/__sandbox/requests`, { method: 'DELETE' });
    await stack.control('/__sandbox/webhooks/replay-seed', { method: 'POST' });
    const settled = async () => {
      const [cards, skips] = await Promise.all([
        stack.db.query<{ task_id: string; status: string }>('select task_id, status from cards'),
        stack.db.query<{ task_id: string; reason: string }>('select task_id, reason from card_skips'),
      ]);
      return { cards, skips, decided: new Set([...cards.filter((c) => c.status === 'delivered').map((c) => c.task_id), ...skips.map((s) => s.task_id)]).size };
    };
    const { cards, skips } = await eventually(settled, (state) => state.decided >= truth.roboticTaskIds.length + truth.specificTaskIds.length, 90_000);
    const carded = new Set(cards.map((card) => card.task_id));
    const robotic = new Set(truth.roboticTaskIds);
    const truePositives = [...carded].filter((id) => robotic.has(id)).length;
    const precision = carded.size === 0 ? 0 : truePositives / carded.size;
    const recall = truePositives / robotic.size;
    const noteList = await notes(stack);
    const requests = await stack.control<{ total: number; byEndpoint: Record<string, number>; byStatus: Record<string, number> }>('/__sandbox/requests');
    const callsPerCard = requests.total / Math.max(1, noteList.length);
    const callsPerTask = requests.total / (robotic.size + truth.specificTaskIds.length);
    process.stdout.write(`demo portal: ${robotic.size} robotic, ${truth.specificTaskIds.length} specific; cards ${carded.size} (precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}); `
      + `skips ${JSON.stringify(Object.fromEntries(Object.entries(Object.groupBy(skips, (s) => s.reason)).map(([k, v]) => [k, v?.length])))}; `
      + `HubSpot calls ${requests.total} for ${noteList.length} notes = ${callsPerCard.toFixed(2)} per delivered card, ${callsPerTask.toFixed(2)} per task event; ${JSON.stringify(requests.byEndpoint)} ${JSON.stringify(requests.byStatus)}\n`);
    expect(noteList).toHaveLength(carded.size); // exactly one note per card
    expect(cards.length).toBe(carded.size); // one card row per task
    // Every seeded task got a decision, recorded: every robotic task exactly one card, no specific one.
    expect(precision).toBe(1);
    expect(recall).toBe(1);
    expect(callsPerTask).toBeLessThanOrEqual(4);
  }, 120_000);

  test('when 20 robotic task events arrive in one batch, then 20 cards are delivered with at most 4 HubSpot calls per card on average', async () => {
    stack = await startStack({ sandbox: { seed: true } });
    stack.sandbox.webhooks.setTarget(undefined); // one signed batch of 20, delivered below
    const contacts = [...new Set((await stack.control<{ results: TaskView[] }>('/__sandbox/tasks')).results.flatMap((task) => task.associations.contacts))].slice(0, 20);
    const subjects = ['Follow up', 'Check in', 'Touch base', 'Call'];
    const ids: string[] = [];
    for (const [index, contact] of contacts.entries()) {
      ids.push((await stack.control<TaskView>('/__sandbox/tasks', { method: 'POST', body: JSON.stringify({ subject: subjects[index % subjects.length], contactIds: [contact] }) })).id);
    }
    await fetch(`${stack.sandboxUrl}/__sandbox/requests`, { method: 'DELETE' });
    const now = Date.now();
    expect(await stack.deliver(ids.map((id, index) => ({ eventId: 8_100_000 + index, subscriptionId: 3849711, portalId: Number(stack.portalId), appId: 4_242_001,
      occurredAt: now, subscriptionType: 'object.creation', attemptNumber: 0, objectId: Number(id), objectTypeId: '0-27', changeFlag: 'CREATED',
      changeSource: 'CRM_UI', sourceId: 'userId:5100001', isSensitive: false })))).toBe(204);
    const delivered = await eventually(() => notes(stack), (list) => list.length === ids.length, 60_000);
    const requests = await stack.control<{ total: number; byEndpoint: Record<string, number> }>('/__sandbox/requests');
    const perCard = requests.total / delivered.length;
    process.stdout.write(`batch of 20: ${requests.total} HubSpot calls for ${delivered.length} cards = ${perCard.toFixed(2)} per card; ${JSON.stringify(requests.byEndpoint)}\n`);
    expect(perCard).toBeLessThanOrEqual(4);
  }, 90_000);
});
