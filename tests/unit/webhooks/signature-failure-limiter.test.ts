import { createSignatureFailureLimiter } from '../../../src/webhooks/signature-failure-limiter.ts';

test('when an address reaches the limit, then it is blocked for the rest of the window and other addresses are not', () => {
  const limiter = createSignatureFailureLimiter({ limit: 2, windowMs: 10_000 });
  limiter.recordFailure('10.0.0.1', 0);
  expect(limiter.blockedFor('10.0.0.1', 1000)).toBeUndefined();
  limiter.recordFailure('10.0.0.1', 1000);
  expect(limiter.blockedFor('10.0.0.1', 1000)).toBe(9);
  expect(limiter.blockedFor('10.0.0.2', 1000)).toBeUndefined();
  expect(limiter.blockedFor('10.0.0.1', 9_999)).toBe(1);
  expect(limiter.blockedFor('10.0.0.1', 10_000)).toBeUndefined();
});

test('when the limit is 0, then nobody is ever blocked', () => {
  const limiter = createSignatureFailureLimiter({ limit: 0 });
  for (let i = 0; i < 100; i += 1) limiter.recordFailure('10.0.0.1', i);
  expect(limiter.blockedFor('10.0.0.1', 100)).toBeUndefined();
});

test('when more addresses fail than are tracked, then the oldest are forgotten (bounded memory)', () => {
  const limiter = createSignatureFailureLimiter({ limit: 1, maxTracked: 3 });
  for (const ip of ['a', 'b', 'c', 'd']) limiter.recordFailure(ip, 0);
  expect(limiter.blockedFor('a', 1)).toBeUndefined();
  expect(limiter.blockedFor('d', 1)).toBeDefined();
});
