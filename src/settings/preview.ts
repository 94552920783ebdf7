/**
 * Dry run: what the saved or edited-but-unsaved settings would produce over the portal's tasks of
 * the last N days, counted by rule, with up to five example cards. Nothing is delivered or saved.
 *
 * Tasks come from HubSpot when it can be reached: a task search (newest first, at most
 * PREVIEW_HUBSPOT_TASK_LIMIT tasks, through the shared limiter: searches ≤ 4 per 1.25 s) and the
 * pipeline's batched snapshot reader, so each task is classified on its real subject, body, type
 * and names, and the examples are composed from real CRM context. When HubSpot cannot be reached
 * (no token, revoked, down), the preview falls back to the stored webhook events (the subject of
 * each task's latest subject change) and says so. The anti-noise policy needs history a dry run
 * does not have, so only what it can decide per task applies: a daily budget of 0 pauses every
 * card, and (with HubSpot) a client who replied within the reply window gets none.
 */
import type { Card } from '../cards/card.ts';
import { composeCard } from '../cards/compose-card.ts';
import { parseCrmSnapshot, type CrmSnapshot } from '../context/crm-snapshot.ts';
import { deriveSignals } from '../context/derive-signals.ts';
import { lastClientReplyAt } from '../context/last-client-reply-at.ts';
import { namesIn } from '../context/names-in.ts';
import type { CrmReader } from '../hubspot/ports.ts';
import type { RecentTaskSource } from '../hubspot/recent-tasks.ts';
import type { TokenProvider } from '../hubspot/token-provider.ts';
import { classifyTask, DEFAULT_RULE_PACK, resolveRules, taskOriginFromProperties, type EffectiveRules, type RuleOverrides, type TaskPrompt } from '../rules/index.ts';
import type { SqlDatabase } from '../store/sql-database.ts';
import type { PortalSettings } from './portal-settings.ts';
import { toApiLens, type ApiLensId } from './settings-values.ts';

/** Most tasks one preview reads from stored events; the newest win. */
export const PREVIEW_TASK_LIMIT = 2000;
/** Most tasks one preview reads from HubSpot (two search pages and their snapshots); the newest win. */
export const PREVIEW_HUBSPOT_TASK_LIMIT = 200;

const HOUR_MS = 3_600_000;

/** What the preview needs to read the portal's tasks from HubSpot: the pipeline's own clients. */
export interface PreviewHubSpot {
  tokens: Pick<TokenProvider, 'getAccessToken'>;
  tasks: RecentTaskSource;
  crm: CrmReader;
}

export interface PreviewExample { ruleId: string; ruleName: string; taskSubject: string; headline: string; questions: string[]; why: string; lenses: ApiLensId[] }

export interface PreviewResult {
  days: number; from: string; to: string; source: 'stored-events' | 'hubspot';
  tasksScanned: number; robotic: number; cards: number;
  byRule: { ruleId: string; ruleName: string; matched: number; cards: number }[];
  skipped: { reason: string; count: number }[];
  examples: PreviewExample[];
  truncated?: boolean;
  /** The most tasks this source reads in one preview. */
  taskLimit: number;
  /** In words: where the tasks came from, the cap, and why HubSpot was not used when it was not. */
  note: string;
}

interface TaskRow { object_id: string; property_value: string }

/**
 * One task to judge: its prompt and its snapshot — real from HubSpot, or built from the subject
 * only when an example needs it (stored events can be thousands; most never become examples).
 */
interface Candidate { taskId: string; subject: string; prompt: TaskPrompt; snapshot: CrmSnapshot | (() => CrmSnapshot) | undefined; gone?: 'deleted' | 'completed' }

export async function readRecentTasks(db: SqlDatabase, portalId: string, sinceMs: number): Promise<{ tasks: TaskRow[]; truncated: boolean }> {
  // Each task's latest subject, newest tasks first, so the cap keeps the newest (one row past it says there were more).
  const rows = await db.query<TaskRow>(
    `select object_id, property_value from (
       select distinct on (object_id) object_id, property_value, occurred_at from webhook_events
       where portal_id = $1 and property_name = 'hs_task_subject' and property_value is not null and occurred_at >= $2
       order by object_id, occurred_at desc
     ) latest order by occurred_at desc, object_id limit $3`, [portalId, sinceMs, PREVIEW_TASK_LIMIT + 1]);
  return { tasks: rows.slice(0, PREVIEW_TASK_LIMIT), truncated: rows.length > PREVIEW_TASK_LIMIT };
}

