/**
 * The timeline-v3, app-event and task-body delivery channels end to end: signed task webhooks →
 * intake → queue → worker → a timeline event (after provisioning the template as `npm run
 * provision` does) or an app event in the sandbox, read back through `/__sandbox/timeline-events`,
 * or the card appended to the task's own body. Duplicated webhooks, a later change to the task
 * (for task-body, the change our own write makes), and a retry after HubSpot wrote the event but
 * its answer was lost all leave exactly one card per robotic task.
 */
import { cardMarker } from '../../src/hubspot/card-marker.ts';
import { runProvision } from '../../scripts/provision.ts';
import { DEMO_SETTINGS } from '../../src/demo.ts';
import { DEFAULT_APP } from '../../src/sandbox/create-sandbox.ts';
import type { DeliverySettings } from '../../src/settings/portal-settings.ts';
import { createSettingsStore } from '../../src/settings/settings-store.ts';
import { eventually } from '../helpers/eventually.ts';
import { startAnswerLosingProxy, type AnswerLosingProxy } from './answer-losing-proxy.ts';
import { startStack, type SandboxNote, type Stack } from './stack.ts';

interface TaskView { id: string; properties: Record<string, string | null>; associations: { contacts: string[] } }
interface TimelineEvent { kind: string; id: string; eventTemplateId?: string; eventTypeName?: string; objectType: string; objectId: string; tokens: Record<string, string>; extraData?: unknown }
interface CardRow { card_id: string; task_id: string; rule_id: string; status: string; channel: string; hubspot_object_id: string | null; publish_attempts: number; content: StoredContent }
interface StoredContent { headline: { text: string }; why: { text: string }; questions: { text: string; lens: string }[] }
interface ExtraData { questions: { text: string; lens: string }[]; feedback?: { label: string; url: string }[] }

type Channel = 'timeline-v3' | 'app-event';
const APP_EVENT_TYPE = `ae${DEFAULT_APP.appId}_reflection_contacts`;
/** CRM text a rep's colleague could type into a company or contact name. */
const EVIL = '</p><script>alert(1)</script>[x](javascript:alert(2)){{headline}}';

let stack: Stack | undefined;
let proxy: AnswerLosingProxy | undefined;
afterEach(async () => {
  await stack?.close();
  await proxy?.close();
  stack = undefined;
  proxy = undefined;
});

/** Provisions the template as `npm run provision` does (timeline-v3), then saves the channel through the settings store. */
async function useChannel(s: Stack, channel: Channel | 'task-body'): Promise<DeliverySettings> {
  let delivery: DeliverySettings = channel === 'task-body' ? { channel } : { channel: 'app-event', eventTypeName: APP_EVENT_TYPE };
  if (channel === 'timeline-v3') {
    const { developerApiKey, appId } = s.sandbox.state.app;
    const lines: string[] = [];
    expect(await runProvision(['--developer-api-key', developerApiKey, '--app-id', String(appId), '--base-url', s.sandboxUrl], (text) => lines.push(text))).toBe(0);
    const eventTemplateId = /template (\d+)/.exec(lines.join(''))?.[1];
    if (eventTemplateId === undefined) throw new Error(`provision printed no template id: ${lines.join('')}`);
    delivery = { channel: 'timeline-v3', eventTemplateId };
  }
  await saveDelivery(s, delivery);
  return delivery;
}

/** Saves the portal's delivery settings as the settings API would (only the chosen channel's setting). */
async function saveDelivery(s: Stack, delivery: DeliverySettings): Promise<void> {
  const settings = createSettingsStore(s.db);
  const stored = await settings.read(s.portalId);
  await settings.save(s.portalId, stored.version, { ...DEMO_SETTINGS, delivery }, { action: 'settings.update', target: 'delivery', actor: { via: 'system' }, changes: [] }, Date.now());
}

