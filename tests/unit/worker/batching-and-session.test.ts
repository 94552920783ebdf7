/**
 * The batching seam (concurrent single-job calls become one batch per window) and the portal
 * session (one refresh after a 401, then a pause; never a loop).
 */
import { jest } from '@jest/globals';
import { AppError } from '../../../src/errors.ts';
import type { TokenProvider } from '../../../src/hubspot/token-provider.ts';
import { createLogger } from '../../../src/logger.ts';
import type { TaskEventJob } from '../../../src/store/ports.ts';
import { createBatchingHandler } from '../../../src/worker/batching-handler.ts';
import { cardIdFor, cardStepKey, rotationHistory } from '../../../src/worker/decide-card.ts';
import { createPortalSession, PortalPausedError } from '../../../src/worker/portal-session.ts';
import type { TaskEventItem, TaskEventResult } from '../../../src/worker/process-task-event.ts';

const log = createLogger({ level: 'silent' });
const job = (objectId: string): TaskEventJob => ({ portalId: '1', objectId, subscriptionType: 'object.creation', occurredAt: 0, eventKey: objectId, eventId: objectId, subscriptionId: 's' });
const context = { jobId: 'job-1', attempt: 0, log, now: 0 };

describe('createBatchingHandler', () => {
  test('when jobs arrive together, then they are processed as one batch and each caller gets its own result', async () => {
    const batches: string[][] = [];
    const handler = createBatchingHandler(async (items: readonly TaskEventItem[]) => {
      batches.push(items.map((item) => item.job.objectId));
      return items.map((item): TaskEventResult => ({ status: 'done', reason: item.job.objectId }));
    }, { windowMs: 5, maxBatch: 50 });
    const outcomes = await Promise.all(['a', 'b', 'c'].map((id) => handler(job(id), context)));
    expect(batches).toEqual([['a', 'b', 'c']]);
    expect(outcomes.map((outcome) => outcome.reason)).toEqual(['a', 'b', 'c']);
  });

  test('when a batch is full, then it is processed at once and the rest waits for the next', async () => {
    const batches: number[] = [];
    const handler = createBatchingHandler(async (items: readonly TaskEventItem[]) => {
      batches.push(items.length);
      return items.map((): TaskEventResult => ({ status: 'done' }));
    }, { windowMs: 5, maxBatch: 2 });
    await Promise.all(['a', 'b', 'c'].map((id) => handler(job(id), context)));
    expect(batches).toEqual([2, 1]);
  });

  test('when one item failed, then only its caller sees the error, and a crashed batch fails every caller', async () => {
    const boom = new AppError('hubspot.unavailable', '503', { retryable: true });
    const handler = createBatchingHandler(async (items: readonly TaskEventItem[]) =>
      items.map((item): TaskEventResult => (item.job.objectId === 'b' ? { status: 'failed', error: boom } : { status: 'done' })), { windowMs: 1, maxBatch: 10 });
    const settled = await Promise.allSettled(['a', 'b'].map((id) => handler(job(id), context)));
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected']);
    const crashing = createBatchingHandler(async () => { throw new Error('db down'); }, { windowMs: 1, maxBatch: 10 });
    await expect(crashing(job('a'), context)).rejects.toThrow('db down');
  });
});

describe('createPortalSession', () => {
  function tokens(sequence: string[], revokeAfterInvalidate = false): TokenProvider & { invalidate: jest.Mock<TokenProvider['invalidate']> } {
    let revoked = false;
    return {
      getAccessToken: async () => { if (revoked) throw new AppError('hubspot.revoked', 'revoked'); return sequence.shift() ?? 'last'; },
      invalidate: jest.fn<TokenProvider['invalidate']>(async () => { revoked = revokeAfterInvalidate; }),
      activePortals: async () => ['1'],
    };
  }
  const unauthorized = () => new AppError('hubspot.unauthorized', '401', { status: 401 });

  test('when HubSpot answers 401 once, then the token is refreshed once and the call succeeds', async () => {
    const provider = tokens(['old', 'new']);
    const seen: string[] = [];
    const result = await createPortalSession(provider, '1').run(async (token) => { seen.push(token); if (token === 'old') throw unauthorized(); return 'ok'; });
    expect(result).toBe('ok');
    expect(seen).toEqual(['old', 'new']);
    expect(provider.invalidate).toHaveBeenCalledTimes(1);
  });

  test('when the refreshed token is refused too, or the refresh is revoked, then the portal pauses after at most two calls', async () => {
    let calls = 0;
    await expect(createPortalSession(tokens(['a', 'b']), '1').run(async () => { calls += 1; throw unauthorized(); })).rejects.toBeInstanceOf(PortalPausedError);
    expect(calls).toBe(2);
    calls = 0;
    await expect(createPortalSession(tokens(['a'], true), '1').run(async () => { calls += 1; throw unauthorized(); })).rejects.toBeInstanceOf(PortalPausedError);
    expect(calls).toBe(1);
  });

  test('when a later call of the same session meets a 401 again, then it pauses without a second refresh', async () => {
    const provider = tokens(['a', 'b', 'c']);
    const session = createPortalSession(provider, '1');
    await session.run(async (token) => { if (token === 'a') throw unauthorized(); return 1; });
    await expect(session.run(async () => { throw unauthorized(); })).rejects.toBeInstanceOf(PortalPausedError);
    expect(provider.invalidate).toHaveBeenCalledTimes(1);
  });

  test('when the error is not a 401, then it passes through untouched', async () => {
    const other = new AppError('hubspot.unavailable', '503', { retryable: true });
    await expect(createPortalSession(tokens(['a']), '1').run(async () => { throw other; })).rejects.toBe(other);
  });
});

describe('decide-card helpers', () => {
  test('when step keys differ in any part, then card ids differ, and the same key always gives the same id', () => {
    const key = cardStepKey('1', '2', 'v1', 'note');
    expect(cardIdFor(key)).toBe(cardIdFor(cardStepKey('1', '2', 'v1', 'note')));
    expect(new Set([key, cardStepKey('1', '2', 'v2', 'note'), cardStepKey('1', '2', 'v1', 'timeline-v3'), cardStepKey('1', '3', 'v1', 'note')].map(cardIdFor)).size).toBe(4);
    expect(cardIdFor(key)).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  test('when stored contents are cards or junk, then rotation history keeps the cards template ids only', () => {
    expect(rotationHistory([{ headline: { templateId: 'h1' }, questions: [{ templateId: 'q1' }, { templateId: 'q2' }] }, null, 'x', {}]))
      .toEqual({ recent: [{ headlineId: 'h1', questionIds: ['q1', 'q2'] }] });
  });

  test('when stored cards name their wordings, then rotation history keeps them, for the client and for the rep', () => {
    const stored = { headline: { templateId: 'h1', form: 2 }, questions: [{ templateId: 'q1', form: 0 }, { templateId: 'q2' }] };
    const entry = { headlineId: 'h1', questionIds: ['q1', 'q2'], variants: ['h1#2', 'q1#0'] };
    expect(rotationHistory([stored], [stored, null])).toEqual({ recent: [entry], rep: [entry] });
  });
});
