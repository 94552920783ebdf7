import { classifyTask, DEFAULT_RULE_PACK, LOCALES, resolveRules } from '../../../src/rules/index.ts';
import { loadPromptFixtures } from '../../../scripts/eval/prompt-fixtures.ts';

const prompts = loadPromptFixtures();

test('when the evaluation set is loaded, then it has 300+ prompts, 35%+ specific, in all seven languages', () => {
  expect(prompts.length).toBeGreaterThanOrEqual(300);
  expect(prompts.filter((prompt) => prompt.expected === 'specific').length / prompts.length).toBeGreaterThanOrEqual(0.35);
  expect(new Set(prompts.map((prompt) => prompt.locale))).toEqual(new Set(LOCALES));
});

test('when the default rules classify the evaluation set, then precision and recall for robotic are both at least 0.95', () => {
  const rules = resolveRules(DEFAULT_RULE_PACK);
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  const mistakes: string[] = [];
  for (const prompt of prompts) {
    const { robotic } = classifyTask(prompt, rules);
    const expected = prompt.expected === 'robotic';
    if (robotic && expected) truePositives += 1;
    if (robotic && !expected) falsePositives += 1;
    if (!robotic && expected) falseNegatives += 1;
    if (robotic !== expected) mistakes.push(`${prompt.expected}: ${JSON.stringify(prompt.subject)} ${JSON.stringify(prompt.body ?? '')}`);
  }
  const precision = truePositives / (truePositives + falsePositives);
  const recall = truePositives / (truePositives + falseNegatives);
  console.log(`evaluation set: ${prompts.length} prompts, precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}${mistakes.length > 0 ? `\nmistakes:\n${mistakes.join('\n')}` : ''}`);
  expect(precision).toBeGreaterThanOrEqual(0.95);
  expect(recall).toBeGreaterThanOrEqual(0.95);
});
