/**
 * Chooses the headline and the 2–3 questions: strongest signals first, one question per lens,
 * nothing the client saw on its last three cards unless there is no alternative, templates the
 * rep saw often lately held back a little, each in the wording the rep saw least (rotation.ts),
 * and only wording that passes the guardrails. Deterministic: ties break on template id.
 */
import type { Signals } from '../context/signals.ts';
import type { QuestionBank } from './banks/bank.ts';
import { isLensEnabled, type ComposerSettings } from './composer-settings.ts';
import type { Fact, FactId } from './facts.ts';
import { LENGTH, passes } from './guardrails.ts';
import type { LensId } from './lenses.ts';
import { formOrder, penalty, spread, type CardHistory } from './rotation.ts';
import { HEADLINES, QUESTIONS, type Built, type HeadlineId, type QuestionId, type Template, type TemplateId } from './templates.ts';

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

/** The always-available questions that keep a sparse record's card honest and still rotating, one per lens: eight, so at two a card even a record with nothing else has two fresh ones after its last three cards. */
const FALLBACKS: QuestionId[] = ['calm.need', 'scenes.unknown', 'experts.unknown', 'long-term.unknown', 'urgency.unknown', 'service.unknown', 'peers.unknown', 'dark.unknown'];
const FALLBACK_SET: ReadonlySet<string> = new Set(FALLBACKS);

/** The concrete values a text must show at least one of: the client's name and every parameter. */
function factValues(built: Built, name: string | undefined): Array<string | number> {
  const values: Array<string | number> = name === undefined ? [] : [name];
  const params = built.params as Record<string, string | number>;
  for (const key in params) {
    const value = params[key] as string | number;
    if (value !== 0 && value !== 1) values.push(value);
  }
  return values;
}

/** The first of the template's wordings, freshest for this rep and client first, that passes the guardrails. */
function render(bank: QuestionBank, signals: Signals, match: Ranked, kind: 'headlines' | 'questions', history: CardHistory, built: Built = match.template.build(signals)): Chosen | undefined {
  const known = signals.client.displayName;
  const name = known ?? bank.unnamedClient;
  const { lens } = match;
  const maxLength = kind === 'headlines' ? LENGTH.maxHeadline : LENGTH.maxQuestion;
  const table = bank[kind] as Record<string, ReadonlyArray<(p: object) => string>>;
  const forms = table[match.id] as ReadonlyArray<(p: object) => string>;
  // The parameters and facts, built only now (for the few candidates worded), and once for every wording, not per form tried.
  const params = { ...built.params, name };
  const facts = factValues(built, known);
  for (const form of formOrder(match.id, forms.length, history)) {
    const text = (forms[form] as (p: object) => string)(params);
    if (!passes(text, facts, maxLength)) continue;
    // Built whole (not given its lens afterwards): one allocation, no shape change.
    return lens === undefined
      ? { id: match.id, form, text, facts: built.facts, strength: match.strength }
      : { id: match.id, form, lens, text, facts: built.facts, strength: match.strength };
  }
  return undefined;
}

type AnyTemplate = Template<TemplateId>;

/**
 * A candidate on this card: the template (whose parameters and facts are built only if it is
 * worded), its strength, lens and join, and what it is worth after rotation (its strength less the
 * rotation penalty and, for questions, the per-task spread), computed once when the candidate is
 * made, not in every sort comparison. One shape for every template, so the sort and the picking
 * loop see a single kind of object.
 */
interface Ranked {
  id: TemplateId;
  template: AnyTemplate;
  strength: number;
  joins: FactId | undefined;
  lens: LensId | undefined;
  fallback: boolean;
  score: number;
}

function ranked(id: TemplateId, template: AnyTemplate, strength: number, fallback: boolean, history: CardHistory, spreading: boolean): Ranked {
  const score = strength - penalty(id, history) - (spreading ? spread(id, history) : 0);
  return { id, template, strength, joins: template.joins, lens: template.lens, fallback, score };
}

/**
 * Strongest first after rotation; equal scores in template-id order. Ids are unique, so this is a
 * total order and any sort gives the same list; the answer is a sign, not the score difference
 * (a fractional difference is a heap number per comparison).
 */
const byScore = (a: Ranked, b: Ranked): number => (b.score > a.score ? 1 : b.score < a.score ? -1 : a.id < b.id ? -1 : 1);

/** Sorts the candidates in place by {@link byScore}: a binary insertion sort, as Array#sort does for short lists, without its work array. */
function sortByScore(items: Ranked[]): Ranked[] {
  for (let i = 1; i < items.length; i += 1) {
    const item = items[i] as Ranked;
    let low = 0;
    let high = i;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (byScore(item, items[mid] as Ranked) < 0) high = mid;
      else low = mid + 1;
    }
    for (let j = i; j > low; j -= 1) items[j] = items[j - 1] as Ranked;
    items[low] = item;
  }
  return items;
}

