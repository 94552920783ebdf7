/**
 * Data retention for the webhook inbox. Dedupe keys (webhook_events) are kept at least 7 days,
 * far beyond HubSpot's 24 h retry window (RELIABILITY.md T5); raw delivery bodies and quarantined
 * events, which can hold personal data, are purged after the configured retention. A delivery row
 * still named by a kept event keeps its metadata but loses its body.
 */
import type { SqlDatabase } from './sql-database.ts';

/** T5: dedupe keys are never dropped sooner than this. */
export const MIN_DEDUPE_RETENTION_DAYS = 7;

export interface RetentionPolicy {
  /** Days raw bodies and quarantined events are kept. */
  retentionDays: number;
}

export interface PurgeResult {
  events: number;
  quarantined: number;
  deliveries: number;
  bodiesCleared: number;
}

const DAY_MS = 24 * 3600 * 1000;

/** Deletes what is past retention as of `now` (epoch ms). Idempotent; safe on several replicas at once. */
export async function purgeExpired(db: SqlDatabase, policy: RetentionPolicy, now: number): Promise<PurgeResult> {
  const rawCutoff = now - policy.retentionDays * DAY_MS;
  const keyCutoff = now - Math.max(MIN_DEDUPE_RETENTION_DAYS, policy.retentionDays) * DAY_MS;
  const at = (ms: number) => [ms];
  return db.transaction(async (tx) => {
    const count = async (sql: string, params: unknown[]) =>
      (await tx.query<{ n: number }>(`with gone as (${sql} returning 1) select count(*)::int as n from gone`, params))[0]?.n ?? 0;
    const quarantined = await count('delete from quarantined_events where received_at < to_timestamp($1::double precision / 1000)', at(rawCutoff));
    const events = await count('delete from webhook_events where received_at < to_timestamp($1::double precision / 1000)', at(keyCutoff));
    const deliveries = await count(
      `delete from webhook_deliveries d where d.received_at < to_timestamp($1::double precision / 1000)
         and not exists (select 1 from webhook_events e where e.delivery_id = d.id)
         and not exists (select 1 from quarantined_events q where q.delivery_id = d.id)`, at(rawCutoff));
    const bodiesCleared = await count(
      `update webhook_deliveries set body = ''::bytea
        where received_at < to_timestamp($1::double precision / 1000) and octet_length(body) > 0`, at(rawCutoff));
    return { events, quarantined, deliveries, bodiesCleared };
  });
}
