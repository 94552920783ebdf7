/** Day arithmetic and the portal's quarter, without reading the clock: `now` is passed in. */

export const DAY_MS = 86_400_000;

/** Whole days from `then` to `now`, never negative (a future timestamp is 0 days ago). */
export function daysSince(then: number, now: number): number {
  return Math.max(0, Math.floor((now - then) / DAY_MS));
}

/** Whole days from `now` to `then`, rounded; negative when `then` has passed. */
export function daysUntil(then: number, now: number): number {
  return Math.round((then - now) / DAY_MS);
}

/**
 * Days from `now` to the end of the current quarter in the portal's local time.
 * `fiscalYearStartMonth` is 1–12 (1 = calendar quarters). The offset is the portal's UTC offset
 * today; a daylight-saving shift before quarter end moves the answer by an hour, not a day.
 */
export function daysToQuarterEnd(now: number, utcOffsetMs: number, fiscalYearStartMonth: number): number {
  const local = new Date(now + utcOffsetMs);
  const month = local.getUTCMonth();
  const monthsIntoQuarter = (month - (fiscalYearStartMonth - 1) + 12) % 3;
  const endExclusive = Date.UTC(local.getUTCFullYear(), month - monthsIntoQuarter + 3, 1);
  return Math.ceil((endExclusive - local.getTime()) / DAY_MS);
}

/** The median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] as number;
  return sorted.length % 2 === 1 ? upper : (upper + (sorted[mid - 1] as number)) / 2;
}
