/**
 * Wall-clock arithmetic in a portal's IANA time zone, with `Intl.DateTimeFormat` only (no I/O,
 * no clock: every instant is passed in). HubSpot resets daily limits and reps live their day in
 * the account's time zone, so budgets and quiet hours are counted there, not in UTC.
 */

/** A local date and time in some time zone; `month` is 1–12. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True when `timeZone` is an IANA zone name this runtime knows (e.g. `Europe/Paris`). */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall time at instant `ms` in `timeZone`. */
export function toWallTime(ms: number, timeZone: string): WallTime {
  const wall: WallTime = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of formatterFor(timeZone).formatToParts(ms)) {
    if (part.type in wall) wall[part.type as keyof WallTime] = Number(part.value);
  }
  return wall;
}

/** The local calendar day of instant `ms` in `timeZone`, as `YYYY-MM-DD`. */
export function localDay(ms: number, timeZone: string): string {
  const { year, month, day } = toWallTime(ms, timeZone);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function offsetAt(ms: number, timeZone: string): number {
  const wall = toWallTime(ms, timeZone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return asUtc - (ms - (((ms % 1000) + 1000) % 1000));
}

/**
 * The instant at which `timeZone` shows `wall`. Across a DST change the offset is checked
 * twice. A wall time that does not exist (skipped by spring-forward) resolves to the instant
 * the same distance after the gap (02:30 on a 02:00→03:00 night becomes 03:30), which is what
 * "when quiet hours end" needs. An ambiguous one (fall-back) resolves to its first occurrence.
 */
export function fromWallTime(wall: WallTime, timeZone: string): number {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  const first = offsetAt(asUtc, timeZone);
  const guess = asUtc - first;
  const second = offsetAt(guess, timeZone);
  if (second === first) return guess;
  const corrected = asUtc - second;
  const check = toWallTime(corrected, timeZone);
  const exists = check.hour === wall.hour && check.minute === wall.minute;
  return exists ? corrected : Math.max(guess, corrected);
}

/** Minutes since local midnight, from an `HH:MM` string (validated by the settings schema). */
export function minutesOfDay(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}