// The template tables, listed once (not with Object.keys on every card).
const HEADLINE_ENTRIES = (Object.keys(HEADLINES) as HeadlineId[]).map((id) => ({ id, template: HEADLINES[id] as AnyTemplate }));
const QUESTION_ENTRIES = (Object.keys(QUESTIONS) as QuestionId[]).map((id) => ({ id, template: QUESTIONS[id] as AnyTemplate & { lens: LensId }, fallback: FALLBACK_SET.has(id) }));

export function selectHeadline(signals: Signals, settings: ComposerSettings, bank: QuestionBank, history: CardHistory): Chosen {
  const matches: Ranked[] = [];
  const allOn = allLensesOn(settings);
  for (const { id, template } of HEADLINE_ENTRIES) {
    // A headline of a lens the portal switched off does not open its cards.
    if (!allOn && template.lens !== undefined && !isLensEnabled(settings, template.lens)) continue;
    const strength = template.match(signals, settings.thresholds);
    if (strength !== undefined) matches.push(ranked(id, template, strength, false, history, false));
  }
  // Render lazily, strongest first: most candidates are never worded at all.
  for (const match of sortByScore(matches)) {
    const chosen = render(bank, signals, match, 'headlines', history);
    if (chosen !== undefined) return chosen;
  }
  return { id: 'headline.default', form: 0, text: bank.headlines['headline.default'][0]({ name: bank.unnamedClient }), facts: [], strength: 0 };
}

/**
 * A question that only repeats the headline's facts (serialised, `shown()`) adds nothing; it is
 * skipped. Two facts of different kinds never serialise alike, so a fact whose kind the headline
 * lacks settles it without serialising anything.
 */
function repeats(facts: readonly Fact[], headline: Chosen, shown: () => ReadonlySet<string>): boolean {
  return facts.length > 0 && facts.every((fact) => headline.facts.some((seen) => seen.id === fact.id) && shown().has(JSON.stringify(fact)));
}

/** Whether every lens is on (no admin turned one off), so the per-template check can be skipped. */
function allLensesOn(settings: ComposerSettings): boolean {
  for (const lens in settings.lenses) if (!isLensEnabled(settings, lens as LensId)) return false;
  return true;
}

export function selectQuestions(signals: Signals, settings: ComposerSettings, bank: QuestionBank, history: CardHistory, headline: Chosen): Chosen[] {
  const matches: Ranked[] = [];
  const allOn = allLensesOn(settings);
  for (const { id, template, fallback } of QUESTION_ENTRIES) {
    if (!allOn && !fallback && !isLensEnabled(settings, template.lens)) continue;
    const strength = template.match(signals, settings.thresholds);
    if (strength !== undefined) matches.push(ranked(id, template, strength, fallback, history, true));
  }
  const sorted = sortByScore(matches);
  const worded = new Map<string, Chosen | undefined>();
  let shownFacts: ReadonlySet<string> | undefined;
  const shown = (): ReadonlySet<string> => (shownFacts ??= new Set(headline.facts.map((fact) => JSON.stringify(fact))));
  // The kinds of fact already on the card: the headline's, then each question's as it is picked.
  const kinds = new Set<string>(headline.facts.map((fact) => fact.id));
  const word = (match: Ranked): Chosen | undefined => {
    if (!worded.has(match.id)) {
      // A question that only repeats the headline is dropped whatever its wording: checked on its facts before any wording is tried.
      const built = match.template.build(signals);
      worded.set(match.id, repeats(built.facts, headline, shown) ? undefined : render(bank, signals, match, 'questions', history, built));
    }
    return worded.get(match.id);
  };
  const picked: Chosen[] = [];
  const take = (pool: Ranked[]) => {
    for (const match of pool) {
      const full = picked.length >= settings.maxQuestions;
      // A third question only for a signal still strong after rotation: a template the rep keeps seeing does not fill the slot.
      const third = picked.length >= 2 && match.score < settings.thresholds.thirdQuestionStrength;
      const joined = match.joins !== undefined && kinds.has(match.joins);
      if (full || third || joined || picked.some((p) => p.lens === match.lens)) continue;
      const chosen = word(match);
      if (chosen === undefined) continue;
      picked.push(chosen);
      for (const fact of chosen.facts) kinds.add(fact.id);
    }
  };
  take(allOn ? sorted : sorted.filter((match) => !match.fallback || isLensEnabled(settings, match.lens as LensId)));
  if (picked.length < 2) take(sorted);
  return picked;
}
