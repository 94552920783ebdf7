/**
 * `npm run preview -- --demo-stats`: the variety statistics over the demo portal's tasks (read from
 * the in-process sandbox through the worker's own snapshot reader, as the demo does) and over 500
 * generated snapshots (tests/helpers/snapshot-arbitrary.ts, fixed seed), plus three demo cards beside
 * the task that caused each. No network beyond loopback.
 */
import fc from 'fast-check';
import { renderTaskBodyAppendix } from '../../src/cards/render-task-body.ts';
import { createFixedClock } from '../../src/clock.ts';
import { parseCrmSnapshot } from '../../src/context/crm-snapshot.ts';
import { DEMO_SETTINGS } from '../../src/demo.ts';
import { createCrmSnapshotReader } from '../../src/hubspot/crm-snapshot-reader.ts';
import { createHubSpotClients } from '../../src/hubspot/hubspot-client.ts';
import { createRateLimiter, DEFAULT_RATE_LIMITS } from '../../src/hubspot/rate-limiter.ts';
import type { RecordRef } from '../../src/hubspot/ports.ts';
import { createLogger } from '../../src/logger.ts';
import { DEFAULT_RULE_PACK, resolveRules } from '../../src/rules/index.ts';
import { createSandbox } from '../../src/sandbox/create-sandbox.ts';
import type { LoadedSettings } from '../../src/settings/portal-settings.ts';
import { ARBITRARY_NOW, snapshotArbitrary } from '../../tests/helpers/snapshot-arbitrary.ts';
import { composeInOrder, formatStats, varietyStats, type Carded, type Task } from './variety-stats.ts';

/** The demo's clock: fixed, so every run seeds and reads the same portal. */
const DEMO_NOW = Date.parse('2026-03-24T09:00:00Z');
const GENERATED = 500;

async function demoTasks(): Promise<Task[]> {
  const clock = createFixedClock(DEMO_NOW);
  const sandbox = createSandbox({ accessToken: 'pat-demo-stats', rateLimits: false, clock });
  const running = await sandbox.listen(0, '127.0.0.1');
  try {
    const log = createLogger({ level: 'silent' });
    const limiter = createRateLimiter({ clock, limits: { ...DEFAULT_RATE_LIMITS, standard: { max: 100_000, windowMs: 10_000 }, search: { max: 100_000, windowMs: 1_000 } } });
    const reader = createCrmSnapshotReader({ clients: createHubSpotClients({ apiBaseUrl: running.url, limiter, log, clock }), log, clock });
    const truth = sandbox.groundTruth()!;
    const ids = [...truth.roboticTaskIds, ...truth.specificTaskIds];
    const tasks: Task[] = [];
    for (let i = 0; i < ids.length; i += 20) {
      const read = await reader.loadSnapshots(String(sandbox.portalId), sandbox.accessToken, ids.slice(i, i + 20), DEMO_NOW);
      for (const result of read.values()) if (!('gone' in result)) tasks.push({ ...result, taskSubject: result.snapshot.task.subject ?? '' });
    }
    // The order the demo replays them in: oldest task first.
    return tasks.sort((a, b) => (a.snapshot.task.createdAt ?? 0) - (b.snapshot.task.createdAt ?? 0) || a.snapshot.task.id.localeCompare(b.snapshot.task.id));
  } finally {
    await running.close();
  }
}

function generatedTasks(): Task[] {
  const inputs = fc.sample(fc.tuple(...Array.from({ length: GENERATED }, (_, i) => snapshotArbitrary(i))), { seed: 17, numRuns: 1 })[0] ?? [];
  return inputs.map((input) => {
    const snapshot = parseCrmSnapshot(input);
    const records: RecordRef[] = [
      ...snapshot.contacts.map((contact) => ({ objectType: 'contact' as const, id: contact.id })),
      ...(snapshot.company === undefined ? [] : [{ objectType: 'company' as const, id: snapshot.company.id }]),
    ];
    return { snapshot, records, taskSubject: snapshot.task.subject ?? '' };
  });
}

/** Three demo cards of different kinds (by headline template), each beside the task that caused it. */
function samples(carded: readonly Carded[]): string[] {
  const picked: Carded[] = [];
  for (const entry of carded) {
    if (picked.length === 3) break;
    const questions = new Set(picked.flatMap((p) => p.card.questions.map((q) => q.templateId)));
    if (picked.some((p) => p.card.headline.templateId === entry.card.headline.templateId) || entry.card.questions.some((q) => questions.has(q.templateId))) continue;
    picked.push(entry);
  }
  return picked.flatMap(({ task, card }) => [
    `### Task: “${task.taskSubject}” (${task.snapshot.task.type ?? 'TODO'}, ${task.snapshot.company?.name ?? task.snapshot.contacts[0]?.firstName ?? 'no client'})${task.snapshot.task.body ? ` — body: “${task.snapshot.task.body}”` : ''}`,
    renderTaskBodyAppendix(card),
    `templates: ${card.headline.templateId}#${card.headline.form ?? 0} | ${card.questions.map((q) => `${q.templateId}#${q.form ?? 0}`).join(' | ')}`,
    '',
  ]);
}

export async function runDemoStats(): Promise<string> {
  const loaded: LoadedSettings = { portalId: 'demo', settings: DEMO_SETTINGS, rules: resolveRules(DEFAULT_RULE_PACK, DEMO_SETTINGS.rules), version: 0 };
  const demo = await demoTasks();
  const demoRun = composeInOrder(demo, loaded, DEMO_NOW);
  // The seeded reps get 14 cards or fewer each; to see 20 in a row, the same tasks once more as one rep's day.
  const oneRep = demo.map((task) => ({ ...task, snapshot: { ...task.snapshot, task: { ...task.snapshot.task, ownerId: 'one-rep' } } }));
  const oneRepRun = composeInOrder(oneRep, loaded, DEMO_NOW);
  const generatedRun = composeInOrder(generatedTasks(), loaded, ARBITRARY_NOW);
  return [
    `# Card variety (issue 17), counted by template id: goals — no headline template above 25 %, no question template above 15 %, ≥ 12 distinct question templates in any 20 consecutive cards of one rep`,
    '',
    ...formatStats(`demo portal (${demo.length} tasks), as seeded`, varietyStats(demoRun.carded, demoRun.skipped)),
    '',
    ...formatStats(`demo portal (${demo.length} tasks), every task owned by one rep`, varietyStats(oneRepRun.carded, oneRepRun.skipped)),
    '',
    ...formatStats(`${GENERATED} generated snapshots`, varietyStats(generatedRun.carded, generatedRun.skipped)),
    '',
    '## Three demo cards, each beside its task',
    '',
    ...samples(demoRun.carded),
  ].join('\n');
}
