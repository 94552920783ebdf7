import { classifyTask, DEFAULT_RULE_PACK, resolveRules, RuleOverridesSchema } from '../../../src/rules/index.ts';
import { blendWeights, scoreGeneric, scorerFeatures, strongestGeneric, trainBayes, trainScorer, weightTable } from '../../../src/rules/generic-scorer.ts';
import type { ScorerModel } from '../../../src/rules/generic-scorer.ts';
import { GENERIC_SCORER_MODEL } from '../../../src/rules/generic-scorer-model.ts';
import { analyse } from '../../../src/rules/classify-task.ts';
import { compiledRulesFor } from '../../../src/rules/compile-rules.ts';
import { describeFeature } from '../../../src/rules/decide-verdict.ts';
import { scorerInputOf } from '../../../src/rules/scorer-input.ts';

const rules = resolveRules(DEFAULT_RULE_PACK);
const withOverrides = (input: unknown) => resolveRules(DEFAULT_RULE_PACK, RuleOverridesSchema.parse(input));
const brian = { subject: 'Follow up, crickets so far', body: '', type: 'TODO' };
const words = (...pairs: [string, 'content' | 'verb' | 'filler'][]) => pairs.map(([key, kind]) => ({ key, kind }));

test('when a prompt is turned into features, then they are its words with what the rules made of them, pairs, pieces of content words and a few facts, each once', () => {
  const features = scorerFeatures({ words: words(['call', 'verb'], ['acme', 'content'], ['acme', 'content']), type: 'CALL', templates: 1, excluded: true });
  expect(features).toEqual(['w:call', 'k:verb', 'w:acme', 'k:content', 'b:call_acme', 'c:acme', 'g:<acm', 'g:acme', 'g:cme>', 'b:acme_acme', 'left:2', 'type:CALL', 'template', 'excluded']);
  expect(scorerFeatures({ words: [], type: 'TODO', templates: 0, excluded: false })).toEqual(['left:0', 'type:TODO']);
});

test('when the scorer is trained, then generic words weigh towards generic, specific ones away, the same examples give the same weights, and unknown features weigh nothing', () => {
  const examples = [
    { features: ['w:ping', 'w:them'], generic: true },
    { features: ['w:ping', 'w:again'], generic: true },
    { features: ['w:ship', 'w:scanners'], generic: false },
    { features: ['w:ship', 'w:cables'], generic: false },
  ];
  const trained = trainScorer(examples);
  expect(trained.weights.get('w:ping')).toBeGreaterThan(0);
  expect(trained.weights.get('w:ship')).toBeLessThan(0);
  expect(trainScorer(examples)).toEqual(trained);
  const model: ScorerModel = { bias: trained.bias, threshold: 0, weights: trained.weights };
  expect(scoreGeneric(model, ['w:constructor', 'w:toString'])).toBe(model.bias);
  expect(scoreGeneric(model, ['w:ping'])).toBeGreaterThan(scoreGeneric(model, ['w:ship']));
  expect(strongestGeneric(model, ['w:ship', 'w:ping', 'w:them', 'w:unknown'], 1)).toEqual(['w:ping']);
  expect(trainScorer([]).weights.size).toBe(0);
});

test('when the rules leave words that the trained scorer reads as generic, then the prompt is robotic under the scorer\'s rule, and says which features weighed most', () => {
  const result = classifyTask(brian, rules);
  expect(result).toMatchObject({ robotic: true, ruleId: 'learned-generic' });
  expect(result.confidence).toBeGreaterThanOrEqual(0.55);
  expect(result.reasons[0]).toMatch(/^The rules left "crickets far", and a scorer trained on labelled task prompts reads the prompt as generic wording \(score \d+\.\d, speaks from \d+(\.\d+)?; weighing most: .+; rule “Generic wording \(trained scorer\)”\)\.$/);
});

test('when the shipped model is given explicitly or another threshold is asked for, then the verdict follows that model', () => {
  expect(classifyTask(brian, rules, GENERIC_SCORER_MODEL)).toEqual(classifyTask(brian, rules));
  expect(classifyTask(brian, rules, { ...GENERIC_SCORER_MODEL, threshold: 99 }).robotic).toBe(false);
  // A score far above the threshold reads as high confidence, never above 0.95.
  expect(classifyTask(brian, rules, { ...GENERIC_SCORER_MODEL, bias: 50 }).confidence).toBe(0.95);
});

