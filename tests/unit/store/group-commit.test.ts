import { jest } from '@jest/globals';
import { createGroupCommit } from '../../../src/store/group-commit.ts';

function recordingFlush() {
  const groups: number[][] = [];
  const flush = jest.fn(async (items: readonly number[]) => {
    groups.push([...items]);
    return items.map((item) => item * 10);
  });
  return { groups, flush };
}

/** A flush whose commits end only when the test says so. */
function gatedFlush() {
  const groups: number[][] = [];
  const gates: (() => void)[] = [];
  const flush = async (items: readonly number[]) => {
    groups.push([...items]);
    await new Promise<void>((resolve) => gates.push(resolve));
    return items.map((item) => item * 10);
  };
  return { groups, gates, flush };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('createGroupCommit', () => {
  test('when items arrive in the same turn of the event loop, then they share one flush and each gets its own result', async () => {
    const { groups, flush } = recordingFlush();
    const submit = createGroupCommit(flush, { maxItems: 10 });
    await expect(Promise.all([submit(1), submit(2), submit(3)])).resolves.toEqual([10, 20, 30]);
    expect(groups).toEqual([[1, 2, 3]]);
  });

  test('when a group reaches maxItems, then it is flushed at once and the next item opens a new group', async () => {
    const { groups, flush } = recordingFlush();
    const submit = createGroupCommit(flush, { maxItems: 2 });
    const first = Promise.all([submit(1), submit(2)]);
    expect(groups).toEqual([[1, 2]]);
    await expect(first).resolves.toEqual([10, 20]);
    const third = submit(3);
    const fourth = submit(4);
    await expect(Promise.all([third, fourth])).resolves.toEqual([30, 40]);
    expect(groups).toEqual([[1, 2], [3, 4]]);
  });

  test('when the items weigh maxWeight together, then the group is flushed before maxItems', async () => {
    const { groups, flush } = recordingFlush();
    const submit = createGroupCommit(flush, { maxItems: 100, maxWeight: 150 }, (item) => item);
    await Promise.all([submit(100), submit(60), submit(200)]);
    expect(groups).toEqual([[100, 60], [200]]);
  });

  test('when the flush fails, then every caller of that group is rejected and the next group still commits', async () => {
    let fail = true;
    const submit = createGroupCommit(async (items: readonly number[]) => {
      if (fail) throw new Error('commit failed');
      return items;
    }, { maxItems: 10 });
    const results = await Promise.allSettled([submit(1), submit(2), submit(3)]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected', 'rejected']);
    fail = false;
    await expect(submit(4)).resolves.toBe(4);
  });

  test('when the flush throws synchronously, then its callers are rejected and later groups still commit', async () => {
    let fail = true;
    const submit = createGroupCommit((items: readonly number[]) => {
      if (fail) throw new Error('no connection');
      return Promise.resolve(items);
    }, { maxItems: 10, maxInFlight: 1 });
    await expect(submit(1)).rejects.toThrow('no connection');
    fail = false;
    await expect(submit(2)).resolves.toBe(2);
  });

  test('when the flush returns the wrong number of results, then every caller is rejected rather than mis-answered', async () => {
    const submit = createGroupCommit(async (items: readonly number[]) => items.slice(1), { maxItems: 10 });
    const results = await Promise.allSettled([submit(1), submit(2)]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
  });

  test('when nothing is in flight, then a lone item is flushed in the same turn, without a timer', async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick', 'queueMicrotask'] });
    try {
      const { groups, flush } = recordingFlush();
      const submit = createGroupCommit(flush, { maxItems: 64 });
      const result = submit(7);
      await turn();
      expect(groups).toEqual([[7]]);
      expect(jest.getTimerCount()).toBe(0);
      await expect(result).resolves.toBe(70);
    } finally {
      jest.useRealTimers();
    }
  });

  test('when maxInFlight commits are running, then new items gather and are flushed together as soon as one ends', async () => {
    const { groups, gates, flush } = gatedFlush();
    const submit = createGroupCommit(flush, { maxItems: 64, maxInFlight: 1 });
    const first = submit(1);
    await turn();
    expect(groups).toEqual([[1]]);
    const later = [submit(2), submit(3)];
    await turn();
    const fourth = submit(4);
    await turn();
    expect(groups).toEqual([[1]]);
    gates.shift()?.();
    await expect(first).resolves.toBe(10);
    await turn();
    expect(groups).toEqual([[1], [2, 3, 4]]);
    gates.shift()?.();
    await expect(Promise.all([...later, fourth])).resolves.toEqual([20, 30, 40]);
  });

  test('when a gathered group is larger than maxItems, then it is flushed in maxItems slices, at most maxInFlight at once', async () => {
    const { groups, gates, flush } = gatedFlush();
    const submit = createGroupCommit(flush, { maxItems: 2, maxInFlight: 2 });
    const all = [1, 2, 3, 4, 5, 6, 7].map((item) => submit(item));
    await turn();
    expect(groups).toEqual([[1, 2], [3, 4]]);
    gates.shift()?.();
    await all[0];
    await turn();
    expect(groups).toEqual([[1, 2], [3, 4], [5, 6]]);
    while (gates.length > 0 || groups.length < 4) {
      gates.shift()?.();
      await turn();
    }
    await expect(Promise.all(all)).resolves.toEqual([10, 20, 30, 40, 50, 60, 70]);
    expect(groups).toEqual([[1, 2], [3, 4], [5, 6], [7]]);
  });
});
