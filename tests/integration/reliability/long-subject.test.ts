/**
 * RELIABILITY.md row 34, the worker's side: a task subject or body of 64 k characters (HubSpot
 * text properties hold up to 65,536) read from HubSpot is clipped by code point, never split
 * inside a surrogate pair, and judged without throwing. The snapshot keeps the classifier's
 * 10,000-character window of each (src/hubspot/crm-records.ts) and carries `truncated`, so the
 * verdict, and the skip the pipeline records, say that only the first 10,000 were judged.
 */
import { parseCrmSnapshot, type CrmSnapshotInput } from '../../../src/context/crm-snapshot.ts';
import { toTask } from '../../../src/hubspot/crm-records.ts';
import { classifyTask, DEFAULT_RULE_PACK, resolveRules, TRUNCATED_NOTE } from '../../../src/rules/index.ts';
import { PortalSettingsSchema } from '../../../src/settings/portal-settings.ts';
import { decideCard } from '../../../src/worker/decide-card.ts';
import { eventually } from '../../helpers/eventually.ts';
import { startStack, type Stack } from '../../e2e/stack.ts';

const rules = resolveRules(DEFAULT_RULE_PACK);
const record = (properties: Record<string, string>) => ({ id: '9001', properties: { hs_task_type: 'TODO', ...properties } });
/** Specific content, so the task is skipped as not robotic and its skip detail is recorded. */
const SPECIFIC = 'Ask Oliver whether the revised audit scope for the Leeds office fits their April board pack. ';
const longText = (length: number) => SPECIFIC.repeat(Math.ceil(length / SPECIFIC.length)).slice(0, length);

test('when the classifier is handed a 64 k subject, then it judges the first 10,000 characters and says so', () => {
  const subject = `Follow up ${'🤝 '.repeat(21_842)}`;
  expect(subject.length).toBeGreaterThan(64_000);
  const verdict = classifyTask({ subject, type: 'TODO' }, rules);
  expect(verdict.reasons).toContain(TRUNCATED_NOTE);
});

test('when HubSpot returns a 64 k subject of astral characters, then the reader clips it by code point with no lone surrogate, and marks the task truncated', () => {
  const subject = `${'a'.repeat(9_999)}${'𝔘'.repeat(30_000)}`;
  const task = toTask(record({ hs_task_subject: subject }) as never);
  expect(Array.from(task.subject ?? '')).toHaveLength(10_000);
  expect(task.subject?.isWellFormed()).toBe(true);
  expect(task.subject?.endsWith('a𝔘')).toBe(true);
  expect(task.truncated).toBe(true);
});

test('when a subject or body fits the 10,000-character window (an astral character counting once), then the reader keeps it whole and does not mark it', () => {
  for (const properties of [{ hs_task_subject: 'Follow up', hs_task_body: longText(10_000) }, { hs_task_subject: '𝔘'.repeat(10_000) }]) {
    const task = toTask(record(properties) as never);
    expect(task.truncated).toBeUndefined();
    expect([task.subject, task.body]).toEqual([properties.hs_task_subject, 'hs_task_body' in properties ? properties.hs_task_body : undefined]);
  }
});

test('when a 64 k subject or body goes the worker path (reader, snapshot, decideCard), then it is judged without throwing and the skip says it was truncated', () => {
  const base: CrmSnapshotInput = { capturedAt: 0, portal: { id: '1' }, task: { id: '9001' }, contacts: [{ id: '7' }] };
  const loaded = { portalId: '1', version: 0, rules, settings: PortalSettingsSchema.parse({}) };
  const history = { delivered: [], snoozes: [], recentCards: [] };
  const decide = (properties: Record<string, string>) => {
    const snapshot = parseCrmSnapshot({ ...base, task: toTask(record(properties) as never) });
    return decideCard(snapshot, [{ objectType: 'contact', id: '7' }], loaded, history, 0);
  };
  for (const properties of [{ hs_task_subject: `Follow up ${longText(64_000)}` }, { hs_task_subject: 'Follow up', hs_task_body: longText(65_536) }]) {
    const decision = decide(properties);
    expect(decision).toMatchObject({ action: 'skip', reason: 'not-robotic' });
    expect(decision.action === 'skip' && decision.detail).toMatch(/^Specific content remains besides "follow up": .*Judged only the first 10,000 characters of a long subject or body\.$/);
  }
  const whole = decide({ hs_task_subject: 'Follow up', hs_task_body: longText(10_000) });
  expect(whole.action === 'skip' && whole.detail).not.toContain(TRUNCATED_NOTE);
});

describe('a 64 k task body through the whole pipeline (sandbox, signed webhook, queue, worker)', () => {
  let stack: Stack;
  afterAll(async () => { await stack?.close(); });

  test('when a rep saves a task whose body is 65,536 characters, then its recorded skip says only the first 10,000 were judged; a body of exactly 10,000 does not', async () => {
    stack = await startStack({ sandbox: { seed: true } });
    const tasks = (await stack.control<{ results: { associations: { contacts: string[] } }[] }>('/__sandbox/tasks')).results;
    const contact = tasks.flatMap((task) => task.associations.contacts)[0];
    if (contact === undefined) throw new Error('the seed has no task with a contact');
    const create = (body: string) => stack.control<{ id: string; properties: Record<string, string> }>('/__sandbox/tasks',
      { method: 'POST', body: JSON.stringify({ subject: 'Follow up', body, contactIds: [contact] }) });
    const long = await create(longText(65_536));
    const fits = await create(longText(10_000));
    expect(long.properties['hs_task_body']).toHaveLength(65_536); // HubSpot (the sandbox) holds it all

    const skips = await eventually(
      () => stack.db.query<{ task_id: string; reason: string; detail: string }>('select task_id, reason, detail from card_skips where task_id = any($1::text[])', [[long.id, fits.id]]),
      (rows) => rows.length === 2);
    const byTask = new Map(skips.map((row) => [row.task_id, row]));
    expect(byTask.get(long.id)).toMatchObject({ reason: 'not-robotic', detail: expect.stringContaining(TRUNCATED_NOTE) });
    expect(byTask.get(fits.id)?.reason).toBe('not-robotic');
    expect(byTask.get(fits.id)?.detail).not.toContain(TRUNCATED_NOTE);
    expect(await stack.db.query('select task_id from cards where task_id = any($1::text[])', [[long.id, fits.id]])).toEqual([]);
  }, 60_000);
});