async function api<T>(s: Stack, path: string, body: unknown): Promise<T> {
  const response = await fetch(`${s.sandboxUrl}${path}`, { method: 'POST', headers: { authorization: `Bearer ${s.accessToken}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

const createTask = async (s: Stack, subject: string, contactIds: string[], companyIds: string[] = [], body = '') =>
  (await s.control<TaskView>('/__sandbox/tasks', { method: 'POST', body: JSON.stringify({ subject, body, contactIds, companyIds }) })).id;

async function seededContacts(s: Stack, count: number): Promise<string[]> {
  const tasks = (await s.control<{ results: TaskView[] }>('/__sandbox/tasks')).results;
  const contacts = [...new Set(tasks.flatMap((task) => task.associations.contacts))].slice(0, count);
  if (contacts.length < count) throw new Error('the seed has too few contacts');
  return contacts;
}

let nextEventId = 9_300_000;
function taskEvent(s: Stack, taskId: string, subscriptionType = 'object.creation', extra: Record<string, unknown> = {}) {
  nextEventId += 1;
  return { eventId: nextEventId, subscriptionId: 3849711, portalId: Number(s.portalId), appId: DEFAULT_APP.appId, occurredAt: Date.now(), subscriptionType,
    attemptNumber: 0, objectId: Number(taskId), objectTypeId: '0-27', changeSource: 'CRM_UI', sourceId: 'userId:5100001', isSensitive: false, ...extra };
}

const eventsOf = async (s: Stack, channel: Channel) =>
  (await s.control<{ results: TimelineEvent[] }>(`/__sandbox/timeline-events?portalId=${s.portalId}`)).results.filter((event) => event.kind === channel);
const cardRows = (s: Stack) => s.db.query<CardRow>('select card_id, task_id, rule_id, status, channel, hubspot_object_id, publish_attempts, content from cards order by task_id');
const skipsOf = (s: Stack) => s.db.query<{ task_id: string; reason: string }>('select task_id, reason from card_skips order by id');

/** Markdown punctuation left unescaped in a token (HubSpot's template would render it); `& < > " ' \` =` are the template's `{{token}}` to HTML-escape. */
function liveMarkup(token: string): string[] {
  const live: string[] = [];
  for (let i = 0; i < token.length; i += 1) {
    const char = token[i] ?? '';
    if (char === '\\') i += 1;
    else if ('{}[]()*_!#|'.includes(char)) live.push(char);
  }
  return live;
}
const unescape = (token: string): string => token.replace(/\\(.)/gsu, '$1');

/** The card's text as the event carries it: headline, why and questions, from v3 tokens + extraData or app-event properties. */
function carriedText(channel: Channel, event: TimelineEvent): { headline: string; why: string; questions: string[] } {
  if (channel === 'timeline-v3') {
    const extra = event.extraData as ExtraData;
    return { headline: event.tokens.headline ?? '', why: event.tokens.why ?? '', questions: extra.questions.map((q) => q.text) };
  }
  const questions = ['question1', 'question2', 'question3'].flatMap((name) => event.tokens[name] ?? []);
  return { headline: event.tokens.headline ?? '', why: event.tokens.why ?? '', questions };
}

function feedbackUrls(channel: Channel, event: TimelineEvent): string[] {
  if (channel === 'app-event') return ['helpfulUrl', 'notHelpfulUrl', 'snoozeUrl'].flatMap((name) => event.tokens[name] ?? []);
  return ((event.extraData as ExtraData).feedback ?? []).map((link) => link.url);
}

describe.each<Channel>(['timeline-v3', 'app-event'])('the %s channel, end to end through the worker', (channel) => {
  test('when robotic and specific task webhooks arrive, then each robotic task gets exactly one event on its contact carrying the card escaped, the specific task none; duplicate webhooks and a later change add none', async () => {
    const s = stack = await startStack({ sandbox: { seed: true } });
    s.sandbox.webhooks.setTarget(undefined); // the test sends the signed webhooks itself
    const delivery = await useChannel(s, channel);
    const [plainA, plainB, plainC] = await seededContacts(s, 3);
    const company = await api<{ id: string }>(s, '/crm/v3/objects/companies', { properties: { name: `Acme ${EVIL}`, industry: 'RETAIL' } });
    const contact = await api<{ id: string }>(s, '/crm/v3/objects/contacts', { properties: { firstname: '<img src=x onerror=alert(1)>', lastname: '*Doe*', email: 'evil@example.com' } });
    const robotic = new Map([
      [await createTask(s, 'Follow up', [contact.id], [company.id]), contact.id],
      [await createTask(s, 'Check in', [plainA!]), plainA!],
      [await createTask(s, 'Touch base', [plainB!]), plainB!],
    ]);
    const subjects = new Map((await s.control<{ results: TaskView[] }>('/__sandbox/tasks')).results.map((task) => [task.id, task.properties.hs_task_subject]));
    const specific = await createTask(s, 'Send the revised SOW with the phased rollout', [plainC!]);
    const creations = [...robotic.keys(), specific].map((taskId) => taskEvent(s, taskId));
    expect(await s.deliver(creations)).toBe(204);

    const decided = async () => ({ cards: await cardRows(s), skips: await skipsOf(s) });
    await eventually(decided, ({ cards, skips }) => cards.filter((c) => c.status === 'delivered').length === robotic.size && skips.some((skip) => skip.task_id === specific));
    const events = await eventsOf(s, channel);
    const cards = await cardRows(s);
    expect(events).toHaveLength(robotic.size);
    expect(cards.map((card) => card.task_id).sort()).toEqual([...robotic.keys()].sort());
    expect((await skipsOf(s)).filter((skip) => skip.task_id === specific).map((skip) => skip.reason)).toEqual(['not-robotic']);
    for (const card of cards) {
      const event = events.find((candidate) => candidate.id === card.hubspot_object_id);
      expect({ status: card.status, channel: card.channel, hubspotObjectId: card.hubspot_object_id }).toEqual({ status: 'delivered', channel, hubspotObjectId: card.card_id });
      expect(event).toMatchObject({ objectType: 'contacts', objectId: robotic.get(card.task_id),
        ...(channel === 'timeline-v3' ? { eventTemplateId: delivery.eventTemplateId } : { eventTypeName: APP_EVENT_TYPE }) });
      const carried = carriedText(channel, event!);
      // The card's own words, every CRM-derived character escaped: no live Markdown, HTML or Handlebars.
      expect({ headline: unescape(carried.headline), why: unescape(carried.why), questions: carried.questions.map(unescape) })
        .toEqual({ headline: card.content.headline.text, why: card.content.why.text, questions: card.content.questions.slice(0, 3).map((q) => q.text) });
      for (const text of [carried.headline, carried.why, ...carried.questions]) expect({ text, live: liveMarkup(text) }).toEqual({ text, live: [] });
      expect(feedbackUrls(channel, event!)).toEqual([expect.stringMatching(new RegExp(`^${s.serviceUrl}/feedback/[^\\s()]+$`)), expect.any(String), expect.any(String)]);
      // Our own ids as they are (not escaped as text); the app event also shows the task it replaces ("Instead of: …").
      expect(card.rule_id).toMatch(/-/);
      expect(event!.tokens.ruleId).toBe(card.rule_id);
      if (channel === 'app-event') {
        expect({ cardId: event!.tokens.cardId, taskSubject: event!.tokens.taskSubject }).toEqual({ cardId: card.card_id, taskSubject: subjects.get(card.task_id) });
      } else {
        expect(event!.tokens.taskSubject).toBeUndefined(); // the v3 template has no such token
      }
    }
    // The injection really reached a card (else the escaping above proved nothing).
    const evilCard = cards.find((card) => robotic.get(card.task_id) === contact.id);
    expect(JSON.stringify(evilCard?.content)).toMatch(/<script>|<img/);

    // HubSpot's retry of the same batch (same event ids), and a later subject change (new event ids).
    expect(await s.deliver(creations)).toBe(204);
    const changes = [...robotic.keys()].map((taskId) => taskEvent(s, taskId, 'object.propertyChange', { propertyName: 'hs_task_subject', propertyValue: 'Follow up' }));
    expect(await s.deliver(changes)).toBe(204);
    await eventually(() => skipsOf(s), (skips) => skips.filter((skip) => skip.reason === 'task-already-carded').length >= robotic.size);
    expect(await eventsOf(s, channel)).toHaveLength(robotic.size);
    expect((await cardRows(s)).map((card) => [card.task_id, card.status])).toEqual(cards.map((card) => [card.task_id, 'delivered']));
  }, 60_000);

  test('when HubSpot writes the event but the answer is lost, then the retry does not write a second one and the card is delivered with the event id', async () => {
    const s = stack = await startStack({ sandbox: { seed: true }, hubspotApiUrl: async (sandboxUrl) => (proxy = await startAnswerLosingProxy(sandboxUrl)).url });
    s.sandbox.webhooks.setTarget(undefined);
    const delivery = await useChannel(s, channel);
    const [contactId] = await seededContacts(s, 1);
    const taskId = await createTask(s, 'Follow up', [contactId!]);
    const createPath = channel === 'timeline-v3' ? '/integrators/timeline/v3/events' : '/integrators/timeline/v4/events';
    proxy!.loseNextAnswer((method, path) => method === 'POST' && path === createPath);
    await fetch(`${s.sandboxUrl}/__sandbox/requests`, { method: 'DELETE' });
    expect(await s.deliver([taskEvent(s, taskId)])).toBe(204);

    const [card] = await eventually(() => cardRows(s), (rows) => rows[0]?.status === 'delivered', 30_000);
    const events = await eventsOf(s, channel);
    expect(proxy!.lost()).toBe(1);
    expect(events.map((event) => event.id)).toEqual([card?.card_id]);
    expect(card).toMatchObject({ task_id: taskId, hubspot_object_id: card?.card_id, publish_attempts: 2 });
    const log = (await s.control<{ log: { method: string; path: string; status: number }[] }>('/__sandbox/requests')).log
      .filter((entry) => entry.path.startsWith('/integrators/timeline/')).map((entry) => `${entry.method} ${entry.path} ${entry.status}`);
    // What the retry relies on: timeline v3 reads the event by its id (findExisting); an app event has no read, so
    // the repeated create with the same id is refused with 409, which the publisher takes as "already there".
    expect(log).toEqual(channel === 'timeline-v3'
      ? [`POST ${createPath} 201`, `GET ${createPath}/${delivery.eventTemplateId}/${card?.card_id} 200`]
      : [`POST ${createPath} 201`, `POST ${createPath} 409`]);
  }, 60_000);
});

test('when the portal delivers into the task body, then each robotic task\'s body gets the card appended once, escaped, the specific task\'s body is untouched, and the INTEGRATION change our write causes adds nothing', async () => {
  // The sandbox sends the webhooks itself, signed: the tasks' creations, then the hs_task_body change our PATCH makes.
  const s = stack = await startStack({ sandbox: { seed: true } });
  await useChannel(s, 'task-body');
  const [plainA, plainB] = await seededContacts(s, 2);
  const contact = await api<{ id: string }>(s, '/crm/v3/objects/contacts', { properties: { firstname: '<img src=x onerror=alert(1)>', lastname: 'Doe', email: 'evil@example.com' } });
  const original = 'Automated task created by sequence step.';
  const robotic = [await createTask(s, 'Follow up', [contact.id], [], original), await createTask(s, 'Check in', [plainA!], [], original)];
  const specific = await createTask(s, 'Send the revised SOW with the phased rollout', [plainB!], [], 'Phased: 3 warehouses first.');
  const bodies = async () => new Map((await s.control<{ results: TaskView[] }>('/__sandbox/tasks')).results.map((task) => [task.id, task.properties.hs_task_body ?? '']));

  await eventually(() => cardRows(s), (cards) => cards.filter((card) => card.status === 'delivered').length === robotic.length);
  // Each PATCH comes back as an INTEGRATION propertyChange webhook on hs_task_body; the worker finds the card and skips it.
  const ours = await eventually(() => s.db.query<{ object_id: string; property_name: string; reason: string | null }>(
    `select e.object_id, e.property_name, k.reason from webhook_events e left join card_skips k using (portal_id, event_key)
     where e.change_source = 'INTEGRATION' order by e.object_id`), (rows) => rows.length === robotic.length && rows.every((row) => row.reason !== null));
  expect(ours).toEqual([...robotic].sort().map((taskId) => ({ object_id: taskId, property_name: 'hs_task_body', reason: 'task-already-carded' })));
  await eventually(() => skipsOf(s), (skips) => skips.some((skip) => skip.task_id === specific));
  expect(await s.deliver(robotic.map((taskId) => taskEvent(s, taskId, 'object.propertyChange', { propertyName: 'hs_task_subject', propertyValue: 'Follow up' })))).toBe(204);
  await eventually(() => skipsOf(s), (skips) => skips.filter((skip) => skip.reason === 'task-already-carded').length >= 2 * robotic.length);
  expect((await skipsOf(s)).filter((skip) => skip.task_id === specific).map((skip) => skip.reason)).toEqual(['not-robotic']);

  const cards = await cardRows(s);
  const after = await bodies();
  expect(cards.map((card) => ({ task: card.task_id, status: card.status, channel: card.channel, object: card.hubspot_object_id })).sort((a, b) => a.task.localeCompare(b.task)))
    .toEqual(robotic.map((taskId) => ({ task: taskId, status: 'delivered', channel: 'task-body', object: taskId })).sort((a, b) => a.task.localeCompare(b.task)));
  for (const card of cards) {
    const body = after.get(card.task_id) ?? '';
    expect(body.startsWith(original)).toBe(true);
    expect(body.split(cardMarker(card.card_id)).length - 1).toBe(2); // one appendix: the marker's attribute and text
    expect(body.split('———').length - 1).toBe(1);
    expect(body).not.toMatch(/<script|<img|<svg|javascript:/i);
  }
  expect(after.get(specific)).toBe('Phased: 3 warehouses first.');
  const evil = cards.find((card) => card.task_id === robotic[0]);
  expect(JSON.stringify(evil?.content)).toContain('<img src=x'); // the injection reached the card's text
  expect(after.get(robotic[0]!)).toContain('&lt;img src=x');
}, 60_000);

test('when the admin switches the channel while a card\'s first write is in doubt, then the retry looks on the card\'s own channel and the task still has one card', async () => {
  const s = stack = await startStack({ sandbox: { seed: true }, hubspotApiUrl: async (sandboxUrl) => (proxy = await startAnswerLosingProxy(sandboxUrl)).url });
  s.sandbox.webhooks.setTarget(undefined);
  const [contactId] = await seededContacts(s, 1);
  const taskId = await createTask(s, 'Follow up', [contactId!]);
  // The note is written, and before the worker learns it failed (it did not), the admin moves the portal to app events.
  proxy!.loseNextAnswer((method, path) => method === 'POST' && path === '/crm/v3/objects/notes', async () => { await useChannel(s, 'app-event'); });
  expect(await s.deliver([taskEvent(s, taskId)])).toBe(204);

  const [card] = await eventually(() => cardRows(s), (rows) => rows[0]?.status === 'delivered', 30_000);
  const notes = (await s.control<{ results: SandboxNote[] }>('/__sandbox/notes')).results;
  expect(proxy!.lost()).toBe(1);
  expect((await createSettingsStore(s.db).read(s.portalId)).settings.delivery.channel).toBe('app-event');
  expect({ notes: notes.length, appEvents: (await eventsOf(s, 'app-event')).length }).toEqual({ notes: 1, appEvents: 0 });
  expect(card).toMatchObject({ task_id: taskId, channel: 'note', hubspot_object_id: notes[0]?.id });
}, 60_000);

test('when the admin removed the timeline-v3 template id while a card\'s first write was in doubt, then the retry finds the event under the template the card was recorded with: one event, no note, no dead letter', async () => {
  const s = stack = await startStack({ sandbox: { seed: true }, hubspotApiUrl: async (sandboxUrl) => (proxy = await startAnswerLosingProxy(sandboxUrl)).url });
  s.sandbox.webhooks.setTarget(undefined);
  const timeline = await useChannel(s, 'timeline-v3');
  const [contactId] = await seededContacts(s, 1);
  const taskId = await createTask(s, 'Follow up', [contactId!]);
  // HubSpot writes the event; before the worker learns of it, the admin moves the portal to notes (the template id goes with it).
  proxy!.loseNextAnswer((method, path) => method === 'POST' && path === '/integrators/timeline/v3/events', () => saveDelivery(s, { channel: 'note' }));
  expect(await s.deliver([taskEvent(s, taskId)])).toBe(204);

  const [card] = await eventually(() => cardRows(s), (rows) => rows[0]?.status === 'delivered', 30_000);
  const notes = (await s.control<{ results: SandboxNote[] }>('/__sandbox/notes')).results;
  expect(proxy!.lost()).toBe(1);
  expect((await createSettingsStore(s.db).read(s.portalId)).settings.delivery).toEqual({ channel: 'note' });
  expect({ events: (await eventsOf(s, 'timeline-v3')).map((event) => event.id), notes: notes.length }).toEqual({ events: [card?.card_id], notes: 0 });
  expect(card).toMatchObject({ task_id: taskId, channel: 'timeline-v3', hubspot_object_id: card?.card_id });
  expect(await s.queue.listDeadLetters(10)).toEqual([]);
  expect(timeline).toMatchObject({ channel: 'timeline-v3' });
}, 60_000);
