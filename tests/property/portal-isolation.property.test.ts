/**
 * Property (issue 8 item 4, RELIABILITY.md T12/§3.9): portal isolation over mixed-portal
 * batches. The sandbox's portals are seeded alike, so task and contact ids overlap across
 * portals: a lookup by id in the wrong portal would find a record, not fail. Random batches mixing tasks of three portals (shuffled, split at random, some events
 * duplicated) go through the real intake and worker with the sandbox. Every task gets exactly one
 * card, in its own portal, about its own portal's records; every HubSpot request the sandbox
 * logged was made with a token of a portal that had work in the run, and none answered 404 (a
 * read of another portal's id with this portal's token would).
 */
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { DEMO_SETTINGS } from '../../src/demo.ts';
import { createStaticTokenProvider } from '../../src/hubspot/token-provider.ts';
import { createCompositeTokenProvider } from '../../src/oauth/oauth-token-provider.ts';
import { DEFAULT_APP } from '../../src/sandbox/create-sandbox.ts';
import { createSettingsStore } from '../../src/settings/settings-store.ts';
import { startStack, type SandboxNote, type Stack } from '../e2e/stack.ts';
import { eventually } from '../helpers/eventually.ts';
import { registerSecret } from '../helpers/test-logger.ts';

interface TaskView { id: string; portalId: number; associations: { contacts: string[] } }
interface RequestLog { log: { path: string; status: number; portalId: number | null; at: number }[] }

const EXTRA = [{ portalId: 48_000_001, token: `iso-${randomBytes(12).toString('hex')}` }, { portalId: 48_000_002, token: `iso-${randomBytes(12).toString('hex')}` }];
EXTRA.forEach((portal) => registerSecret(portal.token));
let stack: Stack;
let portals: number[];

beforeAll(async () => {
  stack = await startStack({
    sandbox: { seed: true },
    tokens: (portalId, accessToken) => createCompositeTokenProvider([createStaticTokenProvider(portalId, accessToken),
      ...EXTRA.map((portal) => createStaticTokenProvider(String(portal.portalId), portal.token))]),
  });
  stack.sandbox.webhooks.setTarget(undefined); // this test is HubSpot's sender
  for (const portal of EXTRA) {
    stack.sandbox.addPortal({ portalId: portal.portalId, accessToken: portal.token, seed: true });
    await createSettingsStore(stack.db).save(String(portal.portalId), 0, DEMO_SETTINGS, { action: 'settings.update', target: 'isolation', actor: { via: 'system' }, changes: [] }, Date.now());
  }
  portals = [Number(stack.portalId), ...EXTRA.map((portal) => portal.portalId)];
}, 60_000);
afterAll(async () => { await stack?.close(); });

let nextEventId = 8_800_000;
const everCreated = new Set<string>();
const SUBJECTS = ['Follow up', 'Check in', 'Call', 'Touch base'];

