import { classifyTask, DEFAULT_RULE_PACK, resolveRules, RuleOverridesSchema } from '../../../src/rules/index.ts';
import { scoreGeneric, scorerFeatures, trainScorer } from '../../../src/rules/generic-scorer.ts';

const rules = resolveRules(DEFAULT_RULE_PACK);
const withOverrides = (input: unknown) => resolveRules(DEFAULT_RULE_PACK, RuleOverridesSchema.parse(input));
const brian = { subject: 'follow-up for brian buyer', body: '<p>Send Proposal</p>' };

test('when a prompt is turned into features, then they are its folded words and word pairs, HTML and slots removed', () => {
  expect(scorerFeatures('Follow-up for {{contact.firstname}}', '<p>Café</p>')).toEqual(['follow', 'up', 'for', 'cafe', 'follow_up', 'up_for', 'for_cafe']);
});

test('when the scorer is trained, then generic words weigh towards generic, rare features are dropped and unknown ones weigh nothing', () => {
  const model = trainScorer([
    { subject: 'ping them', body: '', generic: true },
    { subject: 'ping again', body: '', generic: true },
    { subject: 'ship the scanners', body: '', generic: false },
    { subject: 'ship the cables', body: '', generic: false },
  ]);
  expect(model.weights['ping']).toBeGreaterThan(0);
  expect(model.weights['ship']).toBeLessThan(0);
  expect(Object.hasOwn(model.weights, 'scanners')).toBe(false);
  expect(scoreGeneric(model, 'constructor toString', '')).toBe(model.prior);
  expect(scoreGeneric(model, 'ping', '')).toBeGreaterThan(scoreGeneric(model, 'ship', ''));
});

test('when the rules leave a word or two that the trained scorer reads as generic, then the prompt is robotic under the scorer\'s rule, and says so', () => {
  const result = classifyTask(brian, rules);
  expect(result).toMatchObject({ robotic: true, ruleId: 'learned-generic', confidence: 0.65 });
  expect(result.reasons[0]).toMatch(/^The rules left "brian", and a scorer trained on labelled task prompts reads it as generic wording \(score \d+\.\d; rule “Generic wording \(trained scorer\)”\)\.$/);
});

test('when the scorer\'s rule is off, its confidence is below the portal threshold, or too much is left, then the rules\' verdict stands', () => {
  expect(classifyTask(brian, withOverrides({ rules: { 'learned-generic': { enabled: false } } })).robotic).toBe(false);
  // A word of a rule the admin switched off stays content: the scorer does not bring the rule back.
  expect(classifyTask(brian, withOverrides({ rules: { 'follow-up': { enabled: false } } })).robotic).toBe(false);
  expect(classifyTask(brian, withOverrides({ thresholds: { minConfidence: 0.7 } })).robotic).toBe(false);
  expect(classifyTask({ subject: 'follow-up for brian buyer about the cupcake supplier', body: brian.body }, rules).robotic).toBe(false);
  expect(classifyTask({ subject: 'Maria Johnson', names: ['Maria Johnson'] }, withOverrides({ rules: { 'nothing-specific': { enabled: false } } })).robotic).toBe(false);
  expect(classifyTask({ subject: 'Follow up on security brian' }, rules).robotic).toBe(false);
  const custom = withOverrides({ customRules: [{ id: 'wave', name: 'Wave', description: 'Admin rule.', enabled: true, version: 1, conditions: { phrases: { en: ['wave'] } } }] });
  expect(classifyTask({ subject: 'wave about security', body: brian.body }, custom)).toMatchObject({ robotic: false, ruleId: null });
});
