/**
 * RELIABILITY.md row 31: after `contact.privacyDeletion`, the purge removes what Unrobot holds
 * about that contact (raw bodies carrying its events, its property values, quarantined raw
 * events naming it, its snoozes), leaves an audit row without personal data, and touches no
 * other contact. A card about the contact that was still pending is never published: the publish
 * step ends it `skipped` (reason `privacy-deletion`), and the purge never redacts a card while an
 * attempt holds its publishing lease. On both engines, and end to end through the worker.
 */
import { randomUUID } from 'node:crypto';
import { createFixedClock } from '../../../src/clock.ts';
import type { CardPublisher, CrmReader } from '../../../src/hubspot/ports.ts';
import { createStaticTokenProvider } from '../../../src/hubspot/token-provider.ts';
import { createLogger } from '../../../src/logger.ts';
import { DEFAULT_APP } from '../../../src/sandbox/create-sandbox.ts';
import { DEFAULT_RULE_PACK, resolveRules } from '../../../src/rules/index.ts';
import { loadAnalytics } from '../../../src/settings/analytics.ts';
import { PortalSettingsSchema } from '../../../src/settings/portal-settings.ts';
import { isRedactedCard, type LeaseHolder } from '../../../src/store/card-store.ts';
import { purgePrivacyDeletions } from '../../../src/store/privacy-purge.ts';
import { createSqlCardStore } from '../../../src/store/sql-card-store.ts';
import type { SqlDatabase, SqlExecutor } from '../../../src/store/sql-database.ts';
import { parseBatch } from '../../../src/webhooks/parse-batch.ts';
import { processTaskEvent, type TaskEventItem } from '../../../src/worker/process-task-event.ts';
import { startStack, type SandboxNote, type Stack } from '../../e2e/stack.ts';
import { eventually } from '../../helpers/eventually.ts';
import { NOW, fixture } from '../../helpers/hubspot-webhook.ts';
import { engines, openTestStore, type TestStore } from '../../helpers/stores.ts';

const PORTAL = 48975575;
const contact = fixture<Record<string, unknown>>('contact-creation.json');
const change = (objectId: number, eventId: number, email: string) => ({ ...contact, portalId: PORTAL, objectId, eventId, subscriptionType: 'contact.propertyChange',
  propertyName: 'email', propertyValue: email, occurredAt: NOW });
const forget = (objectId: number, eventId: number) => ({ ...contact, portalId: PORTAL, objectId, eventId, subscriptionType: 'contact.privacyDeletion', occurredAt: NOW + 1 });

async function deliver(t: TestStore, events: Record<string, unknown>[], quarantinedRaw?: string): Promise<string> {
  const id = randomUUID();
  const body = Buffer.from(JSON.stringify(events));
  await t.store.recordDelivery({ id, receivedAt: NOW, body, status: 'accepted', reason: undefined, events: parseBatch(body, () => true).events,
    quarantined: quarantinedRaw === undefined ? [] : [{ position: 9, portalId: String(PORTAL), reason: 'bad', raw: quarantinedRaw }] });
  return id;
}

const cardContent = (name: string) => JSON.stringify({
  locale: 'en', ruleId: 'r1', ruleName: 'Follow up',
  headline: { templateId: 'h.dark', text: `What did ${name} say last time?` },
  questions: [{ templateId: 'q.1', lens: 'relationship', text: `Has ${name} replied?`, facts: [`${name} opened 3 emails`] }],
  why: { facts: [`${name} opened 3 emails`], missing: ['no deal'], text: `Because ${name} went quiet` },
});
const insertCard = (t: TestStore, cardId: string, contactId: string, name: string, status: string, taskId = 't1') => t.db.query(
  `insert into cards (portal_id, card_id, step_key, task_id, rule_id, rule_version, channel, locale, records, content, status, created_at)
   values ($1, $2, $2, $3, 'r1', 'v1', 'note', 'en', $4::jsonb, $5::jsonb, $6, now())`,
  [String(PORTAL), cardId, taskId, JSON.stringify([{ objectType: 'deal', id: '5' }, { objectType: 'contact', id: contactId }]), cardContent(name), status]);
const text = (content: unknown) => (typeof content === 'string' ? content : JSON.stringify(content));
const cardRow = async (t: TestStore, cardId: string) =>
  (await t.db.query<{ status: string; content: unknown }>('select status, content from cards where portal_id = $1 and card_id = $2', [String(PORTAL), cardId]))[0];

