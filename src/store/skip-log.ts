/**
 * Read side of the skips and parked jobs for operators (`npm run dlq -- skips | parked`): what
 * happened to events that got no card and are not in the dead-letter queue, without personal
 * data (reason codes, ids and times only).
 */
import type { SqlDatabase } from './sql-database.ts';

export interface SkipEntry { portalId: string; taskId: string; eventKey: string | null; reason: string; at: Date }

export interface ParkedEntry { portalId: string; eventKey: string; objectId: string; reason: string | null; parkedAt: Date }

/** Skips, newest first; `reason` narrows them to one code (e.g. `portal-unknown`). */
export async function listSkips(db: SqlDatabase, options: { reason?: string; limit: number }): Promise<SkipEntry[]> {
  const rows = await db.query<{ portal_id: string; task_id: string; event_key: string | null; reason: string; created_at: Date | string }>(
    `select portal_id, task_id, event_key, reason, created_at from card_skips
      where ($1::text is null or reason = $1) order by created_at desc, id desc limit $2`,
    [options.reason ?? null, options.limit]);
  return rows.map((row) => ({ portalId: row.portal_id, taskId: row.task_id, eventKey: row.event_key, reason: row.reason, at: new Date(row.created_at) }));
}

/** Parked jobs (their portal paused: revoked token, missing scope), oldest first, with the pause's reason. */
export async function listParked(db: SqlDatabase, options: { limit: number }): Promise<ParkedEntry[]> {
  const rows = await db.query<{ portal_id: string; event_key: string; object_id: string; reason: string | null; parked_at: Date | string }>(
    `select j.portal_id, j.event_key, j.job->>'objectId' as object_id, p.reason, j.parked_at from parked_jobs j
       left join paused_portals p on p.portal_id = j.portal_id
      order by j.parked_at, j.event_key limit $1`, [options.limit]);
  return rows.map((row) => ({ portalId: row.portal_id, eventKey: row.event_key, objectId: row.object_id, reason: row.reason, parkedAt: new Date(row.parked_at) }));
}
