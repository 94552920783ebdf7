/**
 * The use case: task events in, at most one card per task out. For the events of one portal
 * claimed together: load settings → load the snapshots in one batched read → classify →
 * signals → policy → compose → record the card as pending under its step key → add the signed
 * feedback links → publish → mark delivered. Skips are recorded with their reason, one row per
 * event; a revoked portal is paused and its jobs parked rather than retried; a portal with no
 * credentials at all is skipped as `portal-unknown` (issue 14: never `done` in silence).
 */
import type { Clock } from '../clock.ts';
import type { Logger } from '../logger.ts';
import type { CardPublisher, CrmReader, RecordRef, SnapshotResult } from '../hubspot/ports.ts';
import type { TokenProvider } from '../hubspot/token-provider.ts';
import type { LoadedSettings, SettingsSource } from '../settings/portal-settings.ts';
import { PRIVACY_DELETION, type CardLedger, type StoredCard } from '../store/card-store.ts';
import type { TaskEventJob } from '../store/ports.ts';
import { cardTaskSubject, type Card } from '../cards/card.ts';
import { manageRuleUrl } from '../cards/rule-line.ts';
import { CLIENT_DEPTH, REP_DEPTH } from '../questions/rotation.ts';
import type { HandlerOutcome } from './create-worker.ts';
import { cardIdFor, cardStepKey, decideCard, policyRecords } from './decide-card.ts';
import { createPortalSession, PortalPausedError, PortalUnknownError, type PortalSession } from './portal-session.ts';
import { channelTargetOf, publishCard, type FeedbackLinkOptions } from './publish-card.ts';

const HOUR_MS = 3_600_000;
const ROTATION_DEPTH = CLIENT_DEPTH;
/** The skip reason of an event whose portal the service holds no credentials for. */
export const PORTAL_UNKNOWN = 'portal-unknown';

export interface ProcessTaskEventDeps {
  settings: SettingsSource;
  tokens: TokenProvider;
  crm: CrmReader;
  publisher: CardPublisher;
  ledger: CardLedger;
  clock: Clock;
  log: Logger;
  /** Signed helpful / not helpful / snooze links; cards carry none when absent. */
  feedback?: FeedbackLinkOptions;
  /** The service's public URL: cards link to their rule at `<appBaseUrl>/settings#rule-<id>`. */
  appBaseUrl?: string;
}

export interface TaskEventItem {
  job: TaskEventJob;
  /** The queue job's id and attempt: the card publishing lease's holder. */
  jobId: string;
  attempt: number;
  /** The job's previous attempt was given up on, not killed: it may still be publishing. */
  previousAttemptMayRun?: boolean;
  log: Logger;
}

/** One result per item, in order: an outcome, or the error the worker turns into retry or dead-letter. */
export type TaskEventResult = HandlerOutcome | { status: 'failed'; error: unknown };

/** Processes the items (any portals); events of one portal share one snapshot read. */
export async function processTaskEvent(deps: ProcessTaskEventDeps, items: readonly TaskEventItem[]): Promise<TaskEventResult[]> {
  const results = new Map<TaskEventItem, TaskEventResult>();
  for (const [portalId, group] of groupBy(items, (item) => item.job.portalId)) {
    await processPortal(deps, portalId, group, results);
  }
  return items.map((item) => results.get(item) ?? { status: 'failed', error: new Error('no result') });
}

type Results = Map<TaskEventItem, TaskEventResult>;

