/**
 * RELIABILITY.md row 42: HubSpot 403 (missing scope) pauses the portal — no retry, no refresh —
 * so the pipeline parks its jobs until a reinstall, instead of dead-lettering job after job.
 */
import { jest } from '@jest/globals';
import { AppError } from '../../../src/errors.ts';
import type { TokenProvider } from '../../../src/hubspot/token-provider.ts';
import { createPortalSession, PortalPausedError } from '../../../src/worker/portal-session.ts';

function tokens(): TokenProvider & { refreshes: number } {
  const provider = {
    refreshes: 0,
    getAccessToken: async () => 'token-1',
    invalidate: async () => { provider.refreshes += 1; },
  };
  return provider as unknown as TokenProvider & { refreshes: number };
}

test('when HubSpot answers 403 missing scope, then the session pauses the portal after one call and never refreshes', async () => {
  const provider = tokens();
  const call = jest.fn(async (_token: string): Promise<string> => {
    throw new AppError('hubspot.missing-scope', 'tasks.batchRead: the app lacks a scope', { status: 502, retryable: false });
  });
  const error = await createPortalSession(provider, '1001').run(call).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(PortalPausedError);
  expect(error).toMatchObject({ portalId: '1001', reason: 'hubspot.missing-scope' });
  expect(call).toHaveBeenCalledTimes(1);
  expect(provider.refreshes).toBe(0);
});

test('when HubSpot answers 403 on the retry after a refresh, then the portal is paused too', async () => {
  const provider = tokens();
  const unauthorized = new AppError('hubspot.unauthorized', 'expired', { status: 502, retryable: false });
  const forbidden = new AppError('hubspot.missing-scope', 'no scope', { status: 502, retryable: false });
  const call = jest.fn<(token: string) => Promise<string>>().mockRejectedValueOnce(unauthorized).mockRejectedValueOnce(forbidden);
  await expect(createPortalSession(provider, '1001').run(call)).rejects.toMatchObject({ reason: 'hubspot.missing-scope' });
  expect(call).toHaveBeenCalledTimes(2);
  expect(provider.refreshes).toBe(1);
});

test('when HubSpot answers 400, then the error passes through (dead-lettered by the worker, not a pause)', async () => {
  const badRequest = new AppError('hubspot.bad-request', 'notes.create: HubSpot rejected the request', { status: 502, retryable: false });
  await expect(createPortalSession(tokens(), '1001').run(async () => { throw badRequest; })).rejects.toBe(badRequest);
});
