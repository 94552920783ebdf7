/**
 * The batching seam: the queue hands the worker one job at a time (a claimed burst arrives as
 * concurrent calls), while the pipeline wants all the events it can read together. Jobs that
 * arrive within `windowMs` of each other are handed to `process` as one batch; each caller
 * gets its own result back.
 */
import type { TaskEventHandler } from './create-worker.ts';
import type { TaskEventItem, TaskEventResult } from './process-task-event.ts';

export interface BatchingOptions {
  /** How long the first job of a batch waits for others. */
  windowMs: number;
  /** A batch this large is processed at once. */
  maxBatch: number;
}

export const DEFAULT_BATCHING: BatchingOptions = { windowMs: 25, maxBatch: 50 };

interface Waiting {
  item: TaskEventItem;
  resolve(result: TaskEventResult): void;
}

export function createBatchingHandler(
  process: (items: readonly TaskEventItem[]) => Promise<TaskEventResult[]>,
  options: BatchingOptions = DEFAULT_BATCHING,
): TaskEventHandler {
  let waiting: Waiting[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;

  const flush = (): void => {
    clearTimeout(timer);
    timer = undefined;
    const batch = waiting;
    waiting = [];
    process(batch.map((entry) => entry.item)).then(
      (results) => batch.forEach((entry, index) => entry.resolve(results[index] ?? { status: 'failed', error: new Error('no result') })),
      (error: unknown) => batch.forEach((entry) => entry.resolve({ status: 'failed', error })),
    );
  };

  return async (job, context) => {
    const result = await new Promise<TaskEventResult>((resolve) => {
      waiting.push({ item: { job, jobId: context.jobId, attempt: context.attempt, log: context.log, ...(context.previousAttemptMayRun === true && { previousAttemptMayRun: true }) }, resolve });
      if (waiting.length >= options.maxBatch) flush();
      else timer ??= setTimeout(flush, options.windowMs);
    });
    if (result.status === 'failed') throw result.error;
    return result;
  };
}
