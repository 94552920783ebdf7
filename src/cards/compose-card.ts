/**
 * Composes the card: the rewritten prompt as a question, 2–3 questions from different lenses,
 * and the "why this card" line with the facts used and what was missing. Same inputs, same card.
 */
import type { CrmSnapshot } from '../context/crm-snapshot.ts';
import type { Signals } from '../context/signals.ts';
import { DEFAULT_COMPOSER_SETTINGS, type ComposerSettings } from '../questions/composer-settings.ts';
import type { Fact } from '../questions/facts.ts';
import { BANKS, resolveLocale, type QuestionBank } from '../questions/locale.ts';
import { selectHeadline, selectQuestions, type CardHistory } from '../questions/select-questions.ts';
import type { Card, CardClassification } from './card.ts';

export interface ComposeCardInput {
  snapshot: CrmSnapshot;
  signals: Signals;
  classification?: CardClassification;
  settings?: ComposerSettings;
  /** The client's and the rep's earlier cards, newest first; used to rotate templates and wordings. */
  history?: CardHistory;
  /** Epoch ms; the composer itself reads no clock. Kept for callers and future time-based wording. */
  now: number;
  /** The rep's language, if known; else the portal's; else English. */
  locale?: string;
}

function factText(bank: QuestionBank, fact: Fact): string {
  return (bank.facts[fact.id] as (f: Fact) => string)(fact);
}

/** Appends `text` unless the list has it: a card has a handful of facts, so no Set is built. */
function addOnce(list: string[], text: string): void {
  if (!list.includes(text)) list.push(text);
}

export function composeCard(input: ComposeCardInput): Card {
  const settings = input.settings ?? DEFAULT_COMPOSER_SETTINGS;
  const history = { seed: input.snapshot.task.id, ...(input.history ?? { recent: [] }) };
  const locale = resolveLocale(input.locale, input.snapshot.portal.locale ?? undefined);
  const bank = BANKS[locale];
  const headline = selectHeadline(input.signals, settings, bank, history);
  const questions = selectQuestions(input.signals, settings, bank, history, headline);

  // Each fact worded once: for its question and for the "why" line (headline first, no repeats).
  const questionFacts = questions.map((q) => q.facts.map((fact) => factText(bank, fact)));
  const facts: string[] = [];
  for (const fact of headline.facts) addOnce(facts, factText(bank, fact));
  for (const worded of questionFacts) for (const text of worded) addOnce(facts, text);
  const { missing: gaps, stale } = input.signals.completeness;
  const missing = [...gaps.map((part) => bank.missing[part]), ...stale.map(() => bank.missing['stale-engagements'])];
  const parts = [facts.length > 0 ? facts.join(' · ') : bank.why.noFacts];
  if (missing.length > 0) parts.push(`${bank.why.missing}: ${missing.join(', ')}`);

  const card: Card = {
    locale,
    headline: { templateId: headline.id, form: headline.form, text: headline.text },
    questions: questions.map((q, index) => ({
      templateId: q.id,
      form: q.form,
      lens: q.lens ?? 'calm-attentiveness',
      text: q.text,
      facts: questionFacts[index] as string[],
    })),
    why: { facts, missing, text: `${bank.why.label}: ${parts.join(' · ')}` },
  };
  if (input.classification?.matched === true) {
    card.ruleId = input.classification.ruleId;
    if (input.classification.ruleName !== undefined) card.ruleName = input.classification.ruleName;
  }
  return card;
}
