/** What changed between two JSON values, as audit-log entries (`path`, `before`, `after`). */
import type { AuditChange } from './settings-store.ts';

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Walks objects key by key; arrays and scalars are compared whole (a phrase list that changed is
 * one change). Missing values are reported as null. At most 200 changes, as the contract allows.
 */
export function describeChanges(before: unknown, after: unknown, prefix = ''): AuditChange[] {
  if (isObject(before) || isObject(after)) {
    const left = isObject(before) ? before : {};
    const right = isObject(after) ? after : {};
    const keys = [...new Set([...Object.keys(left), ...Object.keys(right)])].sort();
    return keys.flatMap((key) => describeChanges(left[key], right[key], prefix === '' ? key : `${prefix}.${key}`)).slice(0, 200);
  }
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  return [{ path: prefix.slice(0, 200), before: before ?? null, after: after ?? null }];
}
