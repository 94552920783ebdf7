/**
 * A small statistical scorer beside the rules: logistic-regression log-odds that a prompt is
 * generic, over what the rules made of its words (which were verbs, names, pointers, filler and
 * which were left as content), the words and word pairs themselves, and four-letter pieces of the
 * words left as content, so an unseen inflection ("relancé", "nachgefasst") weighs like its
 * siblings. Weights are trained offline on the development part of the evaluation corpus
 * (`npm run train-scorer`, written to `generic-scorer-weights.json`). Pure: the weights are data in
 * the bundle; no network, no I/O. The rules explain its verdicts and decide when it may speak (see
 * `decide-verdict.ts`).
 */
import type { Kind } from './mark-tokens.ts';

/** Log-odds of generic: a bias, one weight per feature (unknown features weigh nothing) and the score at which it speaks. */
export interface ScorerModel {
  bias: number;
  threshold: number;
  weights: ReadonlyMap<string, number>;
}

/** What the scorer reads of a prompt: its words with what the rules made of them, and a few facts. */
export interface ScorerInput {
  words: readonly { key: string; kind: Kind }[];
  type: string;
  templates: number;
  /** A topic or purpose phrase ("security review") was found. */
  excluded: boolean;
}

const GRAM = 4;
const MAX_LEFT = 6;

/** The features of a prompt, each counted once. */
export function scorerFeatures(input: ScorerInput): string[] {
  const out = new Set<string>();
  let left = 0;
  let previous: string | undefined;
  for (const { key, kind } of input.words) {
    out.add(`w:${key}`);
    out.add(`k:${kind}`);
    if (previous !== undefined) out.add(`b:${previous}_${key}`);
    previous = key;
    if (kind !== 'content') continue;
    left += 1;
    out.add(`c:${key}`);
    const padded = `<${key}>`;
    for (let at = 0; at + GRAM <= padded.length; at += 1) out.add(`g:${padded.slice(at, at + GRAM)}`);
  }
  out.add(`left:${Math.min(left, MAX_LEFT)}`);
  out.add(`type:${input.type}`);
  if (input.templates > 0) out.add('template');
  if (input.excluded) out.add('excluded');
  return [...out];
}

/**
 * A copy of `text` that is its own string: V8 keeps a longer slice as a view into the string it was
 * cut from, and comparing a looked-up feature against such a view at every weight lookup costs more
 * than a flat string.
 */
function flat(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}

/** Reads "feature<TAB>weight" lines (how the trained model ships) into a weight map. */
export function weightTable(lines: string): Map<string, number> {
  const weights = new Map<string, number>();
  // One pass with indexOf instead of split: no array of 30,000 line strings to collect.
  for (let start = 0; start < lines.length;) {
    const newline = lines.indexOf('\n', start);
    const end = newline === -1 ? lines.length : newline;
    const tab = lines.lastIndexOf('\t', end);
    if (tab > start) weights.set(flat(lines.slice(start, tab)), Number(lines.slice(tab + 1, end)));
    start = end + 1;
  }
  return weights;
}

/** Log-odds that the prompt is generic (> 0 leans generic). */
export function scoreGeneric(model: ScorerModel, features: readonly string[]): number {
  let score = model.bias;
  for (const feature of features) score += model.weights.get(feature) ?? 0;
  return score;
}

/** The features that pushed a score most towards generic, strongest first. */
export function strongestGeneric(model: ScorerModel, features: readonly string[], count: number): string[] {
  // Each weight looked up once, not twice per comparison of the sort.
  const weighted: { feature: string; weight: number }[] = [];
  for (const feature of features) {
    const weight = model.weights.get(feature) ?? 0;
    if (weight > 0) weighted.push({ feature, weight });
  }
  weighted.sort((a, b) => b.weight - a.weight);
  return weighted.slice(0, count).map((entry) => entry.feature);
}

export interface TrainingExample {
  features: readonly string[];
  generic: boolean;
}

export interface TrainingOptions {
  /** L2 penalty per weight. */
  l2: number;
  /** Full-batch passes. */
  epochs: number;
  /** Adam step size. */
  rate: number;
}

