/**
 * What the sandbox was asked: a bounded log of recent requests and counts per endpoint
 * (`METHOD /route/pattern`) and per portal, so tests can assert "no more than N calls".
 */
export interface RequestLogEntry {
  at: number;
  method: string;
  path: string;
  /** The route pattern that matched, e.g. `GET /crm/v3/objects/:objectType/:objectId`. */
  endpoint: string;
  portalId: number | null;
  status: number;
}

export interface RequestLog {
  record(entry: RequestLogEntry): void;
  entries(): RequestLogEntry[];
  snapshot(): { total: number; byEndpoint: Record<string, number>; byPortal: Record<string, number>; byStatus: Record<string, number> };
  clear(): void;
}

export function createRequestLog(capacity = 5_000): RequestLog {
  let entries: RequestLogEntry[] = [];
  let total = 0;
  let byEndpoint = new Map<string, number>();
  let byPortal = new Map<string, number>();
  let byStatus = new Map<string, number>();
  const bump = (map: Map<string, number>, key: string): void => { map.set(key, (map.get(key) ?? 0) + 1); };
  return {
    record(entry) {
      total += 1;
      bump(byEndpoint, entry.endpoint);
      bump(byPortal, entry.portalId === null ? 'none' : String(entry.portalId));
      bump(byStatus, String(entry.status));
      entries.push(entry);
      // Trim in chunks so a busy benchmark does not shift the array on every request.
      if (entries.length > capacity * 1.2) entries = entries.slice(-capacity);
    },
    entries: () => entries.slice(-capacity),
    snapshot: () => ({
      total,
      byEndpoint: Object.fromEntries(byEndpoint),
      byPortal: Object.fromEntries(byPortal),
      byStatus: Object.fromEntries(byStatus),
    }),
    clear() {
      entries = [];
      total = 0;
      byEndpoint = new Map();
      byPortal = new Map();
      byStatus = new Map();
    },
  };
}