test('when the scorer\'s rule is off, its confidence is below the portal threshold, a topic is named, or nothing is left, then the rules\' verdict stands', () => {
  expect(classifyTask(brian, withOverrides({ rules: { 'learned-generic': { enabled: false } } })).robotic).toBe(false);
  expect(classifyTask(brian, withOverrides({ thresholds: { minConfidence: 0.97 } })).robotic).toBe(false);
  expect(classifyTask({ subject: 'Follow up on security brian' }, rules).robotic).toBe(false);
  expect(classifyTask({ subject: 'Maria Johnson', names: ['Maria Johnson'] }, withOverrides({ rules: { 'nothing-specific': { enabled: false } } })).robotic).toBe(false);
});

test('when the admin took a word from the rules, then the scorer does not read it as generic wording', () => {
  // A switched-off rule: "follow" is content again.
  expect(classifyTask(brian, withOverrides({ rules: { 'follow-up': { enabled: false } } })).robotic).toBe(false);
  // A removed phrase.
  expect(classifyTask({ subject: 'Touch base' }, withOverrides({ rules: { 'check-in': { phrasesRemoved: { en: ['touch base'] } } } })).robotic).toBe(false);
  // A rule limited to other task types or origins.
  const custom = withOverrides({ customRules: [{ id: 'wave', name: 'Wave', description: 'Admin rule.', enabled: true, version: 1, conditions: { phrases: { en: ['wave'] }, origins: ['sequence'] } }] });
  expect(classifyTask({ subject: 'Wave', origin: 'sequence' }, custom)).toMatchObject({ robotic: true, ruleId: 'wave' });
  expect(classifyTask({ subject: 'Wave', origin: 'manual' }, custom)).toMatchObject({ robotic: false, ruleId: null });
});

test('when a feature is named in a reason, then it reads as plain words', () => {
  expect(['w:touch', 'c:acme', 'b:touch_base', 'g:<acm', 'k:verb', 'k:pointer', 'left:1', 'type:CALL', 'template', 'excluded', 'x:y'].map(describeFeature)).toEqual([
    '"touch"', '"acme"', '"touch base"', 'words with "acm"', 'a word read as a contact verb', 'a word read as pointer', '1 word(s) left', 'a CALL task', 'template slots', 'excluded', 'x:y',
  ]);
});

test('when training reads a prompt as unseen, then its verbs, filler and pointers become content and its topics stop counting', () => {
  const content = (input: ReturnType<typeof scorerInputOf>) => input.words.filter((word) => word.kind === 'content').map((word) => word.key);
  const plain = analyse({ subject: 'Quick follow up on the proposal' }, compiledRulesFor(rules));
  expect(content(scorerInputOf(plain))).toEqual([]);
  expect(content(scorerInputOf(plain, (key) => key !== 'up'))).toEqual(['quick', 'follow', 'on', 'the', 'proposal']);
  const topic = analyse({ subject: 'Follow up about security' }, compiledRulesFor(rules));
  expect(scorerInputOf(topic).excluded).toBe(true);
  expect(scorerInputOf(topic, (key) => key === 'security').excluded).toBe(false);
});

test('when naive Bayes reads the same examples, then its weights lean the same way, and blending adds a share of them to the regression', () => {
  const examples = [
    { features: ['w:ping', 'w:ping', 'w:them'], generic: true },
    { features: ['w:ship', 'w:cables'], generic: false },
  ];
  const bayes = trainBayes(examples);
  expect(bayes.weights.get('w:ping')).toBeGreaterThan(0);
  expect(bayes.weights.get('w:cables')).toBeLessThan(0);
  expect(bayes.bias).toBe(0);
  const regression = { bias: 1, weights: new Map([['w:ping', 2]]) };
  const blended = blendWeights(regression, bayes, 0.5);
  expect(blended.bias).toBe(1);
  expect(blended.weights.get('w:ping')).toBeCloseTo(2 + 0.5 * (bayes.weights.get('w:ping') as number));
  expect(blended.weights.get('w:ship')).toBeCloseTo(0.5 * (bayes.weights.get('w:ship') as number));
  expect(regression.weights.size).toBe(1);
});

test('when the shipped table is read, then each "feature<TAB>weight" line becomes one weight, and blank or broken lines are skipped', () => {
  expect([...weightTable('w:ping\t1.5\nb:a_b\t-0.25\n\nbroken\n\tnofeature')]).toEqual([['w:ping', 1.5], ['b:a_b', -0.25]]);
  expect(GENERIC_SCORER_MODEL.weights.size).toBeGreaterThan(1000);
});