export const DEFAULT_TRAINING: TrainingOptions = { l2: 0.003, epochs: 300, rate: 0.1 };

/**
 * L2-regularised logistic regression, full-batch Adam: deterministic, so the same examples
 * always give the same weights. Returns the bias and every feature's weight.
 */
export function trainScorer(examples: readonly TrainingExample[], options: TrainingOptions = DEFAULT_TRAINING): { bias: number; weights: Map<string, number> } {
  const index = new Map<string, number>();
  for (const example of examples) for (const feature of example.features) if (!index.has(feature)) index.set(feature, index.size);
  const rows = examples.map((example) => [...new Set(example.features.map((feature) => index.get(feature) as number))]);
  const size = index.size + 1;
  const bias = size - 1;
  const weights = new Float64Array(size);
  const [first, second] = [new Float64Array(size), new Float64Array(size)];
  const n = Math.max(1, examples.length);
  for (let step = 1; step <= options.epochs; step += 1) {
    const gradient = new Float64Array(size);
    rows.forEach((row, at) => {
      let z = weights[bias] as number;
      for (const j of row) z += weights[j] as number;
      const error = 1 / (1 + Math.exp(-z)) - (examples[at]?.generic === true ? 1 : 0);
      for (const j of row) gradient[j] = (gradient[j] as number) + error / n;
      gradient[bias] = (gradient[bias] as number) + error / n;
    });
    for (let j = 0; j < size; j += 1) {
      const g = (gradient[j] as number) + (j === bias ? 0 : options.l2 * (weights[j] as number));
      first[j] = 0.9 * (first[j] as number) + 0.1 * g;
      second[j] = 0.999 * (second[j] as number) + 0.001 * g * g;
      const m = (first[j] as number) / (1 - 0.9 ** step);
      const v = (second[j] as number) / (1 - 0.999 ** step);
      weights[j] = (weights[j] as number) - (options.rate * m) / (Math.sqrt(v) + 1e-8);
    }
  }
  return { bias: weights[bias] as number, weights: new Map([...index].map(([feature, j]) => [feature, weights[j] as number])) };
}

/**
 * Multinomial naive Bayes log-odds over the same features (each counted once per example), add-one
 * smoothing: a second, independent reading of the evidence that training blends into the
 * regression's weights (`blendWeights`), so the shipped model stays one linear table.
 */
export function trainBayes(examples: readonly TrainingExample[]): { bias: number; weights: Map<string, number> } {
  const counts = [new Map<string, number>(), new Map<string, number>()] as const;
  const totals = [0, 0];
  const docs = [0, 0];
  for (const example of examples) {
    const side = example.generic ? 1 : 0;
    docs[side] = (docs[side] as number) + 1;
    for (const feature of new Set(example.features)) {
      counts[side].set(feature, (counts[side].get(feature) ?? 0) + 1);
      totals[side] = (totals[side] as number) + 1;
    }
  }
  const vocabulary = new Set([...counts[0].keys(), ...counts[1].keys()]);
  const size = vocabulary.size + 1;
  const weights = new Map<string, number>();
  for (const feature of vocabulary) {
    const [g, s] = [counts[1].get(feature) ?? 0, counts[0].get(feature) ?? 0];
    weights.set(feature, Math.log((g + 1) / ((totals[1] as number) + size)) - Math.log((s + 1) / ((totals[0] as number) + size)));
  }
  return { bias: Math.log(((docs[1] as number) + 1) / ((docs[0] as number) + 1)), weights };
}

/** `a + share × b`, feature by feature: one linear model from two. */
export function blendWeights(a: { bias: number; weights: Map<string, number> }, b: { bias: number; weights: Map<string, number> }, share: number): { bias: number; weights: Map<string, number> } {
  const weights = new Map(a.weights);
  for (const [feature, weight] of b.weights) weights.set(feature, (weights.get(feature) ?? 0) + share * weight);
  return { bias: a.bias + share * b.bias, weights };
}
