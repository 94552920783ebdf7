/**
 * Chooses the headline and the 2–3 questions: strongest signals first, one question per lens,
 * nothing the same record and rep saw on the previous card unless there is no alternative,
 * and only wording that passes the guardrails. Deterministic: ties break on template id.
 */
import type { Signals } from '../context/signals.ts';
import type { QuestionBank } from './banks/bank.ts';
import { isLensEnabled, type ComposerSettings } from './composer-settings.ts';
import type { Fact } from './facts.ts';
import { checkText, LENGTH } from './guardrails.ts';
import type { LensId } from './lenses.ts';
import { HEADLINES, QUESTIONS, type HeadlineId, type Match, type QuestionId } from './templates.ts';

/** Template ids of earlier cards for the same record and rep, newest first. */
export interface CardHistory {
  recent: Array<{ headlineId?: string; questionIds: string[] }>;
}

export interface Chosen {
  id: string;
  lens?: LensId;
  text: string;
  facts: Fact[];
  strength: number;
}

/** The always-available questions that keep a sparse record's card honest and still rotating. */
const FALLBACKS: QuestionId[] = ['calm.need', 'scenes.unknown', 'experts.unknown', 'long-term.unknown'];

/** The concrete values a text must show at least one of: the client's name and every parameter. */
function factValues(match: Match, name: string | undefined): Array<string | number> {
  const params = Object.values(match.params as Record<string, string | number>).filter((value) => value !== 0 && value !== 1);
  return name === undefined ? params : [name, ...params];
}

function render(bank: QuestionBank, signals: Signals, match: Match, lens: LensId | undefined, maxLength: number): Chosen | undefined {
  const known = signals.client.displayName;
  const name = known ?? bank.unnamedClient;
  const table = (lens === undefined ? bank.headlines : bank.questions) as Record<string, (p: object) => string>;
  const text = (table[match.id] as (p: object) => string)({ ...match.params, name });
  if (checkText(text, factValues(match, known), maxLength).length > 0) return undefined;
  return { id: match.id, text, facts: match.facts, strength: match.strength, ...(lens === undefined ? {} : { lens }) };
}

function penalty(id: string, history: CardHistory): number {
  const [last, ...older] = history.recent;
  if (last !== undefined && (last.headlineId === id || last.questionIds.includes(id))) return 10;
  return older.some((card) => card.headlineId === id || card.questionIds.includes(id)) ? 0.3 : 0;
}

/** Strongest first after the rotation penalty; equal scores in template-id order. */
const byScore = (history: CardHistory) => (a: Chosen, b: Chosen) =>
  b.strength - penalty(b.id, history) - (a.strength - penalty(a.id, history)) || (a.id < b.id ? -1 : 1);

export function selectHeadline(signals: Signals, settings: ComposerSettings, bank: QuestionBank, history: CardHistory): Chosen {
  const candidates = (Object.keys(HEADLINES) as HeadlineId[]).flatMap((id) => {
    const found = (HEADLINES[id] as (s: Signals, t: ComposerSettings['thresholds']) => Omit<Match, 'id'> | undefined)(signals, settings.thresholds);
    const chosen = found === undefined ? undefined : render(bank, signals, { ...found, id }, undefined, LENGTH.maxHeadline);
    return chosen === undefined ? [] : [chosen];
  });
  const fallback = { id: 'headline.default', text: bank.headlines['headline.default']({ name: bank.unnamedClient }), facts: [], strength: 0 };
  return candidates.sort(byScore(history))[0] ?? fallback;
}

/** A question that only repeats the headline's facts adds nothing; it is skipped. */
function repeats(candidate: Chosen, headline: Chosen): boolean {
  const shown = new Set(headline.facts.map((fact) => JSON.stringify(fact)));
  return candidate.facts.length > 0 && candidate.facts.every((fact) => shown.has(JSON.stringify(fact)));
}

export function selectQuestions(signals: Signals, settings: ComposerSettings, bank: QuestionBank, history: CardHistory, headline: Chosen): Chosen[] {
  const ids = Object.keys(QUESTIONS) as QuestionId[];
  const candidates = ids.flatMap((id) => {
    const template = QUESTIONS[id] as { lens: LensId; match: (s: Signals, t: ComposerSettings['thresholds']) => Omit<Match, 'id'> | undefined };
    const fallback = FALLBACKS.includes(id);
    if (!fallback && !isLensEnabled(settings, template.lens)) return [];
    const found = template.match(signals, settings.thresholds);
    const chosen = found === undefined ? undefined : render(bank, signals, { ...found, id }, template.lens, LENGTH.maxQuestion);
    return chosen === undefined || repeats(chosen, headline) ? [] : [{ ...chosen, fallback }];
  });
  const ranked = candidates.sort(byScore(history));
  const picked: Chosen[] = [];
  const take = (pool: typeof ranked) => {
    for (const { fallback, ...candidate } of pool) {
      const full = picked.length >= settings.maxQuestions;
      const third = picked.length >= 2 && (candidate.strength < settings.thresholds.thirdQuestionStrength || penalty(candidate.id, history) >= 10);
      if (!full && !third && !picked.some((p) => p.lens === candidate.lens)) picked.push(candidate);
    }
  };
  take(ranked.filter((candidate) => !candidate.fallback || isLensEnabled(settings, candidate.lens as LensId)));
  if (picked.length < 2) take(ranked);
  return picked;
}
