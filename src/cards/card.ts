/** One card, rendered to every delivery channel. Plain text throughout; renderers escape per channel. */
import type { Locale } from '../questions/locale.ts';
import type { LensId } from '../questions/lenses.ts';

export interface CardQuestion {
  /** Template id, e.g. "dark.attempts"; what rotation history records. */
  templateId: string;
  lens: LensId;
  text: string;
  /** The concrete facts this question rests on, worded for the card's locale. */
  facts: string[];
}

export interface FeedbackLinks {
  helpful: string;
  notHelpful: string;
  snooze: string;
}

export interface Card {
  locale: Locale;
  /** The rewritten prompt: a question, never an instruction. */
  headline: { templateId: string; text: string };
  questions: CardQuestion[];
  why: {
    /** Facts used, worded for the locale, in the order they appear on the card. */
    facts: string[];
    /** What the CRM did not have (or had only stale), worded for the locale. */
    missing: string[];
    /** The full "why this card" line. */
    text: string;
  };
  /** The rule that classified the task as robotic, when a classification was passed in. */
  ruleId?: string;
  /** Added by the pipeline once the nudge is recorded; rendered when present. */
  feedbackLinks?: FeedbackLinks;
}

/** The minimal shape of the rules engine's verdict the composer needs (src/rules owns the real one). */
export interface CardClassification {
  ruleId: string;
  matched: boolean;
  reasons?: readonly string[];
}