/** The database, with every transaction stopping after its first statement until `pause` resolves. */
function pausingTransactions(db: SqlDatabase, pause: () => Promise<void>): SqlDatabase {
  return Object.assign(Object.create(db) as SqlDatabase, {
    transaction: <T>(work: (tx: SqlExecutor) => Promise<T>) => db.transaction((tx) => {
      let first = true;
      return work(Object.assign(Object.create(tx) as SqlExecutor, {
        query: async <R extends object>(sql: string, params?: unknown[]) => {
          const rows = await tx.query<R>(sql, params);
          if (first) { first = false; await pause(); }
          return rows;
        },
      }));
    }),
  });
}

describe.each(engines())('privacy deletion purge on %s', (_engine, open) => {
  let t: TestStore;
  beforeAll(async () => { t = await openTestStore(open); });
  afterAll(async () => { await t.close(); });

  test('when a contact asks to be forgotten, then its bodies, values, quarantine and snoozes go, an audit row stays, and other contacts are untouched', async () => {
    const jane = await deliver(t, [change(777_001, 1, 'jane@client.example')], '{"objectId":777001,"propertyValue":"jane@client.example"');
    const other = await deliver(t, [change(888_001, 2, 'max@client.example')], '{"objectId":888001}');
    for (const id of ['777001', '888001']) {
      await t.db.query(`insert into record_snoozes (portal_id, object_type, object_id, until, created_at) values ($1, 'contact', $2, now(), now())`, [String(PORTAL), id]);
    }
    await insertCard(t, 'c-jane-1', '777001', 'Jane Roe', 'delivered');
    await insertCard(t, 'c-jane-2', '777001', 'Jane Roe', 'pending');
    await insertCard(t, 'c-max', '888001', 'Max Muster', 'delivered');
    await deliver(t, [forget(777_001, 3)]);

    expect(await purgePrivacyDeletions(t.db, NOW + 60_000)).toEqual({ contacts: 1, bodiesCleared: 2, valuesCleared: 1, quarantined: 1, snoozes: 1, cardsRedacted: 2, deferred: 0 });
    const bodies = await t.db.query<{ id: string; n: number }>('select id::text as id, octet_length(body)::int as n from webhook_deliveries where id = any($1::uuid[])', [[jane, other]]);
    expect(Object.fromEntries(bodies.map((row) => [row.id, row.n > 0]))).toEqual({ [jane]: false, [other]: true });
    const values = await t.db.query<{ object_id: string; property_value: string | null }>(
      `select object_id, property_value from webhook_events where subscription_type = 'contact.propertyChange' order by object_id`);
    expect(values).toEqual([{ object_id: '777001', property_value: null }, { object_id: '888001', property_value: 'max@client.example' }]);
    expect((await t.db.query<{ raw: string }>('select raw from quarantined_events')).map((row) => row.raw)).toEqual(['{"objectId":888001}']);
    expect(await t.db.query('select object_id from record_snoozes')).toEqual([{ object_id: '888001' }]);
    expect(await t.db.query(`select outcome from processed_events where outcome = 'privacy-purged'`)).toEqual([{ outcome: 'privacy-purged' }]);

    const cards = await t.db.query<{ card_id: string; status: string; content: unknown }>(`select card_id, status, content from cards where card_id in ('c-jane-1', 'c-jane-2', 'c-max') order by card_id`);
    expect(cards.map((row) => [row.card_id, row.status, text(row.content).includes('Jane'), text(row.content).includes('Max')])).toEqual([
      ['c-jane-1', 'delivered', false, false], ['c-jane-2', 'pending', false, false], ['c-max', 'delivered', false, true]]);
    expect(JSON.parse(text(cards[0]?.content))).toEqual({
      locale: 'en', ruleId: 'r1', ruleName: 'Follow up', redacted: 'privacy-deletion',
      headline: { templateId: 'h.dark', text: '' },
      questions: [{ templateId: 'q.1', lens: 'relationship', text: '', facts: [''] }],
      why: { facts: [''], missing: [''], text: '' },
    });

    expect(await purgePrivacyDeletions(t.db, NOW + 120_000)).toMatchObject({ contacts: 0, cardsRedacted: 0 });
  });

  test('when an attempt holds the publishing lease of a pending card about the contact, then the whole deletion waits for the next run; once the lease is given back, the card is redacted and the next claim reads it redacted', async () => {
    const ledger = createSqlCardStore(t.db, t.queue);
    const holder: LeaseHolder = { jobId: 'job-lease', attempt: 0 };
    await insertCard(t, 'c-lease', '777002', 'Ada Lovelace', 'pending');
    await deliver(t, [change(777_002, 10, 'ada@client.example'), forget(777_002, 11)]);
    expect(await ledger.claimForPublishing(String(PORTAL), 'c-lease', NOW, 30_000, [holder])).toMatchObject({ claimed: true });

    expect(await purgePrivacyDeletions(t.db, NOW + 1_000)).toEqual({ contacts: 0, bodiesCleared: 0, valuesCleared: 0, quarantined: 0, snoozes: 0, cardsRedacted: 0, deferred: 1 });
    expect(text((await cardRow(t, 'c-lease'))?.content)).toContain('Ada Lovelace');
    expect(await t.db.query(`select 1 from webhook_events where object_id = '777002' and property_value is not null`)).toHaveLength(1);

    await ledger.releaseLease(String(PORTAL), 'c-lease', holder); // that attempt failed: HubSpot got nothing
    expect(await purgePrivacyDeletions(t.db, NOW + 2_000)).toMatchObject({ contacts: 1, valuesCleared: 1, cardsRedacted: 1, deferred: 0 });
    const again = await ledger.claimForPublishing(String(PORTAL), 'c-lease', NOW + 3_000, 30_000, [{ jobId: 'job-lease', attempt: 1 }]);
    expect(again.claimed && isRedactedCard(again.card.content)).toBe(true);
  });

  test('when the attempt holding the lease crashed and the lease lapsed, then the purge does not wait for it', async () => {
    const ledger = createSqlCardStore(t.db, t.queue);
    await insertCard(t, 'c-lapsed', '777003', 'Grace Hopper', 'pending');
    await deliver(t, [forget(777_003, 12)]);
    expect(await ledger.claimForPublishing(String(PORTAL), 'c-lapsed', NOW, 30_000, [{ jobId: 'job-crashed', attempt: 0 }])).toMatchObject({ claimed: true });
    expect(await purgePrivacyDeletions(t.db, NOW + 30_001)).toMatchObject({ contacts: 1, cardsRedacted: 1, deferred: 0 });
    expect(isRedactedCard(JSON.parse(text((await cardRow(t, 'c-lapsed'))?.content)))).toBe(true);
  });

  test('when an attempt claims a card while the purge is running, then the claim waits for the purge and reads the redacted content', async () => {
    const ledger = createSqlCardStore(t.db, t.queue);
    await insertCard(t, 'c-race', '777004', 'Alan Turing', 'pending');
    await deliver(t, [forget(777_004, 13)]);
    let claim: ReturnType<typeof ledger.claimForPublishing> | undefined;
    const purging = pausingTransactions(t.db, async () => {
      claim ??= ledger.claimForPublishing(String(PORTAL), 'c-race', NOW + 1_000, 30_000, [{ jobId: 'job-race', attempt: 0 }]);
      await new Promise((resolve) => setTimeout(resolve, 300)); // the claim is sent meanwhile
    });
    expect(await purgePrivacyDeletions(purging, NOW + 1_000)).toMatchObject({ contacts: 1, cardsRedacted: 1, deferred: 0 });
    const claimed = await claim;
    expect(claimed?.claimed && isRedactedCard(claimed.card.content)).toBe(true);
  });

  test('when the worker resumes a pending card that was redacted, then it ends the card skipped (privacy-deletion), records the skip, and calls HubSpot for nothing, now or on a later event', async () => {
    const ledger = createSqlCardStore(t.db, t.queue);
    await insertCard(t, 'c-worker', '777005', 'Edsger Dijkstra', 'pending', 't-worker');
    await deliver(t, [forget(777_005, 14)]);
    expect(await purgePrivacyDeletions(t.db, NOW + 1_000)).toMatchObject({ contacts: 1, cardsRedacted: 1 });
    const calls: string[] = [];
    const crm: CrmReader = { async loadSnapshots() { calls.push('loadSnapshots'); return new Map(); } };
    const publisher: CardPublisher = {
      async publish() { calls.push('publish'); return { hubspotObjectId: '1' }; },
      async findExisting() { calls.push('findExisting'); return undefined; },
    };
    const loaded = { portalId: String(PORTAL), version: 0, rules: resolveRules(DEFAULT_RULE_PACK), settings: PortalSettingsSchema.parse({}) };
    const log = createLogger({ level: 'silent' });
    const deps = { settings: { load: async () => loaded }, tokens: createStaticTokenProvider(String(PORTAL), 'token-1'), crm, publisher, ledger, clock: createFixedClock(NOW + 2_000), log };
    const item = (eventKey: string, attempt: number): TaskEventItem => ({ jobId: `job-${eventKey}`, attempt, log,
      job: { portalId: String(PORTAL), objectId: 't-worker', subscriptionType: 'object.creation', occurredAt: NOW, eventKey, eventId: eventKey, subscriptionId: '1' } });

    expect(await processTaskEvent(deps, [item('e-retry', 3)])).toEqual([{ status: 'skipped', reason: 'privacy-deletion' }]);
    expect((await cardRow(t, 'c-worker'))?.status).toBe('skipped');
    expect(await processTaskEvent(deps, [item('e-later', 0)])).toEqual([{ status: 'skipped', reason: 'privacy-deletion' }]);
    expect(calls).toEqual([]);
    expect(await t.db.query(`select event_key, reason from card_skips where task_id = 't-worker' order by id`)).toEqual([
      { event_key: 'e-retry', reason: 'privacy-deletion' }, { event_key: 'e-later', reason: 'privacy-deletion' }]);
    expect(await t.db.query(`select status, lease_until, hubspot_object_id from cards where card_id = 'c-worker'`)).toEqual([{ status: 'skipped', lease_until: null, hubspot_object_id: null }]);
    const analytics = await loadAnalytics(t.db, { portalId: String(PORTAL), days: 7, timeZone: 'UTC', now: NOW + 2_000, ruleNames: new Map() });
    expect(analytics.skipsByReason).toEqual([{ reason: 'privacy-deletion', count: 2 }]);
    expect(analytics.totals).toMatchObject({ delivered: 0, skipped: 2 });
  });
});

