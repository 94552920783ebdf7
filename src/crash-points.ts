/**
 * Crash injection for `npm run crash-loop` (RELIABILITY.md §2.4, T2): with TEST_CRASH_AT set
 * (refused in production), the process SIGKILLs itself at one of the five points, after skipping
 * `skip` earlier hits of that point. Off (every wrapper returns its input) when not configured.
 *
 * - `before-commit`: the intake's group is built, its one statement (deliveries, events,
 *   quarantine and jobs: write-deliveries.ts, its own transaction) not yet sent: the state a kill
 *   before the commit leaves, nothing of the group stored;
 * - `mid-batch`: the intake statement sent (one turn of the event loop after the query was
 *   issued, so it is on the wire), not yet answered: the database commits all of it or none
 *   ("event 50 of 100" has no in-between state in one statement: this is the closest real point);
 * - `after-commit`: the intake transaction committed, before the 204 is written;
 * - `after-claim`: a job claimed by the worker, before its handler calls HubSpot;
 * - `after-hubspot-write`: HubSpot answered 201 to the note create, before the card is marked delivered.
 */
import type { Logger } from './logger.ts';
import type { Store } from './store/ports.ts';
import type { QueryOptions, SqlDatabase } from './store/sql-database.ts';
import { INTAKE_STATEMENT_MARKER } from './store/write-deliveries.ts';
import type { TaskEventHandler } from './worker/create-worker.ts';

export const CRASH_POINTS = ['before-commit', 'mid-batch', 'after-commit', 'after-claim', 'after-hubspot-write'] as const;
export type CrashPoint = (typeof CRASH_POINTS)[number];

export interface CrashHooks {
  /** The database the intake store writes through (before-commit, mid-batch). */
  intakeDb(db: SqlDatabase): SqlDatabase;
  intakeStore(store: Store): Store;
  handler(handler: TaskEventHandler): TaskEventHandler;
  /** Told of every HubSpot call's end (the metrics hook). */
  onHubSpotCall(operation: string, status: string): void;
}

export function createCrashHooks(plan: { point: string; skip: number } | undefined, log: Logger): CrashHooks | undefined {
  if (plan === undefined) return undefined;
  let hits = 0;
  const hit = (point: CrashPoint): void => {
    if (plan.point !== point) return;
    hits += 1;
    if (hits <= plan.skip) return;
    log.warn({ crashPoint: point, hit: hits }, 'crash test: SIGKILL');
    process.kill(process.pid, 'SIGKILL');
  };
  log.warn({ crashPoint: plan.point, skip: plan.skip }, 'crash test hooks armed (TEST_CRASH_AT)');
  return {
    intakeDb(db) {
      const query = <T extends object>(sql: string, params?: unknown[], options?: QueryOptions): Promise<T[]> => {
        if (!sql.startsWith(INTAKE_STATEMENT_MARKER)) return db.query<T>(sql, params, options);
        hit('before-commit');
        const pending = db.query<T>(sql, params, options);
        setImmediate(() => hit('mid-batch'));
        return pending;
      };
      return {
        engine: db.engine,
        get bossDb() { return db.bossDb; },
        query,
        exec: (sql) => db.exec(sql),
        withAdvisoryLock: (key, work) => db.withAdvisoryLock(key, work),
        bossOptions: () => db.bossOptions(),
        close: () => db.close(),
        transaction: (work) => db.transaction(work),
      };
    },
    intakeStore: (store) => ({
      ...store,
      recordDelivery: async (delivery) => {
        const result = await store.recordDelivery(delivery);
        hit('after-commit');
        return result;
      },
      readiness: () => store.readiness(),
    }),
    handler: (handler) => async (job, context) => {
      hit('after-claim');
      return handler(job, context);
    },
    onHubSpotCall(operation, status) {
      if (operation === 'notes.create' && status === '2xx') hit('after-hubspot-write');
    },
  };
}
