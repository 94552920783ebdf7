/** The shape every locale's question bank fills in, and the small helpers they share. */
import type { MissingPart } from '../../context/signals.ts';
import type { Fact, FactId } from '../facts.ts';
import type { HeadlineId, QuestionId, TemplateParams } from '../templates.ts';

export const LOCALES = ['en', 'de', 'fr', 'es'] as const;
export type Locale = (typeof LOCALES)[number];

type WithName<P> = P & { name: string };
/** A template's wordings: the first is the reference; rotation picks among all of them. */
export type Forms<P> = readonly [(p: WithName<P>) => string, ...Array<(p: WithName<P>) => string>];

export interface QuestionBank {
  locale: Locale;
  /** Used as the client's name when the record has none. */
  unnamedClient: string;
  headlines: { [K in HeadlineId]: Forms<TemplateParams[K]> };
  questions: { [K in QuestionId]: Forms<TemplateParams[K]> };
  facts: { [K in FactId]: (fact: Extract<Fact, { id: K }>) => string };
  missing: Record<MissingPart | 'stale-engagements', string>;
  why: { label: string; noFacts: string; missing: string };
  ui: {
    title: string; helpful: string; notHelpful: string; snooze: string;
    /** Names the rule behind the card; `{rule}` is replaced by the rule's name. */
    recognisedBy: string;
    /** The link to the rule on the settings page. */
    manageRules: string;
  };
}

/** `one` when n is 1, else `other` with `#` replaced by n. */
export function plural(n: number, one: string, other: string): string {
  return n === 1 ? one : other.replace('#', String(n));
}

/** A relative-day phrase: `zero` for 0, `one` for 1, else `other` with `#` replaced. */
export function relative(n: number, zero: string, one: string, other: string): string {
  return n === 0 ? zero : plural(n, one, other);
}
