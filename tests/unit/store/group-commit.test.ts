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

describe('createGroupCommit', () => {
  test('when items arrive within the window, then they share one flush and each gets its own result', async () => {
    const { groups, flush } = recordingFlush();
    const submit = createGroupCommit(flush, { maxWaitMs: 20, maxItems: 10 });
    await expect(Promise.all([submit(1), submit(2), submit(3)])).resolves.toEqual([10, 20, 30]);
    expect(groups).toEqual([[1, 2, 3]]);
  });

  test('when a group reaches maxItems, then it is flushed at once and the next item opens a new group', async () => {
    const { groups, flush } = recordingFlush();
    const submit = createGroupCommit(flush, { maxWaitMs: 60_000, maxItems: 2 });
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
    const submit = createGroupCommit(flush, { maxWaitMs: 60_000, maxItems: 100, maxWeight: 150 }, (item) => item);
    await Promise.all([submit(100), submit(60), submit(200)]);
    expect(groups).toEqual([[100, 60], [200]]);
  });

  test('when the flush fails, then every caller of that group is rejected and the next group still commits', async () => {
    let fail = true;
    const submit = createGroupCommit(async (items: readonly number[]) => {
      if (fail) throw new Error('commit failed');
      return items;
    }, { maxWaitMs: 5, maxItems: 10 });
    const results = await Promise.allSettled([submit(1), submit(2), submit(3)]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected', 'rejected']);
    fail = false;
    await expect(submit(4)).resolves.toBe(4);
  });

  test('when the flush returns the wrong number of results, then every caller is rejected rather than mis-answered', async () => {
    const submit = createGroupCommit(async (items: readonly number[]) => items.slice(1), { maxWaitMs: 5, maxItems: 10 });
    const results = await Promise.allSettled([submit(1), submit(2)]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
  });

  test('when nothing else arrives, then a lone item is flushed after the window', async () => {
    const { groups, flush } = recordingFlush();
    const submit = createGroupCommit(flush, { maxWaitMs: 1, maxItems: 64 });
    await expect(submit(7)).resolves.toBe(70);
    expect(groups).toEqual([[7]]);
  });
});
