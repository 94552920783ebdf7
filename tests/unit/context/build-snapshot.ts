/** Small builders so each test states only the CRM facts it is about. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCrmSnapshot, type CrmSnapshot, type CrmSnapshotInput } from '../../../src/context/crm-snapshot.ts';

export const NOW = Date.parse('2026-03-24T09:00:00Z');
export const DAY = 86_400_000;
export const daysAgo = (days: number): number => NOW - days * DAY;
export const daysAhead = (days: number): number => NOW + days * DAY;

export function buildSnapshot(overrides: Partial<CrmSnapshotInput> = {}): CrmSnapshot {
  return parseCrmSnapshot({ portal: { id: '1' }, task: { id: '10', subject: 'Follow up now', ownerId: '500' }, ...overrides });
}

const FIXTURES = new URL('../../fixtures/snapshots/', import.meta.url).pathname;

export function loadFixtures(): Array<{ name: string; snapshot: CrmSnapshot }> {
  return readdirSync(FIXTURES)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({ name: file.replace(/\.json$/, ''), snapshot: parseCrmSnapshot(JSON.parse(readFileSync(join(FIXTURES, file), 'utf8'))) }));
}
