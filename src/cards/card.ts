/** One card, rendered to every delivery channel. Plain text throughout; renderers escape per channel. */
import type { Locale } from '../questions/locale.ts';
import type { LensId } from '../questions/lenses.ts';

export interface CardQuestion {
  /** Template id, e.g. "dark.attempts"; what rotation history records. */
  templateId: string;
  /** Which of the template's wordings was used; with the template id, what the rep actually read. */
  form?: number;
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
  headline: { templateId: string; form?: number; text: string };
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
  /** The admin-facing name of that rule (from the effective rules the task was classified with). */
  ruleName?: string;
  /**
   * Where an admin finds that rule: `<publicBaseUrl>/settings#rule-<id>`. Added by the pipeline
   * (it knows the service's URL); rendered as a "Manage rules" link when present and safe.
   */
  manageRuleUrl?: string;
  /** Added by the pipeline once the nudge is recorded; rendered when present. */
  feedbackLinks?: FeedbackLinks;
  /**
   * The task's subject as written (the rep's own task text), cut to {@link TASK_SUBJECT_MAX}.
   * Added by the pipeline when it records the card; the app event shows it as "Instead of: …".
   */
  taskSubject?: string;
}

/** The longest task subject a card keeps (the settings API's `taskSubject` allows 500). */
export const TASK_SUBJECT_MAX = 500;

/** The task subject a card keeps: whole characters only, at most {@link TASK_SUBJECT_MAX}; none when empty. */
export function cardTaskSubject(subject: string | undefined): string | undefined {
  const kept = Array.from(subject ?? '').slice(0, TASK_SUBJECT_MAX).join('');
  return kept.trim() === '' ? undefined : kept;
}

/** The minimal shape of the rules engine's verdict the composer needs (src/rules owns the real one). */
export interface CardClassification {
  ruleId: string;
  /** The rule's admin-facing name; the card names it so an admin can find the rule. */
  ruleName?: string;
  matched: boolean;
  reasons?: readonly string[];
}
