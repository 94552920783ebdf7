/**
 * The durable queue: pg-boss in the same database as the inbox, behind the {@link JobQueue} port.
 * Jobs are inserted in the intake's own statement (intakeJobInsertSql) or through the caller's transaction (enqueue), so an event and its job commit
 * or roll back together. A failed job's next run follows the worker's T7 schedule (written to the
 * job's own `retry_delay` just before pg-boss fails it, so the job keeps its id and retry count);
 * a crashed worker's jobs come back once their heartbeat lapses (or a hung one's lease expires;
 * then pg-boss's jittered backoff), and the last
 * failure lands in a dead-letter queue.
 *
 * Poison detection (T7: 3 lease expiries make a job poison) must not blame a job for a process
 * that died of something else: a batch's other jobs, a deploy, a kill storm. So an expiry only
 * makes a job a *suspect*; a suspect runs alone (nothing else of this queue in flight in its
 * process, every other claimed job handed back without spending an attempt), and only a process
 * death during such a lone run is a *strike*, counted in the job's data. A process younger than
 * `suspectWarmupSeconds` hands suspects back for later: a process that dies within seconds of
 * starting is in a crash loop of its own, whatever it runs, while a job that kills its process
 * kills it at any age, so the wait costs a poison job nothing and spares the innocent.
 */
import { PgBoss } from 'pg-boss';
import type { ClaimedJob, ConsumeOptions, DeadLetter, DeadLetterQueue, JobDecision, JobQueue, TaskEventJob } from './ports.ts';
import type { SqlDatabase, SqlExecutor } from './sql-database.ts';

export const TASK_EVENTS_QUEUE = 'task-events';
export const TASK_EVENTS_DEAD_LETTER = 'task-events-dead';

export interface QueueSettings {
  /** Attempts in total, the first included (RELIABILITY.md T7: 8). */
  attempts: number;
  /** Base of the exponential backoff, seconds. */
  retryDelaySeconds: number;
  /** Cap of one backoff step, seconds. */
  retryDelayMaxSeconds: number;
  /** Lease: a claimed job not settled within this many seconds is retried (T7: 60). */
  leaseSeconds: number;
  /** How often expired leases and lost heartbeats are looked for. */
  superviseIntervalSeconds: number;
  /**
   * A claimed job whose worker has not refreshed it for this long is retried: the worker died.
   * The worker refreshes every half of it while the handler runs, so a slow job keeps its claim
   * (up to the lease) and a dead replica's jobs come back within heartbeat + supervise interval
   * instead of a whole lease. pg-boss's minimum is 10; absent, only the lease applies.
   */
  heartbeatSeconds?: number;
  /** A process runs suspects (jobs whose lease expired) only once it is this old; default 10. */
  suspectWarmupSeconds?: number;
}

/**
 * T7: the first run plus 8 retries, lease 60 s. Retries after a handler failure wait the T7 step
 * the worker chose; retries after an expired lease or a lost heartbeat use pg-boss's jittered
 * backoff from `retryDelay` (the worker was gone, nobody chose): 5–10 s the first time, doubling.
 * A killed worker's jobs are failed once their heartbeat is 10 s old (seen within the 5 s
 * supervise interval), so they run again within about 10 + 5 + 5 + 10 = 30 s (T12: ≤ 90 s). It
 * used to be lease + supervise + backoff from 60 s: 135–195 s.
 */
export const DEFAULT_QUEUE_SETTINGS: QueueSettings = {
  attempts: 9,
  retryDelaySeconds: 5,
  retryDelayMaxSeconds: 6 * 60 * 60,
  leaseSeconds: 60,
  superviseIntervalSeconds: 5,
  heartbeatSeconds: 10,
  suspectWarmupSeconds: 10,
};

/** What the queue keeps in a job's data about its crashes (never shown to the handler). */
interface CrashLedger {
  /** Strikes: process deaths while this job ran alone; 3 make it poison. */
  leaseExpiries?: number;
  /** The attempt (retry count) in which it last ran alone. */
  isolatedRun?: number;
}
type StoredJob = TaskEventJob & CrashLedger;

