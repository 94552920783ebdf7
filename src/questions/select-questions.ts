/**
 * Chooses the headline and the 2–3 questions: strongest signals first, one question per lens,
 * nothing the client saw on its last three cards unless there is no alternative, templates the
 * rep saw often lately held back a little, each in the wording the rep saw least (rotation.ts),
 * and only wording that passes the guardrails. Deterministic: ties break on template id.
 */
import type { Signals } from '../context/signals.ts';
import type { QuestionBank } from './banks/bank.ts';
import { isLensEnabled, type ComposerSettings } from './composer-settings.ts';
import type { Fact } from './facts.ts';
import { LENGTH, passes } from './guardrails.ts';
import type { LensId } from './lenses.ts';
import { CLIENT_REPEAT, formOrder, penalty, type CardHistory } from './rotation.ts';
import { HEADLINES, QUESTIONS, type HeadlineId, type Match, type QuestionId } from './templates.ts';

export type { CardHistory } from './rotation.ts';

export interface Chosen {
  id: string;
  /** Which of the template's wordings was used (0 for the first). */
  form: number;
  lens?: LensId;
  text: string;
  facts: Fact[];
  strength: number;
}

/** The always-available questions that keep a sparse record's card honest and still rotating. */
const FALLBACKS: QuestionId[] = ['calm.need', 'scenes.unknown', 'experts.unknown', 'long-term.unknown', 'urgency.unknown', 'service.unknown', 'peers.unknown'];
const FALLBACK_SET: ReadonlySet<string> = new Set(FALLBACKS);

/** The concrete values a text must show at least one of: the client's name and every parameter. */
function factValues(match: Match, name: string | undefined): Array<string | number> {
  const values: Array<string | number> = name === undefined ? [] : [name];
  const params = match.params as Record<string, string | number>;
  for (const key in params) {
    const value = params[key] as string | number;
    if (value !== 0 && value !== 1) values.push(value);
  }
  return values;
}

/** The first of the template's wordings, freshest for this rep and client first, that passes the guardrails. */
function render(bank: QuestionBank, signals: Signals, match: Match, lens: LensId | undefined, maxLength: number, history: CardHistory): Chosen | undefined {
  const known = signals.client.displayName;
  const name = known ?? bank.unnamedClient;
  const table = (lens === undefined ? bank.headlines : bank.questions) as Record<string, ReadonlyArray<(p: object) => string>>;
  const forms = table[match.id] as ReadonlyArray<(p: object) => string>;
  // The same parameters and facts for every wording: built once, not per form tried.
  const params = { ...match.params, name };
  const facts = factValues(match, known);
  for (const form of formOrder(match.id, forms.length, history)) {
    const text = (forms[form] as (p: object) => string)(params);
    if (!passes(text, facts, maxLength)) continue;
    const chosen: Chosen = { id: match.id, form, text, facts: match.facts, strength: match.strength };
    if (lens !== undefined) chosen.lens = lens;
    return chosen;
  }
  return undefined;
}

type Ranked = Match & { lens?: LensId; fallback?: boolean };

type HeadlineMatcher = (s: Signals, t: ComposerSettings['thresholds']) => Omit<Match, 'id'> | undefined;
type QuestionTemplate = { lens: LensId; match: (s: Signals, t: ComposerSettings['thresholds']) => Omit<Match, 'id'> | undefined };

// The template tables, listed once (not with Object.keys on every card).
const HEADLINE_ENTRIES = (Object.keys(HEADLINES) as HeadlineId[]).map((id) => ({ id, match: HEADLINES[id] as HeadlineMatcher }));
const QUESTION_ENTRIES = (Object.keys(QUESTIONS) as QuestionId[]).map((id) => ({ id, template: QUESTIONS[id] as QuestionTemplate, fallback: FALLBACK_SET.has(id) }));

/**
 * Strongest first after the rotation penalty; equal scores in template-id order. The score of
 * each match is computed once, before the sort, not in every comparison.
 */
function rank<M extends Ranked>(matches: M[], history: CardHistory): M[] {
  if (matches.length < 2) return matches;
  const scored = matches.map((match) => ({ match, score: match.strength - penalty(match.id, history) }));
  scored.sort((a, b) => b.score - a.score || (a.match.id < b.match.id ? -1 : 1));
  return scored.map((entry) => entry.match);
}

export function selectHeadline(signals: Signals, settings: ComposerSettings, bank: QuestionBank, history: CardHistory): Chosen {
  const matches: Ranked[] = [];
  for (const { id, match } of HEADLINE_ENTRIES) {
    const found = match(signals, settings.thresholds);
    if (found !== undefined) matches.push({ ...found, id });
  }
  // Render lazily, strongest first: most candidates are never worded at all.
  for (const match of rank(matches, history)) {
    const chosen = render(bank, signals, match, undefined, LENGTH.maxHeadline, history);
    if (chosen !== undefined) return chosen;
  }
  return { id: 'headline.default', form: 0, text: bank.headlines['headline.default'][0]({ name: bank.unnamedClient }), facts: [], strength: 0 };
}

/** A question that only repeats the headline's facts (`shown`, serialised) adds nothing; it is skipped. */
function repeats(candidate: Chosen, shown: ReadonlySet<string>): boolean {
  return candidate.facts.length > 0 && candidate.facts.every((fact) => shown.has(JSON.stringify(fact)));
}

export function selectQuestions(signals: Signals, settings: ComposerSettings, bank: QuestionBank, history: CardHistory, headline: Chosen): Chosen[] {
  const matches: Ranked[] = [];
  for (const { id, template, fallback } of QUESTION_ENTRIES) {
    if (!fallback && !isLensEnabled(settings, template.lens)) continue;
    const found = template.match(signals, settings.thresholds);
    if (found !== undefined) matches.push({ ...found, id, lens: template.lens, fallback });
  }
  const ranked = rank(matches, history);
  const worded = new Map<string, Chosen | undefined>();
  const shown = new Set(headline.facts.map((fact) => JSON.stringify(fact)));
  const word = (match: Ranked): Chosen | undefined => {
    if (!worded.has(match.id)) {
      const chosen = render(bank, signals, match, match.lens, LENGTH.maxQuestion, history);
      worded.set(match.id, chosen === undefined || repeats(chosen, shown) ? undefined : chosen);
    }
    return worded.get(match.id);
  };
  const picked: Chosen[] = [];
  const take = (pool: Ranked[]) => {
    for (const match of pool) {
      if (picked.length >= settings.maxQuestions) return;
      const third = picked.length >= 2 && (match.strength < settings.thresholds.thirdQuestionStrength || penalty(match.id, history) >= CLIENT_REPEAT);
      if (third || picked.some((p) => p.lens === match.lens)) continue;
      const chosen = word(match);
      if (chosen !== undefined) picked.push(chosen);
    }
  };
  take(ranked.filter((match) => match.fallback !== true || isLensEnabled(settings, match.lens as LensId)));
  if (picked.length < 2) take(ranked);
  return picked;
}
