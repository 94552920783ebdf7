/**
 * HubSpot calls for one portal with its current token: a portal with no credentials is unknown
 * (its events are skipped, not retried); a 401 gets one refresh and one retry;
 * a revoked install, or a second 401, pauses the portal (RELIABILITY.md rows 43–44: no loop).
 * A 403 (the app lacks a scope) pauses it too (row 42): no retry can succeed until a reinstall,
 * which resumes the portal and its parked jobs.
 */
import { AppError } from '../errors.ts';
import type { TokenProvider } from '../hubspot/token-provider.ts';

/** Thrown when the portal can no longer be called; the pipeline parks its jobs. */
export class PortalPausedError extends Error {
  readonly portalId: string;
  readonly reason: string;
  constructor(portalId: string, reason: string) {
    super(`portal ${portalId} is paused: ${reason}`);
    this.name = 'PortalPausedError';
    this.portalId = portalId;
    this.reason = reason;
  }
}

/**
 * Thrown when no credentials exist for the portal (never installed, uninstalled, or another
 * app's portal next to a static token): its events are skipped as `portal-unknown`, never `done`.
 */
export class PortalUnknownError extends Error {
  readonly portalId: string;
  constructor(portalId: string) {
    super(`no HubSpot credentials for portal ${portalId}`);
    this.name = 'PortalUnknownError';
    this.portalId = portalId;
  }
}

export interface PortalSession {
  /** Runs `call` with a valid token; refreshes once after a 401. */
  run<T>(call: (accessToken: string) => Promise<T>): Promise<T>;
}

const PAUSING = new Set(['hubspot.revoked']);

/** A 403 is the portal's problem, not the job's: pause rather than dead-letter job after job. */
function pauseOnMissingScope(portalId: string, error: unknown): unknown {
  return error instanceof AppError && error.code === 'hubspot.missing-scope' ? new PortalPausedError(portalId, error.code) : error;
}

export function createPortalSession(tokens: TokenProvider, portalId: string): PortalSession {
  let refreshed = false;
  const token = async (): Promise<string> => {
    try {
      return await tokens.getAccessToken(portalId);
    } catch (error) {
      if (error instanceof AppError && error.code === 'hubspot.not-installed') throw new PortalUnknownError(portalId);
      if (error instanceof AppError && PAUSING.has(error.code)) throw new PortalPausedError(portalId, error.code);
      throw error;
    }
  };
  return {
    async run(call) {
      const first = await token();
      try {
        return await call(first);
      } catch (error) {
        if (!(error instanceof AppError && error.code === 'hubspot.unauthorized')) throw pauseOnMissingScope(portalId, error);
        if (refreshed) throw new PortalPausedError(portalId, 'hubspot.unauthorized after a refresh');
        refreshed = true;
        await tokens.invalidate(portalId, first);
      }
      const second = await token();
      try {
        return await call(second);
      } catch (error) {
        if (error instanceof AppError && error.code === 'hubspot.unauthorized') throw new PortalPausedError(portalId, 'hubspot.unauthorized after a refresh');
        throw pauseOnMissingScope(portalId, error);
      }
    },
  };
}
