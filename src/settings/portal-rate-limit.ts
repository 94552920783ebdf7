/**
 * A per-portal fixed-window request limit for the settings API (RELIABILITY.md API4), so one
 * portal's page or extension cannot starve the others. In memory: per replica, which is enough
 * to bound work; the contract's 429 carries `Retry-After`.
 */
import type { Clock } from '../clock.ts';

export interface PortalRateLimit {
  /** Counts a request; returns the seconds to wait when the portal is over its limit, else 0. */
  hit(portalId: string): number;
}

export function createPortalRateLimit(clock: Clock, options: { limit?: number; windowMs?: number } = {}): PortalRateLimit {
  const limit = options.limit ?? 300;
  const windowMs = options.windowMs ?? 60_000;
  const windows = new Map<string, { start: number; count: number }>();
  return {
    hit(portalId) {
      const now = clock.now();
      let current = windows.get(portalId);
      if (!current || now - current.start >= windowMs) {
        if (windows.size > 10_000) windows.clear();
        current = { start: now, count: 0 };
        windows.set(portalId, current);
      }
      current.count += 1;
      return current.count > limit ? Math.max(1, Math.ceil((current.start + windowMs - now) / 1000)) : 0;
    },
  };
}
