/**
 * Group commit: concurrent callers' writes share one transaction, so one durable commit (one WAL
 * flush on PostgreSQL) acknowledges many webhook requests. The first item opens a group; items
 * arriving within `maxWaitMs`, or until `maxItems` have joined, ride along; then the group is
 * flushed and every caller is answered from the commit that holds its item. A failed flush
 * rejects every caller of the group (the route answers 503 and HubSpot retries), so nothing is
 * ever acknowledged without a commit.
 */

export interface GroupCommitOptions {
  /** How long the first item of a group waits for company. */
  maxWaitMs: number;
  /** A group this large is flushed at once. */
  maxItems: number;
  /**
   * A group whose items weigh this much in total is flushed at once (with `weight`), so that
   * large items (100-event batches) make several smaller commits that can run side by side.
   */
  maxWeight?: number;
}

export const DEFAULT_GROUP_COMMIT: GroupCommitOptions = { maxWaitMs: 1, maxItems: 64, maxWeight: 1000 };

interface Pending<T, R> {
  item: T;
  resolve(result: R): void;
  reject(error: unknown): void;
}

/**
 * Returns `submit(item)`, which resolves with this item's result once `flush` (called with the
 * whole group, in arrival order, and returning one result per item in the same order) has
 * committed. Groups flush independently: a slow commit does not hold the next group back.
 */
export function createGroupCommit<T, R>(
  flush: (items: readonly T[]) => Promise<readonly R[]>,
  options: GroupCommitOptions = DEFAULT_GROUP_COMMIT,
  weight: (item: T) => number = () => 1,
): (item: T) => Promise<R> {
  let group: Pending<T, R>[] = [];
  let groupWeight = 0;
  let timer: NodeJS.Timeout | undefined;

  const flushGroup = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const members = group;
    group = [];
    groupWeight = 0;
    flush(members.map((member) => member.item)).then(
      (results) => {
        if (results.length !== members.length) throw new Error(`group commit: ${results.length} results for ${members.length} items`);
        members.forEach((member, index) => member.resolve(results[index] as R));
      },
    ).catch((error: unknown) => { for (const member of members) member.reject(error); });
  };

  return (item) =>
    new Promise<R>((resolve, reject) => {
      group.push({ item, resolve, reject });
      groupWeight += weight(item);
      if (group.length >= options.maxItems || groupWeight >= (options.maxWeight ?? Number.POSITIVE_INFINITY)) flushGroup();
      else if (timer === undefined) timer = setTimeout(flushGroup, options.maxWaitMs);
    });
}