/** A snapshot that knows only the task's subject, for tasks read from stored events. */
function subjectOnlySnapshot(portalId: string, taskId: string, subject: string, now: number): CrmSnapshot {
  return parseCrmSnapshot({
    capturedAt: now, portal: { id: portalId },
    task: { id: taskId, subject, body: null, type: 'TODO', status: 'NOT_STARTED', priority: null, ownerId: null, createdAt: null, dueAt: null, properties: {} },
    missing: [{ part: 'contact', reason: 'not_associated' }, { part: 'company', reason: 'not_associated' }],
  });
}

async function storedCandidates(db: SqlDatabase, portalId: string, settings: PortalSettings, fromMs: number, now: number) {
  const { tasks, truncated } = await readRecentTasks(db, portalId, fromMs);
  const candidates: Candidate[] = tasks.map((task) => ({
    taskId: task.object_id, subject: task.property_value, prompt: { subject: task.property_value, locale: settings.locale },
    snapshot: () => subjectOnlySnapshot(portalId, task.object_id, task.property_value, now),
  }));
  return { candidates, truncated };
}

async function hubspotCandidates(hubspot: PreviewHubSpot, portalId: string, settings: PortalSettings, fromMs: number, now: number) {
  const token = await hubspot.tokens.getAccessToken(portalId);
  const { ids, more } = await hubspot.tasks.listRecentTaskIds(portalId, token, fromMs, PREVIEW_HUBSPOT_TASK_LIMIT);
  const snapshots = await hubspot.crm.loadSnapshots(portalId, token, ids, now);
  const candidates = ids.map((taskId): Candidate => {
    const result = snapshots.get(taskId);
    if (result === undefined || 'gone' in result) {
      return { taskId, subject: '', prompt: { subject: '' }, snapshot: undefined, gone: result === undefined ? 'deleted' : result.gone };
    }
    const { snapshot } = result;
    const prompt: TaskPrompt = {
      subject: snapshot.task.subject ?? '', body: snapshot.task.body, type: snapshot.task.type,
      origin: taskOriginFromProperties(snapshot.task.properties ?? {}), locale: snapshot.portal.locale ?? settings.locale, names: namesIn(snapshot),
    };
    return { taskId, subject: snapshot.task.subject ?? '', prompt, snapshot };
  });
  return { candidates, truncated: more };
}

function toExample(card: Card, ruleId: string, ruleName: string, subject: string): PreviewExample {
  return {
    ruleId, ruleName: ruleName.slice(0, 100), taskSubject: subject.slice(0, 500),
    headline: card.headline.text.slice(0, 300), questions: card.questions.map((q) => q.text.slice(0, 500)).slice(0, 3),
    why: card.why.text.slice(0, 1000), lenses: [...new Set(card.questions.flatMap((q) => toApiLens(q.lens) ?? []))].slice(0, 3),
  };
}

/** Why HubSpot was not used, in an admin's words (no token, no stack). */
function unreachable(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
  if (code === 'hubspot.not-installed') return 'Unrobot has no HubSpot access for this portal';
  if (code === 'hubspot.revoked') return 'HubSpot refused Unrobot\'s access token (reinstall the app)';
  if (code === 'hubspot.rate-limited') return 'HubSpot is rate limiting this portal right now';
  return 'HubSpot could not be reached';
}

/** The portal's rules (its phrase and pattern changes kept) with every rule switched on. */
export function everyRuleOn(overrides: RuleOverrides): EffectiveRules {
  const rules = resolveRules(DEFAULT_RULE_PACK, overrides);
  return resolveRules(DEFAULT_RULE_PACK, { ...overrides, rules: Object.fromEntries(rules.rules.map((rule) => [rule.id, { ...overrides.rules[rule.id], enabled: true }])) });
}

export interface PreviewInput { portalId: string; settings: PortalSettings; days: number; now: number }

