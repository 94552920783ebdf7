/**
 * A small statistical scorer, measured beside the rules: multinomial naive Bayes over word
 * unigrams and bigrams, trained offline on labelled items. It exists to answer "would a trained
 * scorer beat the rules?" on the same items; the product ships the rules.
 */
import { cleanText, htmlToText, tokenize } from '../../src/rules/prompt-text.ts';

export interface Example {
  subject: string;
  body: string;
  generic: boolean;
}

export interface NaiveBayes {
  score(subject: string, body: string): number;
}

function features(subject: string, body: string): string[] {
  const words = tokenize(cleanText(htmlToText(`${subject}\n${body}`)).text).map((token) => token.key);
  return [...words, ...words.slice(1).map((word, index) => `${words[index]}_${word}`)];
}

/** Trains on `examples`; `score` is the log-odds of generic (> 0 means generic). */
export function trainNaiveBayes(examples: readonly Example[]): NaiveBayes {
  const counts = { true: new Map<string, number>(), false: new Map<string, number>() };
  const totals = { true: 0, false: 0 };
  const docs = { true: 0, false: 0 };
  const vocabulary = new Set<string>();
  for (const example of examples) {
    const key = String(example.generic) as 'true' | 'false';
    docs[key] += 1;
    for (const feature of features(example.subject, example.body)) {
      counts[key].set(feature, (counts[key].get(feature) ?? 0) + 1);
      totals[key] += 1;
      vocabulary.add(feature);
    }
  }
  const size = vocabulary.size + 1;
  const prior = Math.log((docs.true + 1) / (docs.false + 1));
  return {
    score(subject, body) {
      let logOdds = prior;
      for (const feature of features(subject, body)) {
        if (!vocabulary.has(feature)) continue;
        logOdds += Math.log(((counts.true.get(feature) ?? 0) + 1) / (totals.true + size)) - Math.log(((counts.false.get(feature) ?? 0) + 1) / (totals.false + size));
      }
      return logOdds;
    },
  };
}
