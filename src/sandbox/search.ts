/**
 * The CRM search API's semantics over in-memory records: filter groups (OR of ANDs, at most
 * 5 groups × 6 filters, 18 in total), sorts, `query`, and `after`/`limit` paging (≤ 200 per
 * page, ≤ 10,000 results per query). Date values compare as epoch ms whether given as ms or ISO.
 * https://developers.hubspot.com/docs/api-reference/search/guide
 */
import { z } from 'zod';
import type { CrmRecord } from './portal.ts';

const FilterSchema = z.object({
  propertyName: z.string(),
  operator: z.enum(['EQ', 'NEQ', 'LT', 'LTE', 'GT', 'GTE', 'BETWEEN', 'IN', 'NOT_IN', 'HAS_PROPERTY', 'NOT_HAS_PROPERTY', 'CONTAINS_TOKEN', 'NOT_CONTAINS_TOKEN']),
  value: z.union([z.string(), z.number(), z.boolean()]).optional(),
  highValue: z.union([z.string(), z.number()]).optional(),
  values: z.array(z.union([z.string(), z.number()])).optional(),
});

const SortSchema = z.union([
  z.string(),
  z.object({ propertyName: z.string(), direction: z.enum(['ASCENDING', 'DESCENDING']).default('ASCENDING') }),
]);

export const SearchRequestSchema = z.object({
  filterGroups: z.array(z.object({ filters: z.array(FilterSchema).max(6) })).max(5).default([]),
  sorts: z.array(SortSchema).default([]),
  query: z.string().optional(),
  properties: z.array(z.string()).default([]),
  limit: z.number().int().min(0).max(200).default(10),
  after: z.union([z.string(), z.number()]).optional(),
});

export type SearchRequest = z.infer<typeof SearchRequestSchema>;
type Filter = z.infer<typeof FilterSchema>;

const MAX_RESULTS = 10_000;

function comparable(value: string | number | boolean | null | undefined): number | string | null {
  if (value === null || value === undefined) return null;
  const text = String(value);
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  if (/^\d{4}-\d{2}-\d{2}/.test(text)) {
    const ms = Date.parse(text);
    if (!Number.isNaN(ms)) return ms;
  }
  return text.toLowerCase();
}

function compare(a: number | string, b: number | string): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b));
}

function matches(record: CrmRecord, filter: Filter): boolean {
  const raw = filter.propertyName === 'id' ? record.id : record.properties[filter.propertyName];
  const has = raw !== null && raw !== undefined && raw !== '';
  const left = comparable(raw);
  const right = comparable(filter.value);
  switch (filter.operator) {
    case 'HAS_PROPERTY': return has;
    case 'NOT_HAS_PROPERTY': return !has;
    case 'EQ': return left !== null && right !== null && compare(left, right) === 0;
    case 'NEQ': return left === null || right === null || compare(left, right) !== 0;
    case 'LT': return left !== null && right !== null && compare(left, right) < 0;
    case 'LTE': return left !== null && right !== null && compare(left, right) <= 0;
    case 'GT': return left !== null && right !== null && compare(left, right) > 0;
    case 'GTE': return left !== null && right !== null && compare(left, right) >= 0;
    case 'BETWEEN': {
      const high = comparable(filter.highValue);
      return left !== null && right !== null && high !== null && compare(left, right) >= 0 && compare(left, high) <= 0;
    }
    case 'IN': return left !== null && (filter.values ?? []).some((v) => compare(left, comparable(v) ?? '') === 0);
    case 'NOT_IN': return left === null || !(filter.values ?? []).some((v) => compare(left, comparable(v) ?? '') === 0);
    case 'CONTAINS_TOKEN': return has && tokens(String(raw)).includes(String(filter.value ?? '').toLowerCase().replace(/\*/g, ''));
    case 'NOT_CONTAINS_TOKEN': return !has || !tokens(String(raw)).includes(String(filter.value ?? '').toLowerCase());
  }
}

const tokens = (text: string): string[] => text.toLowerCase().split(/[^\p{L}\p{N}@.]+/u).filter(Boolean);

/** Runs a search; throws a message for HubSpot's 400 when the request breaks a documented limit. */
export function runSearch(records: Iterable<CrmRecord>, request: SearchRequest): { page: CrmRecord[]; total: number; next: string | undefined } {
  const filterCount = request.filterGroups.reduce((n, g) => n + g.filters.length, 0);
  if (filterCount > 18) throw new Error('There was a problem with the request: too many filters (max 18).');
  const offset = request.after === undefined || request.after === '' ? 0 : Number(request.after);
  if (!Number.isInteger(offset) || offset < 0) throw new Error(`Invalid 'after' value: ${String(request.after)}`);
  if (offset >= MAX_RESULTS) throw new Error('There was a problem with the request: paging past 10,000 results is not supported.');
  const query = request.query?.toLowerCase();
  let hits = [...records].filter((record) => !record.archived
    && (request.filterGroups.length === 0 || request.filterGroups.some((g) => g.filters.every((f) => matches(record, f))))
    && (query === undefined || Object.values(record.properties).some((v) => v !== null && v.toLowerCase().includes(query))));
  const sorts = request.sorts.map((s) => (typeof s === 'string'
    ? { propertyName: s.replace(/^-/, ''), direction: s.startsWith('-') ? 'DESCENDING' : 'ASCENDING' }
    : s));
  hits = hits.sort((a, b) => {
    for (const sort of sorts) {
      const order = compare(comparable(a.properties[sort.propertyName]) ?? '', comparable(b.properties[sort.propertyName]) ?? '');
      if (order !== 0) return sort.direction === 'DESCENDING' ? -order : order;
    }
    return Number(a.id) - Number(b.id);
  });
  const total = hits.length;
  const end = Math.min(offset + request.limit, total, MAX_RESULTS);
  return { page: hits.slice(offset, end), total, next: end < Math.min(total, MAX_RESULTS) ? String(end) : undefined };
}
