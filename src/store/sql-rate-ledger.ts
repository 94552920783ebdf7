/**
 * {@link RateLedger} on PostgreSQL: a sliding-window log per portal and request kind, in one
 * row of `hubspot_rate_lanes`. A claim is one UPDATE: it drops the grant times older than the
 * window and appends now, only if fewer than `max` remain and the lane is not paused. Concurrent
 * claims from any replica queue on the row lock, and under READ COMMITTED each re-evaluates its
 * condition on the row the previous one wrote, so no window ever holds more than `max` grants.
 * The refused claim reads the same row (as it was before the statement) to say how long to wait.
 */
import type { RateLedger } from './ports.ts';
import type { SqlDatabase } from './sql-database.ts';

const NOW_MS = `(extract(epoch from clock_timestamp()) * 1000)::double precision`;

// The UPDATE reads the clock itself (not a CTE's value): a claim that waited for the row lock
// re-evaluates its condition, and stamps its grant, at the moment it actually holds the row.
const CLAIM = `
  with claimed as (
    update hubspot_rate_lanes l
       set stamps = array(select s from unnest(l.stamps) s where s > ${NOW_MS} - $3::double precision order by s) || ${NOW_MS}
     where l.portal_id = $1 and l.kind = $2
       and l.paused_until <= ${NOW_MS}
       and (select count(*) from unnest(l.stamps) s where s > ${NOW_MS} - $3::double precision) < $4::int
    returning 1
  ), t as (select ${NOW_MS} as now, $3::double precision as win, $4::int as max)
  select (select count(*) from claimed)::int as granted,
         greatest(l.paused_until - (select now from t),
                  coalesce((select s from unnest(l.stamps) s where s > (select now - win from t) order by s desc offset (select max - 1 from t) limit 1) + (select win - now from t), 0)) as wait_ms
    from hubspot_rate_lanes l where l.portal_id = $1 and l.kind = $2`;

export function createSqlRateLedger(db: SqlDatabase): RateLedger {
  const known = new Set<string>();
  const ensure = async (portalId: string, kind: string) => {
    const key = `${portalId}:${kind}`;
    if (known.has(key)) return;
    await db.query('insert into hubspot_rate_lanes (portal_id, kind) values ($1, $2) on conflict do nothing', [portalId, kind]);
    known.add(key);
  };
  return {
    async claim(portalId, kind, max, windowMs) {
      await ensure(portalId, kind);
      const [row] = await db.query<{ granted: number; wait_ms: number | string | null }>(CLAIM, [portalId, kind, windowMs, max]);
      if (row === undefined) {
        known.delete(`${portalId}:${kind}`); // the lane was purged since: recreate it on the next claim
        return { granted: false, waitMs: 0 };
      }
      return { granted: row.granted === 1, waitMs: Math.max(0, Math.ceil(Number(row.wait_ms ?? 0))) };
    },
    async pause(portalId, kind, ms) {
      await ensure(portalId, kind);
      await db.query(`update hubspot_rate_lanes set paused_until = greatest(paused_until, ${NOW_MS} + $3::double precision) where portal_id = $1 and kind = $2`, [portalId, kind, ms]);
    },
  };
}