async function processPortal(deps: ProcessTaskEventDeps, portalId: string, items: readonly TaskEventItem[], results: Results): Promise<void> {
  const now = deps.clock.now();
  const settle = (group: readonly TaskEventItem[], result: TaskEventResult) => group.forEach((item) => results.set(item, result));
  try {
    if (await deps.ledger.isPaused(portalId)) throw new PortalPausedError(portalId, 'paused earlier');
    const byTask = groupBy(items, (item) => item.job.objectId);
    const deleted = [...byTask].filter(([, group]) => group.some((item) => item.job.subscriptionType === 'object.deletion'));
    for (const [taskId, group] of deleted) {
      await skip(deps, portalId, taskId, group, 'task-deleted', 'the task was deleted', now);
      settle(group, { status: 'skipped', reason: 'task-deleted' });
      byTask.delete(taskId);
    }
    if (byTask.size === 0) return;
    const session = createPortalSession(deps.tokens, portalId);
    const existing = await deps.ledger.findCardsForTasks(portalId, [...byTask.keys()]);
    for (const card of existing) {
      const group = byTask.get(card.taskId);
      if (group === undefined) continue;
      byTask.delete(card.taskId);
      settle(group, await resumeExisting(deps, session, card, group, now));
    }
    if (byTask.size === 0) return;
    const loaded = await deps.settings.load(portalId);
    const snapshots = await session.run((token) => deps.crm.loadSnapshots(portalId, token, [...byTask.keys()], now));
    for (const [taskId, group] of byTask) {
      settle(group, await processTask(deps, session, loaded, taskId, snapshots.get(taskId), group, now));
    }
  } catch (error) {
    const pending = items.filter((item) => !results.has(item));
    if (error instanceof PortalUnknownError) return settle(pending, await skipUnknownPortal(deps, portalId, pending, now));
    if (!(error instanceof PortalPausedError)) return settle(pending, { status: 'failed', error });
    await deps.ledger.pausePortal(portalId, error.reason, now);
    for (const item of pending) await deps.ledger.parkJob(item.job, now);
    deps.log.warn({ portalId, parked: pending.length, reason: error.reason }, 'portal paused; its jobs are parked until it is reinstalled');
    settle(pending, { status: 'skipped', reason: 'portal-paused' });
  }
}

/** No credentials for the portal: each event gets its `portal-unknown` skip row, which metrics, `npm run dlq -- skips` and analytics show. */
async function skipUnknownPortal(deps: ProcessTaskEventDeps, portalId: string, pending: readonly TaskEventItem[], now: number): Promise<TaskEventResult> {
  for (const [taskId, group] of groupBy(pending, (item) => item.job.objectId)) {
    await skip(deps, portalId, taskId, group, PORTAL_UNKNOWN, 'Unrobot holds no HubSpot credentials for this portal (not installed, uninstalled, or not the configured HUBSPOT_PORTAL_ID)', now);
  }
  deps.log.warn({ portalId, skipped: pending.length, reason: PORTAL_UNKNOWN }, 'events of a portal without credentials skipped');
  return { status: 'skipped', reason: PORTAL_UNKNOWN };
}

/** A card already exists for the task: finish it if an earlier attempt did not, else skip. */
async function resumeExisting(deps: ProcessTaskEventDeps, session: PortalSession, card: StoredCard, group: readonly TaskEventItem[], now: number): Promise<TaskEventResult> {
  if (card.status === 'delivered') {
    await skip(deps, card.portalId, card.taskId, group, 'task-already-carded', `card ${card.cardId} was delivered already`, now);
    return { status: 'skipped', reason: 'task-already-carded' };
  }
  try {
    return await publish(deps, session, card, group, now, now);
  } catch (error) {
    if (error instanceof PortalPausedError || error instanceof PortalUnknownError) throw error;
    group[0]?.log.warn({ err: error, cardId: card.cardId }, 'resuming a pending card failed');
    return { status: 'failed', error };
  }
}

