/**
 * A portal's anti-noise settings: how many cards a rep may get per day, how often one client
 * may be the subject of a card, and when reps are left alone. Parsed with defaults, so an
 * empty object is a complete, calm configuration.
 */
import { z } from 'zod';
import { isValidTimeZone } from './zoned-time.ts';

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

export const QuietHoursSchema = z
  .object({
    /** Local time (portal zone) at which quiet hours begin, `HH:MM`, 24-hour clock. */
    start: z.string().regex(HHMM, 'must be HH:MM on a 24-hour clock'),
    /** Local time at which they end; earlier than `start` means they span midnight. */
    end: z.string().regex(HHMM, 'must be HH:MM on a 24-hour clock'),
  })
  .refine((hours) => hours.start !== hours.end, { message: 'start and end must differ', path: ['end'] });

export const PolicySettingsSchema = z.object({
  /** The portal's IANA time zone; day boundaries and quiet hours are counted in it. */
  timeZone: z.string().refine(isValidTimeZone, 'must be an IANA time zone such as Europe/Paris').default('UTC'),
  /** Cards one rep (task owner) may receive per local day; 0 turns delivery off. */
  dailyBudgetPerRep: z.number().int().min(0).max(100).default(5),
  /** Hours after a card about a contact, company or deal before another card about it. */
  recordCooldownHours: z.number().min(0).max(24 * 90).default(72),
  /** No card when the client replied within this many hours: the conversation is alive. */
  clientReplyWindowHours: z.number().min(0).max(24 * 90).default(48),
  /**
   * Cards due in quiet hours wait until they end; `null` disables quiet hours. Off until an admin
   * sets them with the portal's time zone: evening hours counted in UTC would silence a US
   * team's whole afternoon.
   */
  quietHours: QuietHoursSchema.nullable().default(null),
  /** Length of the "snooze this client" feedback action. */
  snoozeDays: z.number().int().min(1).max(365).default(14),
});

export type PolicySettings = z.infer<typeof PolicySettingsSchema>;
export type QuietHours = z.infer<typeof QuietHoursSchema>;

/** The defaults, as a complete settings object. */
export const DEFAULT_POLICY_SETTINGS: PolicySettings = PolicySettingsSchema.parse({});
