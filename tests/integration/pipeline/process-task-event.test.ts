/**
 * The use case against the real card ledger (PGlite) and small in-test HubSpot ports: one card
 * per task whatever arrives, skips recorded with their reasons, crashes resumed without a second
 * card, revoked portals paused with their jobs parked.
 */
import { readFileSync } from 'node:fs';
import { createFixedClock } from '../../../src/clock.ts';
import type { Card } from '../../../src/cards/card.ts';
import type { CrmSnapshotInput } from '../../../src/context/crm-snapshot.ts';
import { parseCrmSnapshot } from '../../../src/context/crm-snapshot.ts';
import { AppError } from '../../../src/errors.ts';
import { verifyFeedbackToken } from '../../../src/feedback/feedback-link.ts';
import type { CardPublisher, CrmReader, DeliveryTarget, SnapshotResult } from '../../../src/hubspot/ports.ts';
import { createStaticTokenProvider } from '../../../src/hubspot/token-provider.ts';
import { createLogger } from '../../../src/logger.ts';
import { DEFAULT_RULE_PACK, resolveRules } from '../../../src/rules/index.ts';
import { PortalSettingsSchema, type LoadedSettings } from '../../../src/settings/portal-settings.ts';
import type { CardLedger } from '../../../src/store/card-store.ts';
import { applyMigrations } from '../../../src/store/migrations.ts';
import type { TaskEventJob } from '../../../src/store/ports.ts';
import type { SqlDatabase } from '../../../src/store/sql-database.ts';
import { createSqlCardStore } from '../../../src/store/sql-card-store.ts';
import { processTaskEvent, type ProcessTaskEventDeps, type TaskEventItem } from '../../../src/worker/process-task-event.ts';
import { engines } from '../../helpers/stores.ts';

const log = createLogger({ level: 'silent' });
const PORTAL = '24681357';
const NOW = Date.parse('2026-03-24T10:00:00Z');
const SECRET = 'a-feedback-secret-of-at-least-32-bytes!!';
const base = JSON.parse(readFileSync(new URL('../../fixtures/snapshots/never-replied-outbound-sequence.json', import.meta.url), 'utf8')) as CrmSnapshotInput;

function snapshotFor(taskId: string, subject: string, contactId = '906') {
  const input = structuredClone(base);
  input.task = { ...input.task, id: taskId, subject };
  input.contacts = (input.contacts ?? []).map((contact) => ({ ...contact, id: contactId }));
  return parseCrmSnapshot(input);
}

const ROBOTIC = 'Follow up';
const SPECIFIC = 'Ask Oliver whether the revised audit scope for the Leeds office fits their April board pack';

function fakeCrm(tasks: Map<string, SnapshotResult>) {
  const calls: string[][] = [];
  const crm: CrmReader = {
    async loadSnapshots(_portalId, _token, taskIds) {
      calls.push([...taskIds]);
      return new Map(taskIds.flatMap((id) => { const found = tasks.get(id); return found === undefined ? [] : [[id, found] as const]; }));
    },
  };
  return { crm, calls };
}

function fakePublisher() {
  const created: { cardId: string; target: DeliveryTarget; body: unknown }[] = [];
  let failNext: Error | undefined;
  const publisher: CardPublisher & { failWith(error: Error): void } = {
    failWith(error) { failNext = error; },
    async publish(card, target) {
      if (failNext) { const error = failNext; failNext = undefined; throw error; }
      created.push({ cardId: target.cardId, target, body: card });
      return { hubspotObjectId: String(9000 + created.length) };
    },
    async findExisting(target) {
      const found = created.findIndex((entry) => entry.cardId === target.cardId);
      return found < 0 ? undefined : { hubspotObjectId: String(9001 + found) };
    },
  };
  return { publisher, created };
}

let nextKey = 0;
function item(taskId: string, subscriptionType: TaskEventJob['subscriptionType'] = 'object.creation', extra: Partial<TaskEventJob> = {}): TaskEventItem {
  nextKey += 1;
  return {
    jobId: `job-${nextKey}`, attempt: 0, log,
    job: { portalId: PORTAL, objectId: taskId, subscriptionType, occurredAt: NOW, eventKey: `key-${nextKey}`, eventId: String(nextKey), subscriptionId: '1', ...extra },
  };
}

