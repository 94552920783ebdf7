import { z } from 'zod';
import { compileRulePattern } from './compile-rule-pattern.ts';

/** Languages the default rule pack covers. */
export const LOCALES = ['en', 'de', 'fr', 'es', 'nl', 'pt', 'it'] as const;
export const LocaleSchema = z.enum(LOCALES);
export type Locale = z.infer<typeof LocaleSchema>;

/** HubSpot `hs_task_type` values (REFERENCE.md §4.2), plus `UNKNOWN` for anything else. */
export const TASK_TYPES = ['CALL', 'EMAIL', 'TODO', 'LINKED_IN', 'MEETING', 'UNKNOWN'] as const;
export const TaskTypeSchema = z.enum(TASK_TYPES);
export type TaskType = z.infer<typeof TaskTypeSchema>;

/** Who created the task, as far as HubSpot's properties tell (see `taskOriginFromProperties`). */
export const TASK_ORIGINS = ['sequence', 'workflow', 'manual', 'unknown'] as const;
export const TaskOriginSchema = z.enum(TASK_ORIGINS);
export type TaskOrigin = z.infer<typeof TaskOriginSchema>;

/** Rule ids are slugs; this also keeps `__proto__` and friends out of override records. */
export const RuleIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'Use lowercase letters, digits and dashes (at most 64).');

const PhraseSchema = z.string().trim().min(1).max(80);
const PhraseListSchema = z.array(PhraseSchema).max(300);

/** Phrases per locale; a missing locale means none. Matched on word boundaries, ignoring case and accents. */
export const PhrasesByLocaleSchema = z
  .object({ en: PhraseListSchema, de: PhraseListSchema, fr: PhraseListSchema, es: PhraseListSchema, nl: PhraseListSchema, pt: PhraseListSchema, it: PhraseListSchema })
  .partial()
  .strict();
export type PhrasesByLocale = z.infer<typeof PhrasesByLocaleSchema>;

/** An admin pattern: re2js syntax, at most 256 characters, checked when saved. */
export const RulePatternSchema = z.string().superRefine((pattern, context) => {
  const check = compileRulePattern(pattern);
  if (!check.ok) context.addIssue({ code: 'custom', message: check.message });
});

/**
 * What a rule's phrases are: `action` phrases ask the rep to do something ("follow up", "grab
 * coffee"); `pointer` phrases name an earlier artifact ("the proposal", "the SOW") that points at
 * something without saying anything about the client. A pointer never makes a prompt robotic on
 * its own, and never makes it specific while its rule is on.
 */
export const PHRASE_ROLES = ['action', 'pointer'] as const;
export type PhraseRole = (typeof PHRASE_ROLES)[number];

/** What a rule looks for. Empty `taskTypes` / `origins` mean "any". */
export const RuleConditionsSchema = z
  .object({
    phrases: PhrasesByLocaleSchema.default({}),
    patterns: z.array(RulePatternSchema).max(10).default([]),
    taskTypes: z.array(TaskTypeSchema).default([]),
    origins: z.array(TaskOriginSchema).default([]),
    exclusions: PhrasesByLocaleSchema.default({}),
    matchesBarePrompt: z.boolean().default(false),
    phraseRole: z.enum(PHRASE_ROLES).default('action'),
    matchesTemplateSlots: z.boolean().default(false),
    matchesScorer: z.boolean().default(false),
  })
  .strict();

/**
 * One recognition rule. A prompt is robotic under a rule when one of its phrases or patterns
 * matches, none of its exclusions does, the task type and origin fit, and nothing specific
 * remains once names, dates, template tokens, punctuation, emoji and filler are removed.
 * `matchesBarePrompt` lets a rule fire on a prompt that holds nothing but such removable words
 * (for example a CALL task whose subject is only the contact's name). `matchesTemplateSlots`
 * lets it fire on a prompt whose only content was unfilled template slots (`{{company.name}}`,
 * `[First Name]`, `%DAYS%`). A `pointer` rule is credited when a verdict needed its pointers.
 * `matchesScorer` lets it fire when the trained scorer reads the one or two words the rules left
 * as generic wording (`generic-scorer.ts`).
 */
export const RuleSchema = z
  .object({
    id: RuleIdSchema,
    name: z.string().trim().min(1).max(80),
    description: z.string().trim().min(1).max(500),
    enabled: z.boolean(),
    version: z.number().int().min(1),
    conditions: RuleConditionsSchema,
  })
  .strict();
export type Rule = z.infer<typeof RuleSchema>;

/** Thresholds an admin may tune. */
export const ThresholdsSchema = z
  .object({
    /** A robotic verdict below this confidence is reported as not robotic. */
    minConfidence: z.number().min(0).max(1),
    /** How many specific words may remain while the prompt still counts as robotic. */
    maxSpecificWords: z.number().int().min(0).max(3),
  })
  .strict();
export type Thresholds = z.infer<typeof ThresholdsSchema>;

export const DEFAULT_THRESHOLDS: Thresholds = { minConfidence: 0.5, maxSpecificWords: 0 };

/** A portal's changes to one default rule. Removals apply before additions. */
export const RuleOverrideSchema = z
  .object({
    enabled: z.boolean().optional(),
    phrasesAdded: PhrasesByLocaleSchema.optional(),
    phrasesRemoved: PhrasesByLocaleSchema.optional(),
    exclusionsAdded: PhrasesByLocaleSchema.optional(),
    exclusionsRemoved: PhrasesByLocaleSchema.optional(),
    patternsAdded: z.array(RulePatternSchema).max(10).optional(),
  })
  .strict();
export type RuleOverride = z.infer<typeof RuleOverrideSchema>;

/**
 * Per-portal overrides, merged over the defaults by `resolveRules`. A custom rule with the id of
 * a default rule replaces it. Overrides for ids that no longer exist are ignored.
 */
export const RuleOverridesSchema = z
  .object({
    rules: z.record(RuleIdSchema, RuleOverrideSchema).default({}),
    customRules: z.array(RuleSchema).max(50).default([]),
    thresholds: ThresholdsSchema.partial().default({}),
  })
  .strict()
  .superRefine((overrides, context) => {
    const ids = overrides.customRules.map((rule) => rule.id);
    const duplicate = ids.find((id, index) => ids.indexOf(id) !== index);
    if (duplicate !== undefined) context.addIssue({ code: 'custom', path: ['customRules'], message: `Two custom rules share the id "${duplicate}".` });
  });
export type RuleOverrides = z.infer<typeof RuleOverridesSchema>;

/** The rules in force for one portal; `version` changes whenever they change. */
export interface EffectiveRules {
  readonly rules: readonly Rule[];
  readonly thresholds: Thresholds;
  /** Short stable hash of the rules, thresholds and engine version (part of idempotency keys). */
  readonly version: string;
}

/** A task prompt to judge. `names` are the contact's and company's names, removed before judging. */
export interface TaskPrompt {
  subject: string;
  body?: string | undefined;
  type?: string | undefined;
  origin?: TaskOrigin | undefined;
  locale?: string | undefined;
  names?: readonly string[] | undefined;
  /** The caller already cut the subject or the body (the CRM reader keeps the first 10,000 characters of each). */
  truncated?: boolean | undefined;
}

/** The verdict, with enough detail for a card or the settings page to say why. */
export interface Classification {
  robotic: boolean;
  /** Confidence in the verdict given, 0..1. */
  confidence: number;
  /** The rule that made the prompt robotic; null when it is not robotic. */
  ruleId: string | null;
  /** Phrases and patterns found, as written in the rules. */
  matched: string[];
  /** Human-readable explanations, most important first. */
  reasons: string[];
}
