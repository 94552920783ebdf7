/**
 * The worker: takes task-event jobs from the durable queue and hands each to the injected
 * handler. The claim/lease/retry/dead-letter machinery is the queue's; this file only decides,
 * per job, whether a failure is worth another attempt.
 */
import type { Clock } from '../clock.ts';
import { AppError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { ClaimedJob, ConsumeOptions, JobDecision, JobQueue, TaskEventJob } from '../store/ports.ts';
import { POISON_LEASE_EXPIRIES, retryDelaySeconds } from './retry-schedule.ts';

export type { TaskEventJob } from '../store/ports.ts';

/** What a handler reports for a job it finished: `done` (acted) or `skipped` (nothing to do). */
export interface HandlerOutcome {
  status: 'done' | 'skipped';
  /** Short, non-personal reason for logs ("task deleted", "not robotic"). */
  reason?: string;
}

export interface TaskEventContext {
  /** The queue job's id; with `attempt`, names this run of the job (the card publishing lease's holder). */
  jobId: string;
  /** 0 on the first attempt. */
  attempt: number;
  /** The previous attempt's handler was given up on, not killed: it may still be running. */
  previousAttemptMayRun?: boolean;
  log: Logger;
  now: number;
}

/**
 * Processes one task event. Throw an `AppError` with `retryable: true` (429, 5xx, network) to
 * retry with backoff, or `retryable: false` to dead-letter at once; any other error is retried.
 */
export type TaskEventHandler = (job: TaskEventJob, context: TaskEventContext) => Promise<HandlerOutcome>;

export interface WorkerDeps {
  queue: JobQueue;
  /** The pipeline; required, so no event is ever settled without it (issue 14). */
  handler: TaskEventHandler;
  log: Logger;
  clock: Clock;
  consume?: ConsumeOptions;
  onSettled?: (outcome: JobDecision['status']) => void;
  /** Jitter source for the retry schedule; uniform in [0, 1). */
  random?: () => number;
}

export interface Worker {
  start(): Promise<void>;
  /** Stops claiming and waits up to `timeoutMs` for in-flight jobs. */
  stop(timeoutMs: number): Promise<void>;
}

function errorText(error: unknown): string {
  if (error instanceof AppError) return `${error.code}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}

export function createWorker(deps: WorkerDeps): Worker {
  const { handler } = deps;
  const runJob = async (job: ClaimedJob<TaskEventJob>): Promise<JobDecision> => {
    const { portalId, objectId, subscriptionType, eventKey } = job.data;
    const log = deps.log.child({ jobId: job.id, portalId, objectId, subscriptionType, eventKey, attempt: job.attempt });
    let decision: JobDecision;
    if ((job.leaseExpiries ?? 0) >= POISON_LEASE_EXPIRIES) {
      // Its worker died holding it that often: running it again would only take down another one.
      decision = { status: 'dead-letter', error: `poison: the lease expired ${job.leaseExpiries} times` };
      log.error({ leaseExpiries: job.leaseExpiries }, 'task event dead-lettered as poison (its worker kept dying)');
      deps.onSettled?.(decision.status);
      return decision;
    }
    if (job.suspect !== undefined) log.warn({ suspect: job.suspect, leaseExpiries: job.leaseExpiries ?? 0 }, 'task event runs alone: its previous attempt\'s lease expired');
    try {
      const outcome = await handler(job.data, { jobId: job.id, attempt: job.attempt, log, now: deps.clock.now(), ...(job.suspect === 'hung' && { previousAttemptMayRun: true }) });
      log.info({ outcome: outcome.status, reason: outcome.reason }, 'task event processed');
      decision = { status: 'completed' };
    } catch (error) {
      const permanent = error instanceof AppError && !error.retryable;
      const retryAfterMs = error instanceof AppError ? error.retryAfterMs : undefined;
      decision = permanent
        ? { status: 'dead-letter', error: errorText(error) }
        : { status: 'retry', error: errorText(error), delaySeconds: retryDelaySeconds(job.attempt, { retryAfterMs, ...(deps.random && { random: deps.random }) }) };
      log.warn({ err: error, decision: decision.status, ...(decision.status === 'retry' && { delaySeconds: decision.delaySeconds }) },
        permanent ? 'task event failed permanently; dead-lettered' : 'task event failed; will retry');
    }
    deps.onSettled?.(decision.status);
    return decision;
  };
  return {
    start: () => deps.queue.consume(runJob, deps.consume),
    stop: (timeoutMs) => deps.queue.stopConsuming(timeoutMs),
  };
}