export interface BossQueue extends JobQueue, DeadLetterQueue {
  start(): Promise<void>;
  /**
   * Inserts one job per event through `tx`, so they commit with the caller's transaction.
   * `startAfter` holds the jobs back until then (a card deferred past quiet hours).
   */
  enqueue(tx: SqlExecutor, jobs: readonly TaskEventJob[], options?: { startAfter?: Date }): Promise<number>;
  /**
   * The task queue's job insert for the intake statement (after `start`): one job per row of
   * `source`, a relation with a `job jsonb` column, so a delivery's events and their jobs are one
   * statement (write-deliveries.ts). It writes the row pg-boss's `insert` writes (the queue's
   * retry, lease, retention and dead-letter settings; tests/integration/store-queue.test.ts
   * compares the two), without the JSON round trip of pg-boss's `json_to_recordset` input (≈ 25 %
   * of the statement's database time at 100 events per request).
   */
  intakeJobInsertSql(source: string): string;
  isRunning(): boolean;
  /** Stops pg-boss entirely (workers, supervision); the database stays open. */
  stop(timeoutMs: number): Promise<void>;
  /** Jobs per state in a queue, for tests and operators. */
  countJobs(queue: string): Promise<Record<string, number>>;
}

export function createBossQueue(
  db: SqlDatabase,
  settings: QueueSettings = DEFAULT_QUEUE_SETTINGS,
  onError: (error: Error) => void = () => undefined,
): BossQueue {
  const boss = new PgBoss({
    ...db.bossOptions(),
    schema: 'pgboss',
    supervise: true,
    superviseIntervalSeconds: settings.superviseIntervalSeconds,
    monitorIntervalSeconds: settings.superviseIntervalSeconds,
    schedule: false,
    registerInstance: false,
  });
  boss.on('error', onError);
  let running = false;
  let jobTable: string | undefined;
  let workerId: string | undefined;

  /**
   * pg-boss fails a job whose claim ran out with one of three outputs: the supervisor's "job timed
   * out" (lease) or "job heartbeat timeout" (the worker process died holding it, or stalled for a
   * whole heartbeat), or the worker's own "handler execution exceeded Ns" (the handler hung past
   * the lease, its process alive). Each counts as an expiry.
   */
  const expiredLease = (output: unknown): ClaimedJob<TaskEventJob>['suspect'] => {
    const shape = output as { message?: unknown; value?: { message?: unknown } } | null;
    const message = shape?.value?.message ?? shape?.message;
    if (message === 'job timed out' || message === 'job heartbeat timeout') return 'timed-out';
    return typeof message === 'string' && message.startsWith('handler execution exceeded') ? 'hung' : undefined;
  };
  /** A strike, kept in the job's data (which survives every retry; the output does not). */
  const recordStrike = async (id: string, count: number) => {
    await db.query(`update pgboss.job set data = (data - 'isolatedRun') || jsonb_build_object('leaseExpiries', $3::int) where name = $1 and id = $2`,
      [TASK_EVENTS_QUEUE, id, count]);
    return count;
  };
  /** Written before a suspect runs alone, so that its death in this attempt is known as a strike. */
  const markIsolatedRun = (id: string, attempt: number) =>
    db.query(`update pgboss.job set data = data || jsonb_build_object('isolatedRun', $3::int) where name = $1 and id = $2 and state = 'active' and retry_count = $3`,
      [TASK_EVENTS_QUEUE, id, attempt]);
  /**
   * Hands claimed jobs back unrun, without spending an attempt (as pg-boss's own restore(): a
   * cleared `started_on` makes the next claim keep the retry count), claimable `delaySeconds` on.
   */
  const handBack = async (jobs: ReadonlyArray<{ id: string; retryCount: number }>, delaySeconds: number) => {
    if (jobs.length === 0) return;
    await db.query(
      `update pgboss.job set state = 'created', started_on = null, heartbeat_on = null, upsert_by_key = null,
              start_after = greatest(start_after, now() + $3 * interval '1 second')
        where name = $1 and id = any($2::uuid[]) and state = 'active'`,
      [TASK_EVENTS_QUEUE, jobs.map((job) => job.id), delaySeconds]);
    // pg-boss settles every job of the batch once the callback returns, a job without a result as
    // failed ("no disposition"), fenced by id and retry count. A handed-back job keeps its retry
    // count, so by then another worker's claim of it matches that fence, and the stale fail would
    // re-queue the job under the worker running it (it ran twice: seen at 600 tasks, 19 jobs of a
    // batch run again while a suspect ran alone). pg-boss's own restore() has the same blind spot
    // (see attemptFence in its plans.js) and avoids it by restoring before the handler starts; here
    // the claim is named by an attempt no claim can have, so that fail touches nothing.
    for (const job of jobs) job.retryCount = -1;
  };

  const settle = async (job: { id: string }, decision: JobDecision) => {
    if (decision.status === 'completed') return { id: job.id, status: 'completed' as const };
    if (decision.status === 'retry' && decision.delaySeconds !== undefined) {
      // pg-boss computes the next start from the job's own retry_delay when backoff is off.
      await db.query(`update pgboss.job set retry_delay = $3, retry_backoff = false where name = $1 and id = $2 and state = 'active'`,
        [TASK_EVENTS_QUEUE, job.id, Math.max(1, Math.ceil(decision.delaySeconds))]);
    }
    const output = { message: decision.error };
    return { id: job.id, status: decision.status === 'retry' ? ('failed' as const) : ('deadletter' as const), output };
  };

  return {
    async start() {
      await boss.start();
      await boss.createQueue(TASK_EVENTS_DEAD_LETTER, { retryLimit: 0, deleteAfterSeconds: 30 * 24 * 3600 });
      const queueOptions = {
        retryLimit: settings.attempts - 1,
        retryDelay: settings.retryDelaySeconds,
        retryBackoff: true,
        retryDelayMax: settings.retryDelayMaxSeconds,
        expireInSeconds: settings.leaseSeconds,
        // null clears a heartbeat an earlier configuration of the queue set (pg-boss accepts it;
        // its type says number only).
        heartbeatSeconds: (settings.heartbeatSeconds ?? null) as number,
        deadLetter: TASK_EVENTS_DEAD_LETTER,
      };
      if (await boss.getQueue(TASK_EVENTS_QUEUE)) await boss.updateQueue(TASK_EVENTS_QUEUE, queueOptions);
      else await boss.createQueue(TASK_EVENTS_QUEUE, queueOptions);
      const queue = await boss.getQueue(TASK_EVENTS_QUEUE);
      if (queue === null) throw new Error(`queue ${TASK_EVENTS_QUEUE} missing after createQueue`);
      if (!/^[a-z_][a-z0-9_]*$/.test(queue.table)) throw new Error(`unexpected pg-boss queue table name ${queue.table}`);
      jobTable = queue.table;
      running = true;
    },
    async enqueue(tx, jobs, options = {}) {
      if (jobs.length === 0) return 0;
      const startAfter = options.startAfter;
      await boss.insert(TASK_EVENTS_QUEUE, jobs.map((data) => ({ data: { ...data }, ...(startAfter && { startAfter }) })), { db: tx.bossDb });
      return jobs.length;
    },
    async consume(handle: (job: ClaimedJob<TaskEventJob>) => Promise<JobDecision>, options: ConsumeOptions = {}) {
      const warmAt = Date.now() + (settings.suspectWarmupSeconds ?? 10) * 1000;
      workerId = await boss.work<StoredJob>(
        TASK_EVENTS_QUEUE,
        { perJobResults: true, includeMetadata: true, batchSize: options.batchSize ?? 10, burstWhenBatchFull: true, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1 },
        async (jobs) => {
          const claimed = await Promise.all(jobs.map(async (job) => {
            const { leaseExpiries: before = 0, isolatedRun, ...data } = job.data;
            const suspect = job.retryCount > 0 ? expiredLease((job as { output?: unknown }).output) : undefined;
            const struck = suspect !== undefined && isolatedRun === job.retryCount - 1;
            const leaseExpiries = struck ? await recordStrike(job.id, before + 1) : before;
            return { job, suspect, claimedJob: { id: job.id, data, attempt: job.retryCount, leaseExpiries, ...(suspect && { suspect }) } };
          }));
          const run = (entries: typeof claimed) => Promise.all(entries.map(async ({ job, claimedJob }) => settle(job, await handle(claimedJob))));
          const suspects = claimed.filter((entry) => entry.suspect !== undefined);
          const lone = suspects[0];
          if (lone === undefined) return run(claimed);
          const young = Date.now() < warmAt;
          if (young) {
            await handBack(suspects.map((entry) => entry.job), Math.ceil((warmAt - Date.now()) / 1000));
            return run(claimed.filter((entry) => entry.suspect === undefined));
          }
          await handBack(claimed.filter((entry) => entry !== lone).map((entry) => entry.job), 0);
          await markIsolatedRun(lone.job.id, lone.job.retryCount);
          return run([lone]);
        },
      );
    },
    async stopConsuming(timeoutMs) {
      if (workerId === undefined) return;
      const id = workerId;
      workerId = undefined;
      await Promise.race([boss.offWork(TASK_EVENTS_QUEUE, { id, wait: true }), new Promise((resolve) => setTimeout(resolve, timeoutMs).unref())]);
    },
    intakeJobInsertSql(source) {
      if (jobTable === undefined) throw new Error('the queue is not started');
      // pg-boss 12's insertJobs for a plain job (no options): the queue's settings, else pg-boss's
      // QUEUE_DEFAULTS (expire 15 min, deletion 7 days, retention 14 days, 2 retries, no delay).
      return `insert into pgboss.${jobTable} (id, name, data, priority, start_after, created_on, singleton_key, singleton_on,
          group_id, group_tier, expire_seconds, deletion_seconds, keep_until, retry_limit, retry_delay, retry_backoff, retry_delay_max,
          policy, dead_letter, heartbeat_seconds, blocked, blocking, pending_dependencies, trace_context)
        select gen_random_uuid(), '${TASK_EVENTS_QUEUE}', s.job, 0, pgboss.job_now(), pgboss.job_now(), null, null,
          null, null, coalesce(q.expire_seconds, 900), coalesce(q.deletion_seconds, 604800),
          pgboss.job_now() + coalesce(q.retention_seconds, 1209600) * interval '1s', coalesce(q.retry_limit, 2), coalesce(q.retry_delay, 0),
          coalesce(q.retry_backoff, false), q.retry_delay_max, q.policy, q.dead_letter, q.heartbeat_seconds, false, false, 0, null
        from ${source} s left join pgboss.queue q on q.name = '${TASK_EVENTS_QUEUE}'
        on conflict do nothing`;
    },
    isRunning: () => running,
    async stop(timeoutMs) {
      running = false;
      await boss.stop({ graceful: true, timeout: timeoutMs, close: false });
    },
    async listDeadLetters(limit) {
      const rows = await db.query<{ id: string; data: StoredJob; output: unknown; retries: number | null; created_on: Date | string }>(
        `select id, data, coalesce(source_output, output) as output, source_retry_count as retries, created_on
           from pgboss.job where name = $1 and state < 'active' order by created_on limit $2`,
        [TASK_EVENTS_DEAD_LETTER, limit]);
      return rows.map((row): DeadLetter => {
        const { leaseExpiries: _expiries, isolatedRun: _isolated, ...job } = row.data;
        const output = row.output as { message?: unknown; value?: { message?: unknown } } | null;
        const message = output?.message ?? output?.value?.message;
        return { id: row.id, job, error: typeof message === 'string' ? message : undefined, retries: row.retries ?? 0, deadLetteredAt: new Date(row.created_on) };
      });
    },
    async redrive(ids) {
      // A poison job's strikes must not follow it back, or it would be dead-lettered unrun.
      await db.query(
        `update pgboss.job set data = data - 'leaseExpiries' - 'isolatedRun' where name = $1 and state < 'active' and ($2::uuid[] is null or id = any($2::uuid[]))`,
        [TASK_EVENTS_DEAD_LETTER, ids === undefined ? null : [...ids]]);
      let moved = 0;
      for (;;) {
        const batch = await boss.redrive(TASK_EVENTS_DEAD_LETTER, { destination: TASK_EVENTS_QUEUE, limit: 1000, ...(ids !== undefined && { ids: [...ids] }) });
        moved += batch;
        if (ids !== undefined || batch < 1000) return moved;
      }
    },
    async countJobs(queue) {
      const rows = await db.query<{ state: string; n: number }>(
        'select state::text as state, count(*)::int as n from pgboss.job where name = $1 group by state',
        [queue],
      );
      return Object.fromEntries(rows.map((row) => [row.state, row.n]));
    },
  };
}
