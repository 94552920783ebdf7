/**
 * Issue 14's invariant, read from the database: every stored task event ends in exactly one of
 * card delivered / card pending / skip with reason / dead letter / parked. An event's own rows
 * (skip, dead letter, parked) name it by its key; an event with none of them is covered by its
 * task's card. Anything else is a silent (or doubled) event.
 */
import { TASK_EVENTS_DEAD_LETTER, TASK_EVENTS_QUEUE } from '../../src/store/boss-queue.ts';
import type { SqlDatabase } from '../../src/store/sql-database.ts';

export type Outcome = 'card-delivered' | 'card-pending' | 'skip' | 'dead-letter' | 'parked';

export interface EventOutcome {
  eventKey: string;
  objectId: string;
  outcomes: Outcome[];
  /** The event still has a job to run (created, retry or active): the pipeline has not settled. */
  unsettled: boolean;
  skipReasons: string[];
}

export async function readEventOutcomes(db: SqlDatabase): Promise<EventOutcome[]> {
  const rows = await db.query<{ event_key: string; object_id: string; skips: string[] | null; parked: number; dead: number; live: number; cards: string[] | null }>(
    `select e.event_key, e.object_id,
        (select array_agg(s.reason order by s.reason) from card_skips s where s.portal_id = e.portal_id and s.event_key = e.event_key) as skips,
        (select count(*)::int from parked_jobs p where p.portal_id = e.portal_id and p.event_key = e.event_key) as parked,
        (select count(*)::int from pgboss.job j where j.name = $1 and j.data->>'portalId' = e.portal_id and j.data->>'eventKey' = e.event_key) as dead,
        (select count(*)::int from pgboss.job j where j.name = $2 and j.data->>'portalId' = e.portal_id and j.data->>'eventKey' = e.event_key
           and j.state in ('created', 'retry', 'active')) as live,
        (select array_agg(c.status) from cards c where c.portal_id = e.portal_id and c.task_id = e.object_id) as cards
       from webhook_events e where e.status = 'queued' order by e.event_key`, [TASK_EVENTS_DEAD_LETTER, TASK_EVENTS_QUEUE]);
  return rows.map((row) => {
    const own: Outcome[] = [
      ...(row.skips ?? []).map((): Outcome => 'skip'),
      ...Array.from({ length: row.dead }, (): Outcome => 'dead-letter'),
      ...Array.from({ length: row.parked }, (): Outcome => 'parked'),
    ];
    const card = (row.cards ?? []).map((status): Outcome => (status === 'delivered' ? 'card-delivered' : 'card-pending'));
    return { eventKey: row.event_key, objectId: row.object_id, outcomes: own.length > 0 ? own : card, unsettled: row.live > 0, skipReasons: row.skips ?? [] };
  });
}

/** The events that break the invariant (none, one of each kind per event is allowed). */
export function violations(outcomes: readonly EventOutcome[]): EventOutcome[] {
  return outcomes.filter((event) => event.outcomes.length !== 1);
}

/** True once no event has a job left to run. */
export const settled = (outcomes: readonly EventOutcome[]): boolean => outcomes.every((event) => !event.unsettled);
