import { DEMO_SETTINGS } from '../../../src/demo.ts';
import { classifyTask, DEFAULT_RULE_PACK, resolveRules, taskOriginFromProperties } from '../../../src/rules/index.ts';
import { createSandbox } from '../../../src/sandbox/create-sandbox.ts';

test('when every seeded task of the demo portal is classified with the names and locale the pipeline passes, then precision and recall are 1.0', () => {
  const sandbox = createSandbox({ seed: true });
  const truth = sandbox.groundTruth();
  const portal = sandbox.state.portals.get(sandbox.portalId);
  if (truth === undefined || portal === undefined) throw new Error('no seeded demo portal');
  const record = (type: 'tasks' | 'contacts' | 'companies', id: string) => portal.records.get(type)?.get(id)?.properties ?? {};
  const linked = (taskId: string, type: string) => (portal.associations.get(`tasks:${taskId}`) ?? []).filter((edge) => edge.toType === type).map((edge) => edge.toId);
  const rules = resolveRules(DEFAULT_RULE_PACK);
  const robotic = new Set<string>();
  const mistakes: string[] = [];
  for (const id of [...truth.roboticTaskIds, ...truth.specificTaskIds]) {
    const task = record('tasks', id);
    // As namesIn (src/worker/decide-card.ts): each contact's first, last and full name, and the company's name.
    const names = [
      ...linked(id, 'contacts').map((contact) => record('contacts', contact)).flatMap((c) => [c['firstname'], c['lastname'], [c['firstname'], c['lastname']].filter(Boolean).join(' ')]),
      ...linked(id, 'companies').map((company) => record('companies', company)['name']),
    ].filter((name): name is string => typeof name === 'string' && name.trim() !== '');
    const prompt = { subject: task['hs_task_subject'] ?? '', body: task['hs_task_body'] ?? undefined, type: task['hs_task_type'] ?? undefined, origin: taskOriginFromProperties(task), locale: DEMO_SETTINGS.locale, names };
    const result = classifyTask(prompt, rules);
    if (result.robotic) robotic.add(id);
    if (result.robotic !== truth.roboticTaskIds.includes(id)) mistakes.push(`${JSON.stringify(prompt.subject)} ${JSON.stringify(prompt.body)}: ${result.reasons[0] ?? ''}`);
  }
  const truePositives = truth.roboticTaskIds.filter((id) => robotic.has(id)).length;
  expect(mistakes).toEqual([]);
  expect(truth.roboticTaskIds.length).toBeGreaterThanOrEqual(40);
  expect(truePositives / robotic.size).toBe(1);
  expect(truePositives / truth.roboticTaskIds.length).toBe(1);
});
