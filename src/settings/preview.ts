/**
 * Dry run: what the saved or edited-but-unsaved settings would produce over the portal's tasks of
 * the last N days, counted by rule, with up to five example cards. Nothing is delivered or saved.
 * Tasks come from the stored webhook events (the subject of each task's latest subject change).
 * The anti-noise policy needs CRM context that stored events do not carry, so only the parts it
 * can decide alone apply here (a daily budget of 0 pauses every card).
 */
import { composeCard } from '../cards/compose-card.ts';
import { deriveSignals } from '../context/derive-signals.ts';
import { parseCrmSnapshot } from '../context/crm-snapshot.ts';
import { classifyTask, DEFAULT_RULE_PACK, resolveRules, type RuleOverrides } from '../rules/index.ts';
import type { SqlDatabase } from '../store/sql-database.ts';
import type { PortalSettings } from './portal-settings.ts';
import { toApiLens, type ApiLensId } from './settings-values.ts';

/** Most tasks one preview reads; the newest win. */
export const PREVIEW_TASK_LIMIT = 2000;

export interface PreviewExample { ruleId: string; ruleName: string; taskSubject: string; headline: string; questions: string[]; why: string; lenses: ApiLensId[] }

export interface PreviewResult {
  days: number; from: string; to: string; source: 'stored-events' | 'hubspot';
  tasksScanned: number; robotic: number; cards: number;
  byRule: { ruleId: string; ruleName: string; matched: number; cards: number }[];
  skipped: { reason: string; count: number }[];
  examples: PreviewExample[];
  truncated?: boolean;
}

interface TaskRow { object_id: string; property_value: string }

export async function readRecentTasks(db: SqlDatabase, portalId: string, sinceMs: number): Promise<{ tasks: TaskRow[]; truncated: boolean }> {
  const rows = await db.query<TaskRow>(
    `select distinct on (object_id) object_id, property_value from webhook_events
     where portal_id = $1 and property_name = 'hs_task_subject' and property_value is not null and occurred_at >= $2
     order by object_id, occurred_at desc`, [portalId, sinceMs]);
  return { tasks: rows.slice(0, PREVIEW_TASK_LIMIT), truncated: rows.length > PREVIEW_TASK_LIMIT };
}

function example(portalId: string, task: TaskRow, ruleId: string, ruleName: string, settings: PortalSettings, now: number): PreviewExample {
  const snapshot = parseCrmSnapshot({
    capturedAt: now, portal: { id: portalId },
    task: { id: task.object_id, subject: task.property_value, body: null, type: 'TODO', status: 'NOT_STARTED', priority: null, ownerId: null, createdAt: null, dueAt: null, properties: {} },
    missing: [{ part: 'contact', reason: 'not_associated' }, { part: 'company', reason: 'not_associated' }],
  });
  const card = composeCard({ snapshot, signals: deriveSignals(snapshot, now), classification: { ruleId, matched: true }, settings: settings.composer, now, locale: settings.locale });
  return {
    ruleId, ruleName: ruleName.slice(0, 100), taskSubject: task.property_value.slice(0, 500),
    headline: card.headline.text.slice(0, 300), questions: card.questions.map((q) => q.text.slice(0, 500)).slice(0, 3),
    why: card.why.text.slice(0, 1000), lenses: [...new Set(card.questions.flatMap((q) => toApiLens(q.lens) ?? []))].slice(0, 3),
  };
}

export async function runPreview(db: SqlDatabase, input: { portalId: string; settings: PortalSettings; days: number; now: number }): Promise<PreviewResult> {
  const { portalId, settings, days, now } = input;
  const fromMs = now - days * 86_400_000;
  const { tasks, truncated } = await readRecentTasks(db, portalId, fromMs);
  const rules = resolveRules(DEFAULT_RULE_PACK, settings.rules);
  // The same rules with every rule on: tells "no rule matched" from "a switched-off rule matched".
  const allOn: RuleOverrides = { ...settings.rules, rules: Object.fromEntries(rules.rules.map((rule) => [rule.id, { ...settings.rules.rules[rule.id], enabled: true }])) };
  const everyRule = resolveRules(DEFAULT_RULE_PACK, allOn);
  const names = new Map(rules.rules.map((rule) => [rule.id, rule.name]));
  const byRule = new Map<string, { matched: number; cards: number }>();
  const skipped = new Map<string, number>();
  const skip = (reason: string) => skipped.set(reason, (skipped.get(reason) ?? 0) + 1);
  const examples: PreviewExample[] = [];
  let robotic = 0;
  let cards = 0;
  for (const task of tasks) {
    const prompt = { subject: task.property_value, locale: settings.locale };
    const verdict = classifyTask(prompt, rules);
    if (!verdict.robotic || verdict.ruleId === null) {
      const unrestricted = classifyTask(prompt, everyRule);
      if (unrestricted.robotic && unrestricted.ruleId !== null) {
        const counts = byRule.get(unrestricted.ruleId) ?? { matched: 0, cards: 0 };
        byRule.set(unrestricted.ruleId, { ...counts, matched: counts.matched + 1 });
        skip('rule-disabled');
      } else skip('not-robotic');
      continue;
    }
    robotic += 1;
    const counts = byRule.get(verdict.ruleId) ?? { matched: 0, cards: 0 };
    counts.matched += 1;
    if (settings.policy.dailyBudgetPerRep === 0) skip('rep-daily-budget');
    else {
      counts.cards += 1;
      cards += 1;
      if (examples.length < 5) examples.push(example(portalId, task, verdict.ruleId, names.get(verdict.ruleId) ?? verdict.ruleId, settings, now));
    }
    byRule.set(verdict.ruleId, counts);
  }
  return {
    days, from: new Date(fromMs).toISOString(), to: new Date(now).toISOString(), source: 'stored-events',
    tasksScanned: tasks.length, robotic, cards,
    byRule: [...byRule.entries()].map(([ruleId, counts]) => ({ ruleId, ruleName: (names.get(ruleId) ?? ruleId).slice(0, 100), ...counts })).sort((a, b) => b.matched - a.matched),
    skipped: [...skipped.entries()].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count),
    examples,
    ...(truncated && { truncated }),
  };
}