const settings: LoadedSettings = {
  portalId: PORTAL, version: 0, rules: resolveRules(DEFAULT_RULE_PACK),
  settings: PortalSettingsSchema.parse({ policy: { quietHours: null, recordCooldownHours: 0, dailyBudgetPerRep: 100, clientReplyWindowHours: 0 } }),
};

describe.each(engines())('processTaskEvent on %s', (_engine, openDatabase) => {
  let db: SqlDatabase;
  let dispose: () => Promise<void>;
  let ledger: CardLedger;
  let enqueued: { job: TaskEventJob; startAfter: Date | undefined }[];
  beforeEach(async () => {
    ({ db, dispose } = await openDatabase({ migrated: true }));
    await applyMigrations(db);
    enqueued = [];
    ledger = createSqlCardStore(db, { enqueue: async (_tx, jobs, options) => { enqueued.push(...jobs.map((job) => ({ job, startAfter: options?.startAfter }))); return jobs.length; } });
  });
  afterEach(async () => { await dispose(); });

  function deps(tasks: Map<string, SnapshotResult>, overrides: Partial<ProcessTaskEventDeps> = {}) {
    const crm = fakeCrm(tasks);
    const pub = fakePublisher();
    const d: ProcessTaskEventDeps = {
      settings: { load: async () => settings }, tokens: createStaticTokenProvider(PORTAL, 'token-1'), crm: crm.crm, publisher: pub.publisher,
      ledger, clock: createFixedClock(NOW), log, feedback: { baseUrl: 'http://localhost:3000', secret: SECRET, ttlMs: 30 * 86_400_000 }, ...overrides,
    };
    return { d, crm, pub };
  }
  const ok = (taskId: string, subject: string, contactId?: string): [string, SnapshotResult] =>
    [taskId, { snapshot: snapshotFor(taskId, subject, contactId), records: [{ objectType: 'contact', id: contactId ?? '906' }] }];
  const skips = async () => db.query<{ task_id: string; reason: string }>('select task_id, reason from card_skips order by id');

  test('when a batch holds robotic and specific tasks, then only the robotic ones get a card, with one snapshot read and signed links', async () => {
    const { d, crm, pub } = deps(new Map([ok('1', ROBOTIC), ok('2', SPECIFIC), ok('3', 'Call', '907')]));
    const results = await processTaskEvent(d, [item('1'), item('2'), item('3')]);
    expect(results.map((r) => r.status)).toEqual(['done', 'skipped', 'done']);
    expect(crm.calls).toEqual([['1', '2', '3']]);
    expect(pub.created.map((c) => c.target.taskId)).toEqual(['1', '3']);
    expect(await skips()).toEqual([{ task_id: '2', reason: 'not-robotic' }]);
    const links = (pub.created[0]?.body as { feedbackLinks: { helpful: string } }).feedbackLinks;
    const token = links.helpful.replace('http://localhost:3000/feedback/', '');
    expect(verifyFeedbackToken(token, SECRET, NOW)).toMatchObject({ ok: true, claims: { portalId: PORTAL, action: 'helpful', cardId: pub.created[0]?.cardId } });
    const rows = await db.query<{ status: string }>('select status from cards order by task_id');
    expect(rows.map((r) => r.status)).toEqual(['delivered', 'delivered']);
  });

  test('when the same task arrives twice, out of order and as our own INTEGRATION write, then it gets one card', async () => {
    const { d, pub } = deps(new Map([ok('1', ROBOTIC)]));
    await processTaskEvent(d, [item('1', 'object.propertyChange', { propertyName: 'hs_task_subject' }), item('1')]);
    const again = await processTaskEvent(d, [item('1', 'object.propertyChange', { changeSource: 'INTEGRATION', propertyName: 'hs_task_body' }), item('1')]);
    expect(pub.created).toHaveLength(1);
    expect(again.map((r) => r.status === 'failed' ? r.status : r.reason)).toEqual(['task-already-carded', 'task-already-carded']);
  });

  test('when a task is deleted, completed or gone, then it is skipped with its reason and no call publishes', async () => {
    const { d, pub } = deps(new Map<string, SnapshotResult>([['2', { gone: 'completed' }], ['3', { gone: 'deleted' }]]));
    const results = await processTaskEvent(d, [item('1', 'object.deletion'), item('2'), item('3'), item('4')]);
    expect(results.map((r) => r.status === 'failed' ? 'failed' : r.reason)).toEqual(['task-deleted', 'task-completed', 'task-deleted', 'task-deleted']);
    expect(pub.created).toHaveLength(0);
    expect((await skips()).map((s) => s.reason)).toEqual(['task-deleted', 'task-completed', 'task-deleted', 'task-deleted']);
  });

  test('when publishing fails after the card is recorded, then the retry looks for it first and posts no second card', async () => {
    const { d, pub } = deps(new Map([ok('1', ROBOTIC)]));
    pub.publisher.failWith(new AppError('hubspot.unavailable', '503', { retryable: true }));
    const first = await processTaskEvent(d, [item('1')]);
    expect(first[0]).toMatchObject({ status: 'failed' });
    const second = await processTaskEvent(d, [item('1')]);
    expect(second[0]).toMatchObject({ status: 'done' });
    expect(pub.created).toHaveLength(1);
  });

  test('when HubSpot wrote the card but the attempt crashed before recording it, then the retry finds it and does not post again', async () => {
    const { d, pub } = deps(new Map([ok('1', ROBOTIC)]));
    const realMark = ledger.markDelivered;
    ledger.markDelivered = async () => { throw new Error('crash between the HubSpot write and its record'); };
    expect((await processTaskEvent(d, [item('1')]))[0]).toMatchObject({ status: 'failed' });
    ledger.markDelivered = realMark;
    expect((await processTaskEvent(d, [item('1')]))[0]).toMatchObject({ status: 'done' });
    expect(pub.created).toHaveLength(1);
    expect((await db.query<{ hubspot_object_id: string }>('select hubspot_object_id from cards'))[0]?.hubspot_object_id).toBe('9001');
  });

  test('when the attempt died after the HubSpot write holding the lease, then its job\'s next attempt takes over at once and another job waits', async () => {
    const { d, pub } = deps(new Map([ok('1', ROBOTIC)]));
    const real = { markDelivered: ledger.markDelivered, releaseLease: ledger.releaseLease };
    // A SIGKILL right after HubSpot answered: neither the delivery nor the lease's release is written.
    ledger.markDelivered = async () => { throw new Error('killed after the HubSpot write'); };
    ledger.releaseLease = async () => { throw new Error('killed'); };
    const first = item('1');
    expect((await processTaskEvent(d, [first]))[0]).toMatchObject({ status: 'failed' });
    Object.assign(ledger, real);

    const other = await processTaskEvent(d, [item('1')]); // a duplicate webhook's job
    expect(other[0]).toMatchObject({ status: 'failed', error: { code: 'card.busy', retryAfterMs: 30_000 } });
    const rerun = await processTaskEvent(d, [{ ...first, attempt: 1 }]);
    expect(rerun[0]).toEqual({ status: 'done', reason: 'card delivered' });
    expect(pub.created).toHaveLength(1); // the rerun found the note by its marker
    expect(await db.query('select status, hubspot_object_id, lease_job_id from cards')).toEqual([{ status: 'delivered', hubspot_object_id: '9001', lease_job_id: null }]);
  });

  test('when an attempt outlives its job lease and the job\'s next attempt takes the card over before the write, then the stale attempt writes nothing', async () => {
    const stale = item('1');
    let tookOver = false;
    const { d, pub } = deps(new Map([ok('1', ROBOTIC)]), {
      // Between the stale attempt's claim and its write (here: while it loads settings), the next attempt claims the card.
      settings: { load: async () => {
        const card = (await db.query<{ card_id: string }>('select card_id from cards'))[0];
        if (!tookOver && card !== undefined) {
          tookOver = (await ledger.claimForPublishing(PORTAL, card.card_id, NOW, 30_000, [{ jobId: stale.jobId, attempt: 1 }])).claimed;
        }
        return settings;
      } },
    });
    const results = await processTaskEvent(d, [stale]);
    expect(tookOver).toBe(true);
    expect(results[0]).toMatchObject({ status: 'failed', error: { code: 'card.busy' } });
    expect(pub.created).toHaveLength(0);
    expect(await db.query('select status, lease_job_id, lease_attempt from cards')).toEqual([{ status: 'pending', lease_job_id: stale.jobId, lease_attempt: 1 }]);
  });

  test('when a card is recorded, then it keeps the task\'s subject as written and the publisher gets it with the card', async () => {
    const { d, pub } = deps(new Map([ok('1', ROBOTIC), ok('2', 'Check in <b>now</b>', '907')]));
    expect((await processTaskEvent(d, [item('1'), item('2')])).map((r) => r.status)).toEqual(['done', 'done']);
    expect(pub.created.map((c) => (c.body as Card).taskSubject)).toEqual([ROBOTIC, 'Check in <b>now</b>']);
    const rows = await db.query<{ content: Card }>('select content from cards order by task_id');
    expect(rows.map((row) => row.content.taskSubject)).toEqual([ROBOTIC, 'Check in <b>now</b>']);
  });

  test.each([
    ['timeline-v3', { channel: 'timeline-v3', eventTemplateId: '1001' }, 'event template id'],
    ['app-event', { channel: 'app-event', eventTypeName: 'ae1_reflection_contacts' }, 'event type name'],
  ] as const)('when the admin switched away from %s or changed its target while a card recorded there was pending, then the retry goes out where the card was recorded', async (_channel, delivery, _setting) => {
    let current: LoadedSettings = { ...settings, settings: { ...settings.settings, delivery } };
    const { d, pub } = deps(new Map([ok('1', ROBOTIC), ok('2', 'Call', '907')]), { settings: { load: async () => current } });
    pub.publisher.failWith(new AppError('hubspot.unavailable', '503', { retryable: true }));
    expect((await processTaskEvent(d, [item('1')]))[0]).toMatchObject({ status: 'failed', error: { retryable: true } });
    pub.publisher.failWith(new AppError('hubspot.unavailable', '503', { retryable: true }));
    expect((await processTaskEvent(d, [item('2')]))[0]).toMatchObject({ status: 'failed', error: { retryable: true } });

    current = { ...settings, settings: { ...settings.settings, delivery: { channel: 'note' } } };
    expect((await processTaskEvent(d, [item('1')]))[0]).toEqual({ status: 'done', reason: 'card delivered' });
    const changed = 'eventTemplateId' in delivery ? { ...delivery, eventTemplateId: '2002' } : { ...delivery, eventTypeName: 'ae1_other' };
    current = { ...settings, settings: { ...settings.settings, delivery: changed } };
    expect((await processTaskEvent(d, [item('2')]))[0]).toEqual({ status: 'done', reason: 'card delivered' });
    expect(pub.created.map((c) => [c.target.taskId, c.target.delivery])).toEqual([['1', delivery], ['2', delivery]]);
  });

  test.each([
    ['timeline-v3', { channel: 'timeline-v3', eventTemplateId: '1001' }, 'event template id'],
    ['app-event', { channel: 'app-event', eventTypeName: 'ae1_reflection_contacts' }, 'event type name'],
  ] as const)('when a %s card recorded before its target was kept (migration 26) is pending and the admin removed the setting, then the retry fails permanently saying so, and goes out once it is back', async (channel, delivery, setting) => {
    let current: LoadedSettings = { ...settings, settings: { ...settings.settings, delivery } };
    const { d, pub } = deps(new Map([ok('1', ROBOTIC)]), { settings: { load: async () => current } });
    pub.publisher.failWith(new AppError('hubspot.unavailable', '503', { retryable: true }));
    expect((await processTaskEvent(d, [item('1')]))[0]).toMatchObject({ status: 'failed', error: { retryable: true } });
    const [card] = await db.query<{ card_id: string }>('select card_id from cards');
    await db.query('update cards set channel_target = null');

    current = { ...settings, settings: { ...settings.settings, delivery: { channel: 'note' } } };
    const [retry] = await processTaskEvent(d, [item('1')]);
    expect(retry).toMatchObject({ status: 'failed', error: { code: 'delivery.misconfigured', retryable: false } });
    const message = retry?.status === 'failed' ? (retry.error as Error).message : '';
    expect(message).toContain(`card ${card?.card_id} was recorded for the ${channel} channel, whose ${setting} is no longer configured (the portal now delivers through note)`);
    expect(message).toContain(`re-add the ${channel} channel with its ${setting} in the delivery settings, then redrive this job`);
    expect(pub.created).toHaveLength(0);

    current = { ...settings, settings: { ...settings.settings, delivery } };
    expect((await processTaskEvent(d, [item('1')]))[0]).toEqual({ status: 'done', reason: 'card delivered' });
    expect(pub.created.map((c) => c.target.delivery)).toEqual([delivery]);
  });

  test('when the token is refused twice, then the portal is paused, its jobs parked, and later jobs make no HubSpot call', async () => {
    const unauthorized = new AppError('hubspot.unauthorized', '401', { status: 401 });
    const crm: CrmReader = { loadSnapshots: async () => { throw unauthorized; } };
    let reads = 0;
    const counting: CrmReader = { loadSnapshots: async (...args) => { reads += 1; return crm.loadSnapshots(...args); } };
    const { d } = deps(new Map(), { crm: counting });
    const results = await processTaskEvent(d, [item('1'), item('2')]);
    expect(results).toEqual([{ status: 'skipped', reason: 'portal-paused' }, { status: 'skipped', reason: 'portal-paused' }]);
    expect(reads).toBe(1); // the static token cannot refresh: invalidate marks it revoked, no second call
    expect(await ledger.isPaused(PORTAL)).toBe(true);
    await processTaskEvent(d, [item('3')]);
    expect(reads).toBe(1);
    expect(await ledger.parkedCount(PORTAL)).toBe(3);
    expect(await ledger.resumePortal(PORTAL)).toBe(3);
    expect(enqueued.map((entry) => entry.job.objectId)).toEqual(['1', '2', '3']);
    expect(await ledger.isPaused(PORTAL)).toBe(false);
  });

  test('when the policy says the client is snoozed, then the skip is recorded with the policy reason', async () => {
    const { d, pub } = deps(new Map([ok('1', ROBOTIC)]));
    await ledger.snoozeRecords(PORTAL, [{ objectType: 'contact', id: '906' }], NOW + 86_400_000, NOW);
    const [result] = await processTaskEvent(d, [item('1')]);
    expect(result).toEqual({ status: 'skipped', reason: 'record-snoozed' });
    expect(pub.created).toHaveLength(0);
  });

  test('when two tasks of one batch share a contact and the cooldown is 0, then both get a card (the policy judges at delivery time)', async () => {
    let tick = NOW;
    const { d, pub } = deps(new Map([ok('1', ROBOTIC), ok('2', 'Check in')]), { clock: { now: () => (tick += 5) } });
    expect((await processTaskEvent(d, [item('1'), item('2')])).map((r) => r.status)).toEqual(['done', 'done']);
    expect(pub.created).toHaveLength(2);
  });

  test('when the card falls in quiet hours, then the job is scheduled again for their end and nothing is posted now', async () => {
    const quiet: LoadedSettings = { ...settings, settings: PortalSettingsSchema.parse({ policy: { quietHours: { start: '09:00', end: '11:00' }, timeZone: 'UTC' } }) };
    const { d, pub } = deps(new Map([ok('1', ROBOTIC)]), { settings: { load: async () => quiet } });
    expect(await processTaskEvent(d, [item('1')])).toEqual([{ status: 'skipped', reason: 'deferred-quiet-hours' }]);
    expect(pub.created).toHaveLength(0);
    expect(enqueued.map((entry) => [entry.job.objectId, entry.startAfter?.toISOString()])).toEqual([['1', '2026-03-24T11:00:00.000Z']]);
  });

  test('when a HubSpot read fails permanently, then every job of the batch fails with that error', async () => {
    const bad = new AppError('hubspot.bad-request', '400');
    const { d } = deps(new Map(), { crm: { loadSnapshots: async () => { throw bad; } } });
    const results = await processTaskEvent(d, [item('1'), item('2')]);
    expect(results).toEqual([{ status: 'failed', error: bad }, { status: 'failed', error: bad }]);
  });
});
