/** What an admin can tune about the questions: which lenses are on, and the thresholds behind them. */
import { z } from 'zod';
import { LENS_IDS, type LensId } from './lenses.ts';

export const ThresholdsSchema = z.object({
  /** Days without a reply before silence is worth a question. */
  silenceDays: z.number().int().min(1).max(365).default(14),
  /** Outreach attempts since the last reply before "what is the silence telling you" is asked. */
  attemptsWithoutReply: z.number().int().min(1).max(50).default(3),
  /** A deal whose stage age is this multiple of the pipeline median counts as slow. */
  stageAgeMultiple: z.number().min(1).max(20).default(1.5),
  /** Without a median, a stage age of this many days counts as slow. */
  stageAgeDays: z.number().int().min(1).max(365).default(30),
  /** A close date within this many days of quarter end raises "whose urgency is this". */
  quarterEndDays: z.number().int().min(1).max(92).default(21),
  /** A lead created within this many days counts as fresh. */
  freshLeadDays: z.number().int().min(1).max(90).default(14),
  /** How many peers must share a pattern before it is mentioned. */
  peersMin: z.number().int().min(1).max(50).default(2),
  /** A third question is added only when its signal is at least this strong (0–1). */
  thirdQuestionStrength: z.number().min(0).max(1).default(0.45),
});

export const ComposerSettingsSchema = z.object({
  lenses: z.partialRecord(z.enum(LENS_IDS), z.boolean()).default({}),
  thresholds: ThresholdsSchema.default(ThresholdsSchema.parse({})),
  maxQuestions: z.number().int().min(2).max(3).default(3),
});

export type Thresholds = z.infer<typeof ThresholdsSchema>;
export type ComposerSettings = z.infer<typeof ComposerSettingsSchema>;

export const DEFAULT_THRESHOLDS: Thresholds = ThresholdsSchema.parse({});
export const DEFAULT_COMPOSER_SETTINGS: ComposerSettings = ComposerSettingsSchema.parse({});

/** Lenses are on unless an admin turned them off. */
export function isLensEnabled(settings: ComposerSettings, lens: LensId): boolean {
  return settings.lenses[lens] !== false;
}
