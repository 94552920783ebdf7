/**
 * The anti-noise policy: given a card that could be delivered now, and the history the caller
 * loaded, decide whether to deliver it, skip it (with a stable reason code for analytics) or
 * defer it past quiet hours. Pure: `now` is passed in, nothing is read or written.
 */
import type { PolicySettings } from './policy-settings.ts';
import { fromWallTime, localDay, minutesOfDay, toWallTime } from './zoned-time.ts';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** A CRM record a card is about. */
export interface RecordRef {
  type: 'contact' | 'company' | 'deal';
  id: string;
}

/** A card already delivered in this portal (the caller loads the recent ones). */
export interface DeliveredCard {
  taskId: string;
  /** HubSpot owner id of the rep the card was for; `null` when the task had no owner. */
  ownerId: string | null;
  records: readonly RecordRef[];
  deliveredAt: number;
}

/** A record an admin or rep snoozed ("snooze this client for 14 days") until `until`. */
export interface RecordSnooze {
  record: RecordRef;
  until: number;
}

export interface DeliveryInput {
  /** Milliseconds since the epoch; the policy never reads a clock. */
  now: number;
  settings: PolicySettings;
  taskId: string;
  ownerId: string | null;
  /** The records the card is about (the task's associated contact, company and deal). */
  records: readonly RecordRef[];
  /** When the client last wrote to us (e.g. latest inbound email), if known. */
  lastClientReplyAt?: number | undefined;
  /** Cards delivered in this portal at least over the last max(cooldown, 1 day). */
  history: readonly DeliveredCard[];
  snoozes: readonly RecordSnooze[];
}

/** Stable codes, stored with each skipped card for analytics; never rename one. */
export const SKIP_REASONS = [
  'task-already-carded',
  'record-snoozed',
  'client-replied-recently',
  'record-cooldown',
  'rep-daily-budget',
] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

export type DeliveryDecision =
  | { action: 'deliver' }
  | { action: 'skip'; reason: SkipReason; detail: string }
  | { action: 'defer'; until: number; reason: 'quiet-hours' };

/**
 * Decides what to do with a card that is due at `input.now`.
 *
 * Checks run in a fixed order and the first that applies wins: one card per task, snoozed
 * record, recent client reply, record cooldown, rep's daily budget. When `now` falls in quiet
 * hours, the checks are made as of the moment quiet hours end (so the budget is the next day's)
 * and, if they pass, the card is deferred to that moment. A deferral is not a promise: the
 * caller runs `decideDelivery` again at `until` with the history as it is then.
 */
export function decideDelivery(input: DeliveryInput): DeliveryDecision {
  const { settings } = input;
  const quietEnd = settings.quietHours === null ? undefined : quietHoursEnd(input.now, settings.quietHours, settings.timeZone);
  const at = quietEnd ?? input.now;
  const skip = firstSkip(input, at);
  if (skip !== undefined) return skip;
  return quietEnd === undefined ? { action: 'deliver' } : { action: 'defer', until: quietEnd, reason: 'quiet-hours' };
}

function firstSkip(input: DeliveryInput, at: number): DeliveryDecision | undefined {
  const { settings } = input;
  if (input.history.some((card) => card.taskId === input.taskId)) {
    return skipWith('task-already-carded', `task ${input.taskId} already has a card`);
  }
  const snooze = input.snoozes.find((entry) => entry.until > at && input.records.some((record) => sameRecord(record, entry.record)));
  if (snooze !== undefined) {
    return skipWith('record-snoozed', `${describe(snooze.record)} is snoozed until ${new Date(snooze.until).toISOString()}`);
  }
  const replyWindowMs = settings.clientReplyWindowHours * HOUR_MS;
  if (input.lastClientReplyAt !== undefined && at - input.lastClientReplyAt < replyWindowMs) {
    return skipWith('client-replied-recently', `the client replied within the last ${settings.clientReplyWindowHours} h`);
  }
  const cooldownMs = settings.recordCooldownHours * HOUR_MS;
  for (const card of input.history) {
    const shared = input.records.find((record) => card.records.some((other) => sameRecord(record, other)));
    if (shared !== undefined && at - card.deliveredAt < cooldownMs) {
      return skipWith('record-cooldown', `${describe(shared)} had a card less than ${settings.recordCooldownHours} h ago`);
    }
  }
  const today = localDay(at, settings.timeZone);
  const deliveredToday = input.history.filter(
    (card) => card.ownerId === input.ownerId && Math.abs(at - card.deliveredAt) < DAY_MS && localDay(card.deliveredAt, settings.timeZone) === today,
  ).length;
  if (deliveredToday >= settings.dailyBudgetPerRep) {
    const rep = input.ownerId === null ? 'unassigned tasks' : `owner ${input.ownerId}`;
    return skipWith('rep-daily-budget', `${rep} already had ${deliveredToday} of ${settings.dailyBudgetPerRep} cards on ${today}`);
  }
  return undefined;
}

/**
 * When `now` is inside quiet hours, the instant they end (portal wall time); otherwise
 * `undefined`. Quiet hours may span midnight (`19:00`–`08:00`).
 */
export function quietHoursEnd(now: number, quietHours: { start: string; end: string }, timeZone: string): number | undefined {
  const wall = toWallTime(now, timeZone);
  const minute = wall.hour * 60 + wall.minute;
  const start = minutesOfDay(quietHours.start);
  const end = minutesOfDay(quietHours.end);
  const spansMidnight = start > end;
  const inQuiet = spansMidnight ? minute >= start || minute < end : minute >= start && minute < end;
  if (!inQuiet) return undefined;
  const endsTomorrow = spansMidnight && minute >= start;
  const date = new Date(Date.UTC(wall.year, wall.month - 1, wall.day + (endsTomorrow ? 1 : 0)));
  const endWall = {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: Math.floor(end / 60),
    minute: end % 60,
    second: 0,
  };
  return fromWallTime(endWall, timeZone);
}

/** When a snooze requested at `now` ends, per the portal's `snoozeDays`. */
export function snoozeUntil(now: number, settings: Pick<PolicySettings, 'snoozeDays'>): number {
  return now + settings.snoozeDays * DAY_MS;
}

function skipWith(reason: SkipReason, detail: string): DeliveryDecision {
  return { action: 'skip', reason, detail };
}

function sameRecord(a: RecordRef, b: RecordRef): boolean {
  return a.type === b.type && a.id === b.id;
}

function describe(record: RecordRef): string {
  return `${record.type} ${record.id}`;
}
