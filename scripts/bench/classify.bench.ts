/**
 * Classification throughput on the evaluation set (tests/fixtures/prompts), against a naive
 * keyword regex measured in the same run, plus the cost of a 64k-character body.
 */
import { classifyTask, DEFAULT_RULE_PACK, resolveRules } from '../../src/rules/index.ts';
import type { TaskPrompt } from '../../src/rules/index.ts';
import { loadPromptFixtures } from '../eval/prompt-fixtures.ts';
import { opsPerSecond } from './bench-row.ts';
import type { BenchRow } from './bench-row.ts';

const NAIVE = /\b(follow[ -]?up|check[ -]?in|touch base|circle back|reach out|ping|call|email|reminder)\b/i;


function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN;
}

export default async function bench(options: { quick: boolean }): Promise<BenchRow[]> {
  const prompts: TaskPrompt[] = loadPromptFixtures();
  const rules = resolveRules(DEFAULT_RULE_PACK);
  const ms = options.quick ? 300 : 2_000;
  let next = 0;
  const classifyNext = (): void => {
    classifyTask(prompts[next++ % prompts.length] as TaskPrompt, rules);
  };
  // Steady state, as a long-running worker sees it: the first second (JIT tiering, the scorer's
  // table settling into old space) is measured on its own row.
  const cold = opsPerSecond(classifyNext, options.quick ? 200 : 1_000);
  const engine = opsPerSecond(classifyNext, ms);
  next = 0;
  const naive = opsPerSecond(() => {
    const prompt = prompts[next++ % prompts.length] as TaskPrompt;
    NAIVE.test(`${prompt.subject} ${prompt.body ?? ''}`);
  }, ms);
  const samples: number[] = [];
  for (let round = 0; round < (options.quick ? 3 : 20); round += 1) {
    for (const prompt of prompts) {
      const started = process.hrtime.bigint();
      classifyTask(prompt, rules);
      samples.push(Number(process.hrtime.bigint() - started) / 1_000);
    }
  }
  samples.sort((a, b) => a - b);
  const huge: TaskPrompt = { subject: 'Follow up', body: `<p>${'Ask about the Denver rollout and the scanner pilot. '.repeat(1_300)}</p>` };
  const hugeRun = opsPerSecond(() => classifyTask(huge, rules), options.quick ? 100 : 500);
  const note = `${prompts.length} prompts, default rules, ${ms} ms`;
  return [
    { name: 'classify eval set', metric: 'throughput', value: engine.perSecond, unit: 'classifications/s', baseline: naive.perSecond, ratio: engine.perSecond / naive.perSecond, note: `${note}; baseline: one keyword regex (no genericness)` },
    { name: 'classify eval set', metric: 'mean', value: 1e6 / engine.perSecond, unit: 'µs/classification', note },
    { name: 'classify, first second', metric: 'throughput', value: cold.perSecond, unit: 'classifications/s', note: 'the same loop in a fresh process, before the steady-state run' },
    { name: 'classify eval set', metric: 'p50', value: percentile(samples, 0.5), unit: 'µs', note: `${samples.length} timed single calls` },
    { name: 'classify eval set', metric: 'p99', value: percentile(samples, 0.99), unit: 'µs', note: `${samples.length} timed single calls` },
    { name: 'classify 64k body', metric: 'mean', value: 1e6 / hugeRun.perSecond, unit: 'µs/classification', note: `${huge.body?.length ?? 0} chars, judged up to 10,000` },
  ];
}