async function processTask(deps: ProcessTaskEventDeps, session: PortalSession, loaded: LoadedSettings, taskId: string,
  result: SnapshotResult | undefined, group: readonly TaskEventItem[], now: number): Promise<TaskEventResult> {
  const portalId = loaded.portalId;
  if (result === undefined || 'gone' in result) {
    const reason = result === undefined ? 'task-deleted' : `task-${result.gone}`;
    await skip(deps, portalId, taskId, group, reason, result === undefined ? 'HubSpot has no such task' : `the task was ${result.gone}`, now);
    return { status: 'skipped', reason };
  }
  try {
    // The policy judges at this moment, not the batch's start: earlier tasks of the batch may
    // have been delivered since, and their delivery times must not lie in the policy's future.
    const decidedAt = Math.max(now, deps.clock.now());
    const history = await loadHistory(deps, portalId, result.records, result.snapshot.task.ownerId ?? null, loaded, decidedAt);
    const decision = decideCard(result.snapshot, result.records, loaded, history, decidedAt);
    if (decision.action === 'skip') {
      await skip(deps, portalId, taskId, group, decision.reason, decision.detail, now, decision.ruleId);
      return { status: 'skipped', reason: decision.reason };
    }
    if (decision.action === 'defer') {
      const first = group[0];
      if (first !== undefined) await deps.ledger.scheduleJob(first.job, decision.until);
      first?.log.info({ until: new Date(decision.until).toISOString() }, 'card deferred past quiet hours');
      return { status: 'skipped', reason: 'deferred-quiet-hours' };
    }
    const { delivery } = loaded.settings;
    const { channel } = delivery;
    const stepKey = cardStepKey(portalId, taskId, loaded.rules.version, channel);
    const { card } = await deps.ledger.insertPendingCard({
      portalId, cardId: cardIdFor(stepKey), stepKey, taskId, ruleId: decision.ruleId, ruleVersion: loaded.rules.version, channel,
      channelTarget: channelTargetOf(delivery),
      locale: decision.card.locale, lensIds: [...new Set(decision.card.questions.map((question) => question.lens))],
      ownerId: result.snapshot.task.ownerId ?? null, records: result.records, createdAt: decidedAt,
      content: withPipelineParts(decision.card, result.snapshot.task.subject, deps.appBaseUrl, decision.ruleId),
    });
    return await publish(deps, session, card, group, decidedAt, now);
  } catch (error) {
    if (error instanceof PortalPausedError || error instanceof PortalUnknownError) throw error;
    return { status: 'failed', error };
  }
}

/** What the composer does not know: the task's subject ("Instead of: …") and the rule's settings link. */
function withPipelineParts(card: Card, subject: string | undefined, appBaseUrl: string | undefined, ruleId: string): Card {
  const taskSubject = cardTaskSubject(subject);
  return {
    ...card,
    ...(taskSubject !== undefined && { taskSubject }),
    ...(appBaseUrl !== undefined && { manageRuleUrl: manageRuleUrl(appBaseUrl, ruleId) }),
  };
}

const claimantsOf = (group: readonly TaskEventItem[]) =>
  group.map((item) => ({ jobId: item.jobId, attempt: item.attempt, ...(item.previousAttemptMayRun === true && { takesOver: false }) }));

/** Publishes the card at `at`; a card ended unpublished (privacy deletion) is recorded as a skip like any other. */
async function publish(deps: ProcessTaskEventDeps, session: PortalSession, card: StoredCard, group: readonly TaskEventItem[], at: number, now: number): Promise<TaskEventResult> {
  const outcome = await publishCard(deps, session, card, at, claimantsOf(group));
  if (outcome.status === 'skipped' && outcome.reason === PRIVACY_DELETION) {
    await skip(deps, card.portalId, card.taskId, group, PRIVACY_DELETION, `card ${card.cardId} was redacted before it was published: a contact of it asked to be forgotten`, now);
  }
  return outcome;
}

async function loadHistory(deps: ProcessTaskEventDeps, portalId: string, records: readonly RecordRef[], ownerId: string | null, loaded: LoadedSettings, now: number) {
  const windowMs = Math.max(loaded.settings.policy.recordCooldownHours * HOUR_MS, 48 * HOUR_MS);
  const [delivered, snoozes, recentCards, repCards] = await Promise.all([
    deps.ledger.loadDeliveredSince(portalId, now - windowMs),
    deps.ledger.loadSnoozes(portalId, records, now),
    deps.ledger.loadRecentCardContents(portalId, records, ROTATION_DEPTH),
    deps.ledger.loadRepCardContents(portalId, ownerId, REP_DEPTH),
  ]);
  return {
    delivered: delivered.map((card) => ({ taskId: card.taskId, ownerId: card.ownerId, records: policyRecords(card.records), deliveredAt: card.deliveredAt })),
    snoozes: snoozes.flatMap((snooze) => policyRecords([snooze.record]).map((record) => ({ record, until: snooze.until }))),
    recentCards,
    repCards,
  };
}

/** Records the skip once for every event of the group, so no stored event is left without its outcome. */
async function skip(deps: ProcessTaskEventDeps, portalId: string, taskId: string, group: readonly TaskEventItem[], reason: string, detail: string, now: number, ruleId?: string): Promise<void> {
  for (const eventKey of new Set(group.map((item) => item.job.eventKey))) {
    await deps.ledger.recordSkip({ portalId, taskId, eventKey, reason, detail, ruleId, at: now });
  }
  group[0]?.log.info({ reason, ruleId }, 'no card for this task');
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}
