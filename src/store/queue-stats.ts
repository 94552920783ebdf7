/**
 * Queue depth and age for `/metrics`, read on scrape from pg-boss's job table: jobs per state of
 * the task-events queue, dead letters, and how long the oldest unclaimed job has waited (measured
 * by the database's clock, so a skewed replica clock does not distort it).
 */
import { TASK_EVENTS_DEAD_LETTER, TASK_EVENTS_QUEUE } from './boss-queue.ts';
import type { SqlExecutor } from './sql-database.ts';

/** Queue figures read at scrape time. */
export interface QueueStats {
  /** Jobs per pg-boss state (`created`, `retry`, `active`, …) of the task-events queue. */
  jobs: Record<string, number>;
  deadLetters: number;
  /** Seconds the oldest job still waiting (created or retry) has existed; 0 when none waits. */
  oldestWaitingSeconds: number;
}

export async function readQueueStats(db: SqlExecutor): Promise<QueueStats> {
  const rows = await db.query<{ name: string; state: string; n: number; oldest: number | null }>(
    `select name, state::text as state, count(*)::int as n,
            extract(epoch from now() - min(created_on) filter (where state in ('created', 'retry')))::float8 as oldest
       from pgboss.job where name in ($1, $2) group by name, state`,
    [TASK_EVENTS_QUEUE, TASK_EVENTS_DEAD_LETTER],
  );
  const jobs: Record<string, number> = {};
  let deadLetters = 0;
  let oldestWaitingSeconds = 0;
  for (const row of rows) {
    if (row.name === TASK_EVENTS_DEAD_LETTER) { deadLetters += row.n; continue; }
    jobs[row.state] = row.n;
    if (row.oldest !== null) oldestWaitingSeconds = Math.max(oldestWaitingSeconds, Number(row.oldest));
  }
  return { jobs, deadLetters, oldestWaitingSeconds };
}