describe('a pending card about a contact who asks to be forgotten, end to end (sandbox, webhooks, queue, worker)', () => {
  let stack: Stack;
  afterAll(async () => { await stack?.close(); });

  test("when HubSpot fails the card's note until the contact's privacy deletion is purged, then the retried job posts nothing and the card ends skipped (privacy-deletion)", async () => {
    stack = await startStack({ sandbox: { seed: true } });
    const notes = async () => (await stack.control<{ results: SandboxNote[] }>('/__sandbox/notes')).results;
    const tasks = (await stack.control<{ results: { associations: { contacts: string[] } }[] }>('/__sandbox/tasks')).results;
    const contactId = tasks.flatMap((task) => task.associations.contacts)[0];
    if (contactId === undefined) throw new Error('the seed has no task with a contact');
    await stack.control('/__sandbox/faults', { method: 'POST', body: JSON.stringify({ method: 'POST', path: '/crm/v3/objects/notes', status: 503, times: 0 }) });
    const task = await stack.control<{ id: string }>('/__sandbox/tasks', { method: 'POST', body: JSON.stringify({ subject: 'Follow up', contactIds: [contactId] }) });
    const cards = () => stack.db.query<{ status: string; publish_attempts: number }>('select status, publish_attempts from cards where task_id = $1', [task.id]);
    await eventually(cards, (rows) => rows.some((row) => row.publish_attempts >= 1)); // recorded, its note refused

    expect(await stack.deliver([{ eventId: 31_310_001, subscriptionId: 3849712, portalId: Number(stack.portalId), appId: DEFAULT_APP.appId, occurredAt: Date.now(),
      subscriptionType: 'contact.privacyDeletion', attemptNumber: 0, objectId: Number(contactId), changeSource: 'GDPR', sourceId: 'userId:5100001' }])).toBe(204);
    // An attempt may be publishing right now (lease held): the purge then waits for its next run.
    await eventually(() => purgePrivacyDeletions(stack.db, Date.now()), (result) => result.contacts === 1, 20_000);
    await stack.control('/__sandbox/faults', { method: 'DELETE' });

    await eventually(cards, (rows) => rows[0]?.status === 'skipped', 20_000);
    const skips = await eventually(() => stack.db.query<{ reason: string }>('select reason from card_skips where task_id = $1', [task.id]), (rows) => rows.length > 0);
    expect(skips).toEqual([{ reason: 'privacy-deletion' }]);
    await new Promise((resolve) => setTimeout(resolve, 1_500)); // a retry still queued would post now
    expect(await notes()).toEqual([]);
    expect(await cards()).toEqual([expect.objectContaining({ status: 'skipped' })]);
  }, 60_000);
});
