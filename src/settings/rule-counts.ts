/**
 * How many of the portal's recent tasks each rule recognises, for the rule list. It reads the
 * preview's stored-events source (the subject of each task's latest subject change, from the
 * database: no HubSpot call at all, let alone one per rule) and classifies every task once with
 * every rule switched on, so a switched-off rule still shows what it would catch. Each task is
 * credited to the one rule its verdict names, as in the preview's "Matched" column.
 */
import { classifyTask } from '../rules/index.ts';
import type { SqlDatabase } from '../store/sql-database.ts';
import type { PortalSettings } from './portal-settings.ts';
import { everyRuleOn, readRecentTasks } from './preview.ts';

/** The window the rule list counts over. */
export const RULE_COUNT_DAYS = 7;

/** `RuleCounts` in openapi.json. */
export interface RuleCounts {
  days: number;
  source: 'stored-events';
  /** Tasks read (the newest PREVIEW_TASK_LIMIT at most; `truncated` when there were more). */
  tasks: number;
  truncated: boolean;
  /** Rules that recognised at least one task, most first. */
  byRule: { ruleId: string; recognised: number }[];
}

export async function countRecognisedByRule(db: SqlDatabase, input: { portalId: string; settings: PortalSettings; now: number }): Promise<RuleCounts> {
  const { tasks, truncated } = await readRecentTasks(db, input.portalId, input.now - RULE_COUNT_DAYS * 86_400_000);
  const rules = everyRuleOn(input.settings.rules);
  const counts = new Map<string, number>();
  for (const task of tasks) {
    const verdict = classifyTask({ subject: task.property_value, locale: input.settings.locale }, rules);
    if (verdict.robotic && verdict.ruleId !== null) counts.set(verdict.ruleId, (counts.get(verdict.ruleId) ?? 0) + 1);
  }
  return {
    days: RULE_COUNT_DAYS, source: 'stored-events', tasks: tasks.length, truncated,
    byRule: [...counts.entries()].map(([ruleId, recognised]) => ({ ruleId, recognised })).sort((a, b) => b.recognised - a.recognised || a.ruleId.localeCompare(b.ruleId)),
  };
}
