/**
 * Polling for tests that wait on work done elsewhere (a worker, a queue, a whole stack): the one
 * helper, in two call shapes.
 * - `eventually(predicate, ms = 15_000)`: waits until a yes/no condition holds (a queue count, a
 *   flag a handler set); polls every 25 ms.
 * - `eventually(probe, done, ms = 25_000)`: reads a value until `done` accepts it and returns that
 *   value, so the test asserts on what it waited for; the failure names the last value read. Polls
 *   every 50 ms (its probes mostly read a running stack over HTTP or SQL).
 * Either fails the test with `condition not reached within <ms> ms` once `ms` has passed.
 */
export function eventually(predicate: () => Promise<boolean>, ms?: number): Promise<void>;
export function eventually<T>(probe: () => Promise<T>, done: (value: T) => boolean, ms?: number): Promise<T>;
export async function eventually<T>(probe: () => Promise<T>, doneOrMs?: ((value: T) => boolean) | number, ms?: number): Promise<T | void> {
  if (typeof doneOrMs === 'function') return poll(probe, doneOrMs, ms ?? 25_000, 50, true);
  await poll(probe, (value) => value === true, doneOrMs ?? 15_000, 25, false);
}

async function poll<T>(probe: () => Promise<T>, done: (value: T) => boolean, ms: number, intervalMs: number, showValue: boolean): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > until) {
      throw new Error(`condition not reached within ${ms} ms${showValue ? `; last value: ${JSON.stringify(value)?.slice(0, 500)}` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
