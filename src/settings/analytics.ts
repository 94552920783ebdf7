/**
 * Read-only numbers for the settings page over the last 7 or 30 local days: cards delivered per
 * day, skips by reason, and feedback rates by rule and by lens, from the pipeline's tables
 * (migration 20). Days are counted in the portal's time zone.
 */
import { SKIP_REASONS } from '../policy/decide-delivery.ts';
import type { SqlDatabase } from '../store/sql-database.ts';
import { toApiLens, type ApiLensId } from './settings-values.ts';

/** Every skip reason of the contract (`SkipReason`); unknown stored reasons are not reported. */
export const API_SKIP_REASONS = ['not-robotic', 'rule-disabled', 'below-threshold', 'task-completed', 'task-deleted', 'no-associated-record', 'task-already-carded', 'privacy-deletion', 'portal-unknown', ...SKIP_REASONS] as const;

export interface FeedbackCounts { helpful: number; notHelpful: number; snoozed: number; helpfulRate: number | null }

export interface Analytics {
  days: 7 | 30; from: string; to: string; timeZone: string;
  totals: FeedbackCounts & { delivered: number; skipped: number };
  deliveredPerDay: { date: string; delivered: number }[];
  skipsByReason: { reason: string; count: number }[];
  byRule: (FeedbackCounts & { ruleId: string; ruleName: string; delivered: number })[];
  byLens: (FeedbackCounts & { lens: ApiLensId; delivered: number })[];
}

/** The local calendar day of `now` in `timeZone`, as YYYY-MM-DD. */
export function localDate(now: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

function addDays(date: string, days: number): string {
  const value = new Date(`${date}T00:00:00Z`);
  value.setUTCDate(value.getUTCDate() + days);
  return value.toISOString().slice(0, 10);
}

interface CountRow { key: string | null; helpful: string | number; not_helpful: string | number; snoozed: string | number; delivered: string | number }

function counts(row: CountRow): FeedbackCounts {
  const helpful = Number(row.helpful);
  const notHelpful = Number(row.not_helpful);
  return { helpful, notHelpful, snoozed: Number(row.snoozed), helpfulRate: helpful + notHelpful === 0 ? null : Math.round((helpful / (helpful + notHelpful)) * 1000) / 1000 };
}

// Cards in the window with their feedback; `$1` portal, `$2` zone, `$3` first local day.
const WINDOW_CARDS = `
  with window_cards as (
    select c.card_id, c.rule_id, c.lens_ids from cards c
    where c.portal_id = $1 and c.status = 'delivered' and (c.delivered_at at time zone $2)::date >= $3::date
  ), reactions as (
    select w.*, 
      (select count(*) from card_feedback f where f.portal_id = $1 and f.card_id = w.card_id and f.action = 'helpful') as helpful,
      (select count(*) from card_feedback f where f.portal_id = $1 and f.card_id = w.card_id and f.action = 'not-helpful') as not_helpful,
      (select count(*) from card_feedback f where f.portal_id = $1 and f.card_id = w.card_id and f.action = 'snooze') as snoozed
    from window_cards w
  )`;

export async function loadAnalytics(db: SqlDatabase, input: { portalId: string; days: 7 | 30; timeZone: string; now: number; ruleNames: ReadonlyMap<string, string> }): Promise<Analytics> {
  const { portalId, days, timeZone } = input;
  const to = localDate(input.now, timeZone);
  const from = addDays(to, -(days - 1));
  const params = [portalId, timeZone, from];
  const perDay = await db.query<{ day: string; delivered: string | number }>(
    `select to_char((delivered_at at time zone $2)::date, 'YYYY-MM-DD') as day, count(*) as delivered from cards
     where portal_id = $1 and status = 'delivered' and (delivered_at at time zone $2)::date >= $3::date group by 1`, params);
  const skips = await db.query<{ reason: string; count: string | number }>(
    `select reason, count(*) as count from card_skips where portal_id = $1 and (created_at at time zone $2)::date >= $3::date group by reason`, params);
  const sums = 'coalesce(sum(helpful), 0) as helpful, coalesce(sum(not_helpful), 0) as not_helpful, coalesce(sum(snoozed), 0) as snoozed, count(*) as delivered';
  const [total] = await db.query<CountRow>(`${WINDOW_CARDS} select null as key, ${sums} from reactions`, params);
  const byRule = await db.query<CountRow>(`${WINDOW_CARDS} select rule_id as key, ${sums} from reactions where rule_id is not null group by rule_id order by rule_id`, params);
  const byLens = await db.query<CountRow>(`${WINDOW_CARDS} select lens as key, ${sums} from reactions, unnest(lens_ids) as lens group by lens order by lens`, params);

  const delivered = new Map(perDay.map((row) => [row.day, Number(row.delivered)]));
  const known = new Set<string>(API_SKIP_REASONS);
  const skipsByReason = skips.filter((row) => known.has(row.reason)).map((row) => ({ reason: row.reason, count: Number(row.count) })).sort((a, b) => b.count - a.count);
  const totalRow = total ?? { key: null, helpful: 0, not_helpful: 0, snoozed: 0, delivered: 0 };
  return {
    days, from, to, timeZone,
    totals: { ...counts(totalRow), delivered: Number(totalRow.delivered), skipped: skipsByReason.reduce((sum, row) => sum + row.count, 0) },
    deliveredPerDay: Array.from({ length: days }, (_, index) => { const date = addDays(from, index); return { date, delivered: delivered.get(date) ?? 0 }; }),
    skipsByReason,
    byRule: byRule.flatMap((row) => row.key === null ? [] : [{ ruleId: row.key, ruleName: (input.ruleNames.get(row.key) ?? row.key).slice(0, 100), delivered: Number(row.delivered), ...counts(row) }]),
    byLens: byLens.flatMap((row) => { const lens = row.key === null ? undefined : toApiLens(row.key); return lens === undefined ? [] : [{ lens, delivered: Number(row.delivered), ...counts(row) }]; }),
  };
}
