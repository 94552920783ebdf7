/**
 * A short-lived, per-portal memo for CRM context that many task events of one batch share
 * (companies, deals, pipelines, owners, industry peers). Entries expire after `ttlMs`; the
 * cache is bounded so a busy process never grows without limit.
 */
import type { Clock } from '../clock.ts';

export interface PortalCache {
  get<T>(portalId: string, key: string): T | undefined;
  set<T>(portalId: string, key: string, value: T): void;
}

export const DEFAULT_CACHE_TTL_MS = 60_000;
const MAX_ENTRIES = 20_000;

export function createPortalCache(options: { clock: Clock; ttlMs?: number; maxEntries?: number }): PortalCache {
  const ttlMs = options.ttlMs ?? DEFAULT_CACHE_TTL_MS;
  const maxEntries = options.maxEntries ?? MAX_ENTRIES;
  const entries = new Map<string, { value: unknown; expiresAt: number }>();
  return {
    get<T>(portalId: string, key: string): T | undefined {
      const id = `${portalId}\u0000${key}`;
      const entry = entries.get(id);
      if (entry === undefined) return undefined;
      if (entry.expiresAt <= options.clock.now()) {
        entries.delete(id);
        return undefined;
      }
      return entry.value as T;
    },
    set<T>(portalId: string, key: string, value: T): void {
      if (ttlMs <= 0) return;
      const id = `${portalId}\u0000${key}`;
      entries.delete(id);
      // Maps iterate in insertion order: the first key is the oldest write.
      while (entries.size >= maxEntries) {
        const oldest = entries.keys().next().value;
        if (oldest === undefined) break;
        entries.delete(oldest);
      }
      entries.set(id, { value, expiresAt: options.clock.now() + ttlMs });
    },
  };
}
