import type { Analysis } from './classify-task.ts';
import type { ScorerInput } from './generic-scorer.ts';

/**
 * What the trained scorer reads of an analysis. `unseen` words lose what the lexicon made of
 * them (a verb, filler or pointer becomes content, a topic stops counting): training uses it to
 * show the scorer prompts whose words the lexicon never met, as new prompts will be.
 */
export function scorerInputOf(analysis: Analysis, unseen: (key: string) => boolean = () => false): ScorerInput {
  const words = analysis.segments.flatMap((segment) =>
    segment.words.map((word) => ({ key: word.key, kind: (word.kind === 'verb' || word.kind === 'filler' || word.kind === 'pointer') && unseen(word.key) ? 'content' as const : word.kind })),
  );
  return { words, type: analysis.type, templates: analysis.templates, excluded: analysis.excludedWords.some((word) => !unseen(word)) };
}