export async function runPreview(db: SqlDatabase, input: PreviewInput, hubspot?: PreviewHubSpot, onFallback?: (error: unknown) => void): Promise<PreviewResult> {
  const { portalId, settings, days, now } = input;
  const fromMs = now - days * 86_400_000;
  let source: PreviewResult['source'] = 'stored-events';
  let read: { candidates: Candidate[]; truncated: boolean } | undefined;
  let note: string;
  if (hubspot !== undefined) {
    try {
      read = await hubspotCandidates(hubspot, portalId, settings, fromMs, now);
      source = 'hubspot';
    } catch (error) {
      onFallback?.(error);
      note = `${unreachable(error)}, so this preview counts the task subjects stored from webhooks instead (subjects only: no bodies or CRM context).`;
    }
  }
  read ??= await storedCandidates(db, portalId, settings, fromMs, now);
  const taskLimit = source === 'hubspot' ? PREVIEW_HUBSPOT_TASK_LIMIT : PREVIEW_TASK_LIMIT;
  const scanned = read.candidates.length;
  if (source === 'hubspot') {
    note = `Read ${scanned} task${scanned === 1 ? '' : 's'} created in the last ${days} days from HubSpot${read.truncated ? `: the newest ${taskLimit}; older tasks in the window were not read` : ''} (at most ${taskLimit} per preview).`;
  } else {
    note ??= `Read from the task subjects stored from webhooks${hubspot === undefined ? ' (no HubSpot connection is configured)' : ''}.`;
    if (read.truncated) note = `${note} Only the newest ${taskLimit} tasks were read.`;
  }
  const rules = resolveRules(DEFAULT_RULE_PACK, settings.rules);
  // The same rules with every rule on: tells "no rule matched" from "a switched-off rule matched".
  const everyRule = everyRuleOn(settings.rules);
  const names = new Map(rules.rules.map((rule) => [rule.id, rule.name]));
  const nameOf = (ruleId: string) => names.get(ruleId) ?? ruleId;
  const byRule = new Map<string, { matched: number; cards: number }>();
  const skipped = new Map<string, number>();
  const skip = (reason: string) => skipped.set(reason, (skipped.get(reason) ?? 0) + 1);
  const examples: PreviewExample[] = [];
  let robotic = 0;
  let cards = 0;
  for (const task of read.candidates) {
    if (task.gone !== undefined || task.snapshot === undefined) { skip(`task-${task.gone ?? 'deleted'}`); continue; }
    const verdict = classifyTask(task.prompt, rules);
    if (!verdict.robotic || verdict.ruleId === null) {
      const unrestricted = classifyTask(task.prompt, everyRule);
      if (unrestricted.robotic && unrestricted.ruleId !== null) {
        const counts = byRule.get(unrestricted.ruleId) ?? { matched: 0, cards: 0 };
        byRule.set(unrestricted.ruleId, { ...counts, matched: counts.matched + 1 });
        skip('rule-disabled');
      } else skip('not-robotic');
      continue;
    }
    robotic += 1;
    const counts = byRule.get(verdict.ruleId) ?? { matched: 0, cards: 0 };
    byRule.set(verdict.ruleId, counts);
    counts.matched += 1;
    const replied = typeof task.snapshot === 'function' ? undefined : lastClientReplyAt(task.snapshot);
    if (settings.policy.dailyBudgetPerRep === 0) { skip('rep-daily-budget'); continue; }
    if (replied !== undefined && settings.policy.clientReplyWindowHours > 0 && now - replied < settings.policy.clientReplyWindowHours * HOUR_MS) { skip('client-replied-recently'); continue; }
    counts.cards += 1;
    cards += 1;
    if (examples.length < 5) {
      const snapshot = typeof task.snapshot === 'function' ? task.snapshot() : task.snapshot;
      const card = composeCard({
        snapshot, signals: deriveSignals(snapshot, now), classification: { ruleId: verdict.ruleId, ruleName: nameOf(verdict.ruleId), matched: true },
        settings: settings.composer, now, locale: snapshot.portal.locale ?? settings.locale,
      });
      examples.push(toExample(card, verdict.ruleId, nameOf(verdict.ruleId), task.subject));
    }
  }
  return {
    days, from: new Date(fromMs).toISOString(), to: new Date(now).toISOString(), source,
    tasksScanned: scanned, robotic, cards,
    byRule: [...byRule.entries()].map(([ruleId, counts]) => ({ ruleId, ruleName: nameOf(ruleId).slice(0, 100), ...counts })).sort((a, b) => b.matched - a.matched),
    skipped: [...skipped.entries()].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count),
    examples,
    ...(read.truncated && { truncated: true }),
    taskLimit, note: note.slice(0, 500),
  };
}