test('when random batches mix tasks of three portals, then every card lands in its own portal and no request crosses portals', async () => {
  const contactsOf = new Map<number, string[]>();
  for (const portalId of portals) {
    const tasks = (await stack.control<{ results: TaskView[] }>(`/__sandbox/tasks?portalId=${portalId}`)).results;
    contactsOf.set(portalId, [...new Set(tasks.flatMap((task) => task.associations.contacts))]);
  }
  const run = fc.record({
    owners: fc.array(fc.integer({ min: 0, max: portals.length - 1 }), { minLength: 2, maxLength: 6 }),
    duplicate: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
    cuts: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 6, maxLength: 6 }),
    order: fc.array(fc.nat(), { minLength: 12, maxLength: 12 }),
  }).filter((r) => new Set(r.owners).size > 1);

  await fc.assert(fc.asyncProperty(run, async ({ owners, duplicate, cuts, order }) => {
    await fetch(`${stack.sandboxUrl}/__sandbox/requests`, { method: 'DELETE' });
    const created: { portalId: number; taskId: string; contact: string }[] = [];
    for (const [index, owner] of owners.entries()) {
      const portalId = portals[owner] ?? portals[0] ?? 0;
      const contact = contactsOf.get(portalId)?.[index % (contactsOf.get(portalId)?.length ?? 1)] ?? '';
      const task = await stack.control<TaskView>('/__sandbox/tasks', { method: 'POST', body: JSON.stringify({ portalId, subject: SUBJECTS[index % SUBJECTS.length], contactIds: [contact] }) });
      created.push({ portalId, taskId: task.id, contact });
    }
    const events = created.flatMap(({ portalId, taskId }, index) => {
      nextEventId += 1;
      const event = { eventId: nextEventId, subscriptionId: 3849711, portalId, appId: DEFAULT_APP.appId, occurredAt: Date.now(), subscriptionType: 'object.creation',
        attemptNumber: 0, objectId: Number(taskId), objectTypeId: '0-27', changeFlag: 'CREATED', changeSource: 'CRM_UI' };
      return duplicate[index] ? [event, { ...event, attemptNumber: 1 }] : [event];
    });
    const shuffled = events.map((event, index) => ({ event, key: order[index % order.length] ?? 0 })).sort((a, b) => a.key - b.key).map((entry) => entry.event);
    for (let at = 0, cut = 0; at < shuffled.length; cut += 1) {
      const size = cuts[cut % cuts.length] ?? 1;
      expect(await stack.deliver(shuffled.slice(at, at + size))).toBe(204);
      at += size;
    }

    const ids = created.map((task) => task.taskId);
    const cards = await eventually(
      () => stack.db.query<{ portal_id: string; task_id: string; status: string; records: unknown; hubspot_object_id: string | null }>(
        'select portal_id, task_id, status, records, hubspot_object_id from cards where task_id = any($1::text[])', [ids]),
      (rows) => created.every((task) => rows.some((row) => row.task_id === task.taskId && row.portal_id === String(task.portalId) && row.status === 'delivered')), 60_000);
    for (const task of created) {
      const mine = cards.filter((card) => card.task_id === task.taskId && card.portal_id === String(task.portalId));
      if (mine.length !== 1) {
        const skips = await stack.db.query('select portal_id, task_id, reason, detail from card_skips where task_id = any($1::text[])', [ids]);
        process.stdout.write(`isolation: ${JSON.stringify({ task, created, cards: cards.map((c) => [c.portal_id, c.task_id, c.status]), skips })}\n`);
      }
      expect(mine).toHaveLength(1);
      const records = (typeof mine[0]?.records === 'string' ? JSON.parse(mine[0].records) : mine[0]?.records) as { objectType: string; id: string }[];
      const contacts = contactsOf.get(task.portalId) ?? [];
      expect(records.filter((record) => record.objectType === 'contact').every((record) => contacts.includes(record.id))).toBe(true);
      const notes = (await stack.control<{ results: (SandboxNote & { portalId: number })[] }>(`/__sandbox/notes?portalId=${task.portalId}`)).results;
      const note = notes.find((candidate) => candidate.id === mine[0]?.hubspot_object_id);
      expect(note?.associations.some((link) => link.toObjectType === 'tasks' ? link.toObjectId === task.taskId : true)).toBe(true);
    }
    // Every card row in the store is for a (portal, task) pair some run created, once: none landed in a portal whose task it is not.
    for (const task of created) everCreated.add(`${task.portalId}:${task.taskId}`);
    const all = await stack.db.query<{ pair: string; n: number }>(`select portal_id || ':' || task_id as pair, count(*)::int as n from cards group by 1`);
    expect(all.filter((row) => !everCreated.has(row.pair) || row.n !== 1)).toEqual([]);
    const log = (await stack.control<RequestLog>('/__sandbox/requests')).log.filter((entry) => !entry.path.startsWith('/__sandbox'));
    const involved = new Set(created.map((task) => task.portalId));
    expect(log.every((entry) => entry.portalId !== null && involved.has(entry.portalId))).toBe(true);
    expect(log.filter((entry) => entry.status === 404)).toEqual([]);
  }), { numRuns: 5 });
}, 240_000);
