/**
 * The naive Bayes peer `npm run eval` prints beside the rules: log-odds of generic over folded
 * words and word pairs, add-one smoothing, trained on the development part. Not used by the product.
 */
import { cleanText, htmlToText, tokenize } from '../../src/rules/prompt-text.ts';

/** Log-odds of generic: a prior and one weight per feature; unknown features weigh nothing. */
export interface BayesModel {
  prior: number;
  weights: Readonly<Record<string, number>>;
}

/** The features of a prompt: its folded words and adjacent word pairs ("follow_up"). */
function bayesFeatures(subject: string, body: string): string[] {
  const words = tokenize(cleanText(htmlToText(`${subject}\n${body}`)).text).map((token) => token.key);
  return [...words, ...words.slice(1).map((word, index) => `${words[index] as string}_${word}`)];
}

/** Log-odds that the prompt is generic (> 0 leans generic). */
export function bayesScore(model: BayesModel, subject: string, body: string): number {
  let score = model.prior;
  for (const feature of bayesFeatures(subject, body)) score += Object.hasOwn(model.weights, feature) ? (model.weights[feature] as number) : 0;
  return score;
}

export interface BayesExample {
  subject: string;
  body: string;
  generic: boolean;
}

/** Multinomial naive Bayes with add-one smoothing; features seen fewer than `minCount` times are dropped. */
export function trainBayes(examples: readonly BayesExample[], minCount = 2): BayesModel {
  const counts = { generic: new Map<string, number>(), specific: new Map<string, number>() };
  const totals = { generic: 0, specific: 0 };
  const docs = { generic: 0, specific: 0 };
  for (const example of examples) {
    const side = example.generic ? 'generic' : 'specific';
    docs[side] += 1;
    for (const feature of bayesFeatures(example.subject, example.body)) {
      counts[side].set(feature, (counts[side].get(feature) ?? 0) + 1);
      totals[side] += 1;
    }
  }
  const vocabulary = new Set([...counts.generic.keys(), ...counts.specific.keys()]);
  const size = vocabulary.size + 1;
  const weights: Record<string, number> = {};
  for (const feature of [...vocabulary].sort()) {
    const [g, s] = [counts.generic.get(feature) ?? 0, counts.specific.get(feature) ?? 0];
    if (g + s < minCount) continue;
    weights[feature] = Math.round((Math.log((g + 1) / (totals.generic + size)) - Math.log((s + 1) / (totals.specific + size))) * 1000) / 1000;
  }
  return { prior: Math.round(Math.log((docs.generic + 1) / (docs.specific + 1)) * 1000) / 1000, weights };
}
