/**
 * The preview reads the CRM: the portal's recent tasks through the HubSpot adapter (task search,
 * batched snapshot reads) against the seeded sandbox, classified with the saved or unsaved rules,
 * examples composed from real snapshots; it falls back to stored events, saying so, when HubSpot
 * cannot be reached.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { systemClock } from '../../../src/clock.ts';
import { AppError } from '../../../src/errors.ts';
import { createCrmSnapshotReader } from '../../../src/hubspot/crm-snapshot-reader.ts';
import { createRecentTaskSource, type RecentTaskSource } from '../../../src/hubspot/recent-tasks.ts';
import { createStaticTokenProvider } from '../../../src/hubspot/token-provider.ts';
import { PortalSettingsSchema, type PortalSettings } from '../../../src/settings/portal-settings.ts';
import { PREVIEW_HUBSPOT_TASK_LIMIT, runPreview, type PreviewHubSpot } from '../../../src/settings/preview.ts';
import { applyMigrations } from '../../../src/store/migrations.ts';
import { openPgliteMemory } from '../../helpers/pglite-template.ts';
import type { SqlDatabase } from '../../../src/store/sql-database.ts';
import { log, startHubSpotSandbox, TOKEN, type Started } from '../hubspot/hubspot-sandbox.ts';
import { seedPortal } from './harness.ts';

let hub: Started;
let db: SqlDatabase;
let preview: PreviewHubSpot;
const settings: PortalSettings = PortalSettingsSchema.parse({ policy: { dailyBudgetPerRep: 100, clientReplyWindowHours: 0 } });

beforeAll(async () => {
  hub = await startHubSpotSandbox();
  db = await openPgliteMemory();
  await applyMigrations(db);
  const clients = hub.clients();
  preview = { tokens: createStaticTokenProvider(hub.portalId, TOKEN), tasks: createRecentTaskSource(clients), crm: createCrmSnapshotReader({ clients, log, clock: systemClock }) };
});

afterAll(async () => {
  await hub?.close();
  await db?.close();
});

const input = (overrides: Partial<PortalSettings> = {}) => ({ portalId: hub.portalId, settings: { ...settings, ...overrides }, days: 30, now: Date.now() });

test('when HubSpot is reachable, then the preview reads the portal\'s tasks, counts them by rule and composes examples from real snapshots', async () => {
  const truth = await hub.control<{ roboticTaskIds: string[]; specificTaskIds: string[] }>('GET', '/__sandbox/ground-truth');
  await hub.clearRequests();
  let searches = 0;
  const counted: RecentTaskSource = { listRecentTaskIds: (...args) => { searches += 1; return preview.tasks.listRecentTaskIds(...args); } };
  const result = await runPreview(db, input(), { ...preview, tasks: counted });
  expect(result.source).toBe('hubspot');
  expect(result.taskLimit).toBe(PREVIEW_HUBSPOT_TASK_LIMIT);
  expect(result.note).toMatch(/^Read \d+ tasks created in the last 30 days from HubSpot \(at most 200 per preview\)\.$/);
  expect(result.tasksScanned).toBeGreaterThan(0);
  expect(result.robotic).toBeGreaterThan(0);
  expect(result.cards).toBe(result.robotic);
  expect(result.byRule.reduce((sum, row) => sum + row.matched, 0)).toBe(result.robotic);
  expect(result.examples).toHaveLength(Math.min(5, result.cards));
  // Real snapshots: the examples' "why" lines cite CRM facts, not only what was missing.
  expect(result.examples.some((example) => !/little about this client/.test(example.why))).toBe(true);
  for (const example of result.examples) expect(example.ruleName).toBe(result.byRule.find((row) => row.ruleId === example.ruleId)?.ruleName);
  expect(result.tasksScanned).toBe(truth.roboticTaskIds.length + truth.specificTaskIds.length);
  expect(result.robotic).toBeLessThanOrEqual(truth.roboticTaskIds.length);
  expect(searches).toBe(1);
  // Read through the adapter: a task search plus batch reads, not one call per task.
  const calls = await hub.requests();
  expect(calls.byEndpoint['POST /crm/v3/objects/:objectType/search']).toBeGreaterThanOrEqual(1);
  expect(calls.total).toBeLessThan(result.tasksScanned);
});

test('when a rule is switched off in unsaved settings, then its tasks count as rule-disabled and it produces no card', async () => {
  const before = await runPreview(db, input(), preview);
  const top = before.byRule[0]!;
  const rules = { ...settings.rules, rules: { ...settings.rules.rules, [top.ruleId]: { enabled: false } } };
  const after = await runPreview(db, input({ rules }), preview);
  const row = after.byRule.find((candidate) => candidate.ruleId === top.ruleId);
  expect(row).toEqual({ ...top, cards: 0 });
  const disabled = (result: typeof before) => result.skipped.find((row) => row.reason === 'rule-disabled')?.count ?? 0;
  // At least its own tasks; the engine may also lean on a rule's phrases for others' verdicts.
  expect(disabled(after)).toBeGreaterThanOrEqual(disabled(before) + top.matched);
  expect(after.cards).toBeLessThanOrEqual(before.cards - top.cards);
  expect(after.examples.every((example) => example.ruleId !== top.ruleId)).toBe(true);
});

test('when the portal has more tasks than the cap, then the newest are read and the result says so', async () => {
  const ids: string[] = [];
  const capped: RecentTaskSource = {
    async listRecentTaskIds(portalId, token, sinceMs, limit) {
      const all = await preview.tasks.listRecentTaskIds(portalId, token, sinceMs, 3);
      ids.push(...all.ids);
      expect(limit).toBe(PREVIEW_HUBSPOT_TASK_LIMIT);
      return all;
    },
  };
  const result = await runPreview(db, input(), { ...preview, tasks: capped });
  expect(ids).toHaveLength(3);
  expect(result.tasksScanned).toBe(3);
  expect(result.truncated).toBe(true);
  expect(result.note).toContain('the newest 200; older tasks in the window were not read');
});

test('when the task search is capped, then it returns the newest tasks first in pages under the cap', async () => {
  const token = TOKEN;
  const all = await preview.tasks.listRecentTaskIds(hub.portalId, token, 0, 1_000);
  const three = await preview.tasks.listRecentTaskIds(hub.portalId, token, 0, 3);
  expect(all.more).toBe(false);
  expect(three).toEqual({ ids: all.ids.slice(0, 3), more: true });
  const tasks = await hub.control<{ results: { id: string; createdAt?: string }[] }>('GET', '/__sandbox/tasks');
  expect(all.ids.length).toBe(tasks.results.length);
});

test('when HubSpot cannot be reached, then the preview counts stored events and says why', async () => {
  await seedPortal(db, hub.portalId, 'fallback');
  const notInstalled: PreviewHubSpot = { ...preview, tokens: { getAccessToken: async () => { throw new AppError('hubspot.not-installed', 'no install'); } } };
  const errors: unknown[] = [];
  const result = await runPreview(db, input(), notInstalled, (error) => errors.push(error));
  expect(result.source).toBe('stored-events');
  expect(result.tasksScanned).toBe(4);
  expect(result.note).toBe('Unrobot has no HubSpot access for this portal, so this preview counts the task subjects stored from webhooks instead (subjects only: no bodies or CRM context).');
  expect(errors).toHaveLength(1);

  const down: PreviewHubSpot = { ...preview, tasks: { listRecentTaskIds: async () => { throw new AppError('hubspot.unavailable', 'connect ECONNREFUSED', { retryable: true }); } } };
  const second = await runPreview(db, input(), down);
  expect(second.source).toBe('stored-events');
  expect(second.note).toMatch(/^HubSpot could not be reached, so this preview counts/);
  expect(second.note).not.toContain('ECONNREFUSED');

  const none = await runPreview(db, input());
  expect(none.note).toBe('Read from the task subjects stored from webhooks (no HubSpot connection is configured).');
});

// Last: it adds tasks to the sandbox portal.
test('when the portal has more tasks than one search page, then the search pages on, newest first, and stops at the limit', async () => {
  const before = await preview.tasks.listRecentTaskIds(hub.portalId, TOKEN, 0, 1_000);
  const created: string[] = [];
  for (let index = 0; created.length + before.ids.length <= 100 + 10; index += 1) {
    created.push((await hub.control<{ id: string }>('POST', '/__sandbox/tasks', { subject: `Follow up ${index}`, contactIds: [] })).id);
  }
  const total = before.ids.length + created.length;
  const all = await preview.tasks.listRecentTaskIds(hub.portalId, TOKEN, 0, 1_000);
  expect(all).toEqual({ ids: expect.any(Array), more: false });
  expect(all.ids).toHaveLength(total);
  expect(new Set(all.ids.slice(0, created.length))).toEqual(new Set(created));
  const capped = await preview.tasks.listRecentTaskIds(hub.portalId, TOKEN, 0, 105);
  expect(capped).toEqual({ ids: all.ids.slice(0, 105), more: true });
});
