/**
 * The settings API's view of a portal's settings (`SettingsValues` in openapi.json) and the
 * stored document (`PortalSettings`), converted both ways at the API boundary. Two names differ:
 * the contract's `calm-attention` lens is the composer's `calm-attentiveness`, and the contract's
 * `thresholds`/`antiNoise` are parts of the composer and policy settings.
 */
import { z } from 'zod';
import { isValidTimeZone } from '../policy/zoned-time.ts';
import type { LensId as ComposerLensId } from '../questions/lenses.ts';
import { LOCALES } from '../rules/index.ts';
import { PortalSettingsSchema, type PortalSettings } from './portal-settings.ts';

export const API_LENS_IDS = [
  'whose-urgency', 'going-dark', 'behind-the-scenes', 'common-denominators',
  'internal-experts', 'long-term', 'service-experience', 'calm-attention',
] as const;
export type ApiLensId = (typeof API_LENS_IDS)[number];

/** The composer's lens id for an API lens id, and back. */
export function toComposerLens(lens: ApiLensId): ComposerLensId {
  return lens === 'calm-attention' ? 'calm-attentiveness' : lens;
}
export function toApiLens(lens: string): ApiLensId | undefined {
  const mapped = lens === 'calm-attentiveness' ? 'calm-attention' : lens;
  return (API_LENS_IDS as readonly string[]).includes(mapped) ? (mapped as ApiLensId) : undefined;
}

const ClockTimeSchema = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'Use HH:MM on a 24-hour clock.');
const QuietHoursSchema = z
  .object({ start: ClockTimeSchema, end: ClockTimeSchema })
  .strict()
  .refine((hours) => hours.start !== hours.end, { message: 'Quiet hours must start and end at different times.', path: ['end'] })
  .nullable();

const TimeZoneSchema = z
  .string()
  .max(64)
  .regex(/^(UTC|[A-Za-z]+(?:\/[A-Za-z0-9_+-]+){1,2})$/, 'Use an IANA time zone such as Europe/Amsterdam.')
  .refine(isValidTimeZone, { params: { problem: 'unknown_time_zone' }, message: 'This time zone does not exist; use one such as Europe/Amsterdam.' });

export const DeliverySchema = z.discriminatedUnion('channel', [
  z.object({ channel: z.literal('note') }).strict(),
  z.object({ channel: z.literal('timeline-v3'), eventTemplateId: z.string().regex(/^[1-9][0-9]{0,19}$/, 'Use the numeric event template id.') }).strict(),
  z.object({ channel: z.literal('app-event'), eventTypeName: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, 'Use the app-event type name, e.g. ae12345_unrobot_reflection_card.') }).strict(),
  z.object({ channel: z.literal('task-body') }).strict(),
]);

const ThresholdFields = {
  silenceDays: z.number().int().min(1).max(365),
  stageAgeMultiple: z.number().min(1).max(10),
};
const AntiNoiseFields = {
  dailyBudgetPerRep: z.number().int().min(0).max(100),
  recordCooldownHours: z.number().min(0).max(2160),
  clientReplyWindowHours: z.number().min(0).max(2160),
  quietHours: QuietHoursSchema,
  snoozeDays: z.number().int().min(1).max(365),
};
const lensFields = Object.fromEntries(API_LENS_IDS.map((lens) => [lens, z.boolean()])) as Record<ApiLensId, z.ZodBoolean>;
const LensesSchema = z.object(lensFields).strict();

const atLeastOneLens = (lenses: Partial<Record<ApiLensId, boolean>>) => Object.values(lenses).some((on) => on) || Object.keys(lenses).length < API_LENS_IDS.length;

export const SettingsValuesSchema = z.object({
  locale: z.enum(LOCALES),
  timeZone: TimeZoneSchema,
  delivery: DeliverySchema,
  thresholds: z.object(ThresholdFields).strict(),
  lenses: LensesSchema.refine(atLeastOneLens, 'At least one lens must stay on, or cards would have no questions.'),
  antiNoise: z.object(AntiNoiseFields).strict(),
});
export type SettingsValues = z.infer<typeof SettingsValuesSchema>;

export const SettingsUpdateSchema = SettingsValuesSchema.extend({ version: z.number().int().min(0) }).strict();

export const SettingsPatchSchema = z
  .object({
    locale: z.enum(LOCALES),
    timeZone: TimeZoneSchema,
    delivery: DeliverySchema,
    thresholds: z.object(ThresholdFields).partial().strict(),
    lenses: LensesSchema.partial(),
    antiNoise: z.object(AntiNoiseFields).partial().strict(),
  })
  .partial()
  .strict();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

/** The API view of a stored settings document. */
export function toSettingsValues(settings: PortalSettings): SettingsValues {
  const { timeZone, ...antiNoise } = settings.policy;
  const lenses = Object.fromEntries(API_LENS_IDS.map((lens) => [lens, settings.composer.lenses[toComposerLens(lens)] !== false])) as Record<ApiLensId, boolean>;
  const { delivery } = settings;
  return {
    locale: settings.locale,
    timeZone,
    delivery: delivery.channel === 'timeline-v3' ? { channel: 'timeline-v3', eventTemplateId: delivery.eventTemplateId ?? '' }
      : delivery.channel === 'app-event' ? { channel: 'app-event', eventTypeName: delivery.eventTypeName ?? '' }
        : { channel: delivery.channel },
    thresholds: { silenceDays: settings.composer.thresholds.silenceDays, stageAgeMultiple: settings.composer.thresholds.stageAgeMultiple },
    lenses,
    antiNoise: { dailyBudgetPerRep: antiNoise.dailyBudgetPerRep, recordCooldownHours: antiNoise.recordCooldownHours, clientReplyWindowHours: antiNoise.clientReplyWindowHours, quietHours: antiNoise.quietHours, snoozeDays: antiNoise.snoozeDays },
  };
}

/** The stored document with the API values applied; parts the API does not show are kept. */
export function applySettingsValues(settings: PortalSettings, values: SettingsValues): PortalSettings {
  const lenses: Partial<Record<ComposerLensId, boolean>> = {};
  for (const lens of API_LENS_IDS) lenses[toComposerLens(lens)] = values.lenses[lens];
  return PortalSettingsSchema.parse({
    ...settings,
    locale: values.locale,
    delivery: values.delivery,
    composer: { ...settings.composer, lenses, thresholds: { ...settings.composer.thresholds, ...values.thresholds } },
    policy: { ...values.antiNoise, timeZone: values.timeZone },
  });
}

function mergeDefined<T extends object>(base: T, patch: { [K in keyof T]?: T[K] | undefined } | undefined): T {
  const out = { ...base };
  for (const [key, value] of Object.entries(patch ?? {})) if (value !== undefined) (out as Record<string, unknown>)[key] = value;
  return out;
}

/** Unsaved edits merged over the saved values (for a preview). */
export function mergeSettingsPatch(values: SettingsValues, patch: SettingsPatch): SettingsValues {
  return {
    locale: patch.locale ?? values.locale,
    timeZone: patch.timeZone ?? values.timeZone,
    delivery: patch.delivery ?? values.delivery,
    thresholds: mergeDefined(values.thresholds, patch.thresholds),
    lenses: mergeDefined(values.lenses, patch.lenses),
    antiNoise: mergeDefined(values.antiNoise, patch.antiNoise),
  };
}
