import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { classifyTask, DEFAULT_RULE_PACK, resolveRules } from '../../../src/rules/index.ts';
import { KINDS, loadCorpus, partOf, testManifest } from '../../../scripts/eval/corpus.ts';
import { countOf, precision, recall } from '../../../scripts/eval/metrics.ts';

const ROOT = new URL('../../..', import.meta.url).pathname;
const DIR = join(ROOT, 'eval/corpus');
const corpus = loadCorpus(DIR);
const test = corpus.filter((item) => partOf(item.group) === 'test' && item.label !== 'borderline');
const rules = resolveRules(DEFAULT_RULE_PACK);

it('when the corpus is loaded, then it has 800+ items in 4+ languages, every generic kind, and its test part is the frozen one', () => {
  expect(corpus.length).toBeGreaterThanOrEqual(800);
  expect(new Set(corpus.map((item) => item.lang)).size).toBeGreaterThanOrEqual(4);
  for (const kind of KINDS) expect(corpus.filter((item) => item.label === 'generic' && item.kind === kind).length).toBeGreaterThanOrEqual(20);
  expect(readFileSync(join(DIR, 'FROZEN-TEST.txt'), 'utf8')).toBe(testManifest(corpus));
  expect(test.length).toBeGreaterThanOrEqual(250);
});

// Measured on 2026-12-04 (rules + trained scorer, 1,371 test items with round 4): precision 0.950,
// recall 0.788 (README, "The classifier"). The goal of issue 13 is 0.95 for both; recall is not
// there yet, so this guards what holds and fails on a regression.
it('when the default rules judge the frozen test part, then precision is at least 0.95 and recall at least 0.77', () => {
  const counts = countOf(test.map((item) => ({ generic: item.label === 'generic', said: classifyTask({ subject: item.subject, body: item.body, type: item.type }, rules).robotic })));
  expect(precision(counts)).toBeGreaterThanOrEqual(0.95);
  expect(recall(counts)).toBeGreaterThanOrEqual(0.77);
});

it('when the corpus goes through `npm run classify`, then every line comes back in order with the verdict classifyTask gives', () => {
  const input = corpus.map((item) => JSON.stringify({ subject: item.subject, body: item.body, type: item.type, id: item.id })).join('\n');
  const run = spawnSync(join(ROOT, 'node_modules/.bin/node'), [join(ROOT, 'scripts/classify.ts')], { input, encoding: 'utf8', cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
  expect(run.status).toBe(0);
  const out = run.stdout.trim().split('\n').map((line) => JSON.parse(line) as { id: string; robotic: boolean; ruleId: string | null });
  expect(out.map((line) => line.id)).toEqual(corpus.map((item) => item.id));
  const direct = corpus.map((item) => classifyTask({ subject: item.subject, body: item.body, type: item.type }, rules));
  expect(out.map((line) => [line.robotic, line.ruleId])).toEqual(direct.map((verdict) => [verdict.robotic, verdict.ruleId]));
});
