/**
 * Group commit: concurrent callers' writes share one commit (one statement, one WAL flush on
 * PostgreSQL), so one durable commit acknowledges many webhook requests. There is no timer:
 * while fewer than `maxInFlight` groups are committing, the items submitted in this turn of the
 * event loop (every request whose body was read in the same I/O poll) are flushed at once, on
 * `setImmediate`; while `maxInFlight` groups are committing, items gather and are flushed the
 * moment one of those commits ends. So a lone request is committed at once, and under load the
 * group grows to whatever arrived during the previous commit. A group reaching `maxItems` or
 * `maxWeight` is flushed at once (when a commit slot is free). A failed flush rejects every
 * caller of the group (the route answers 503 and HubSpot retries), so nothing is ever
 * acknowledged without a commit.
 */

export interface GroupCommitOptions {
  /** A group this large is flushed at once. */
  maxItems: number;
  /**
   * A group whose items weigh this much in total is flushed at once (with `weight`), so that
   * large items (100-event batches) make several smaller commits that can run side by side.
   */
  maxWeight?: number;
  /** Groups committing at the same time; further items gather until one ends. Default 2. */
  maxInFlight?: number;
}

export const DEFAULT_GROUP_COMMIT: GroupCommitOptions = { maxItems: 64, maxWeight: 1000, maxInFlight: 2 };

interface Pending<T, R> {
  item: T;
  weight: number;
  resolve(result: R): void;
  reject(error: unknown): void;
}

/**
 * Returns `submit(item)`, which resolves with this item's result once `flush` (called with the
 * whole group, in arrival order, and returning one result per item in the same order) has
 * committed. Groups flush independently: a slow commit does not hold the next group back beyond
 * `maxInFlight`.
 */
export function createGroupCommit<T, R>(
  flush: (items: readonly T[]) => Promise<readonly R[]>,
  options: GroupCommitOptions = DEFAULT_GROUP_COMMIT,
  weight: (item: T) => number = () => 1,
): (item: T) => Promise<R> {
  const maxWeight = options.maxWeight ?? Number.POSITIVE_INFINITY;
  const maxInFlight = Math.max(1, options.maxInFlight ?? 2);
  let waiting: Pending<T, R>[] = [];
  let waitingWeight = 0;
  let inFlight = 0;
  let scheduled = false;

  /** Takes the next group off the waiting list: up to maxItems / maxWeight, at least one item. */
  const take = (): Pending<T, R>[] => {
    if (waiting.length <= options.maxItems && waitingWeight < maxWeight) {
      const all = waiting;
      waiting = [];
      waitingWeight = 0;
      return all;
    }
    let count = 0;
    let total = 0;
    while (count < waiting.length && count < options.maxItems) {
      total += (waiting[count] as Pending<T, R>).weight;
      count += 1;
      if (total >= maxWeight) break;
    }
    const group = waiting.slice(0, count);
    waiting = waiting.slice(count);
    waitingWeight -= total;
    return group;
  };

  const commit = (members: Pending<T, R>[]) => {
    inFlight += 1;
    let settled: Promise<void>;
    try {
      settled = flush(members.map((member) => member.item)).then((results) => {
        if (results.length !== members.length) throw new Error(`group commit: ${results.length} results for ${members.length} items`);
        members.forEach((member, index) => member.resolve(results[index] as R));
      });
    } catch (error) {
      settled = Promise.reject(error);
    }
    settled.catch((error: unknown) => { for (const member of members) member.reject(error); }).finally(() => {
      inFlight -= 1;
      drain();
    });
  };

  /** Flushes waiting groups while commit slots are free. */
  const drain = () => {
    while (waiting.length > 0 && inFlight < maxInFlight) commit(take());
  };

  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      drain();
    });
  };

  return (item) =>
    new Promise<R>((resolve, reject) => {
      const itemWeight = weight(item);
      waiting.push({ item, weight: itemWeight, resolve, reject });
      waitingWeight += itemWeight;
      if (inFlight >= maxInFlight) return; // flushed when a commit ends
      if (waiting.length >= options.maxItems || waitingWeight >= maxWeight) drain();
      else schedule();
    });
}
