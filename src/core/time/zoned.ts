/**
 * Wall-clock time in a named IANA time zone, computed with the Intl API: what a person in that
 * zone reads on their clock for an instant, and the instant a wall-clock time names there.
 * Instants are epoch milliseconds (UTC); days are "YYYY-MM-DD" keys of a zone's calendar.
 */

export const UTC = "UTC";
const DAY = 86_400_000;

export interface WallTime {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 0 = Sunday */
  weekday: number;
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(zone: string): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      weekday: "short",
    });
    partsFormatters.set(zone, formatter);
  }
  return formatter;
}

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/** True when `zone` is an IANA time zone this runtime knows (or "UTC"). */
export function isTimeZone(zone: unknown): zone is string {
  if (typeof zone !== "string" || zone.length === 0 || zone.length > 64) return false;
  try {
    partsFormatter(zone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's canonical name ("Asia/Calcutta" → "Asia/Kolkata" where the runtime says so), or null when unknown. */
export function canonicalTimeZone(zone: unknown): string | null {
  return isTimeZone(zone) ? partsFormatter(zone).resolvedOptions().timeZone : null;
}

/** What a clock in `zone` shows at `instant`. */
export function wallTime(instant: number, zone: string): WallTime {
  const parts: Record<string, string> = {};
  for (const part of partsFormatter(zone).formatToParts(instant)) parts[part.type] = part.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: WEEKDAYS.indexOf(parts.weekday ?? ""),
  };
}

/** How far the zone's clock is ahead of UTC at `instant` (Kolkata: +5:30 h; New York in winter: -5 h). */
export function offsetMs(instant: number, zone: string): number {
  const whole = instant - (((instant % 1000) + 1000) % 1000);
  const w = wallTime(whole, zone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - whole;
}

/**
 * The instant a wall-clock time names in `zone`. Where the clock jumps forward the time does
 * not exist and is read with the offset from before the jump (02:30 on Berlin's spring day is
 * 03:30 CEST); where it falls back and a time happens twice, the earlier one. That is what
 * calendars do (and Temporal's "compatible").
 */
export function fromWallTime(wall: { year: number; month: number; day: number; hour?: number; minute?: number; second?: number }, zone: string): number {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour ?? 0, wall.minute ?? 0, wall.second ?? 0);
  // A zone changes its offset at most once within a day either side.
  const before = offsetMs(asUtc - DAY, zone);
  const after = offsetMs(asUtc + DAY, zone);
  const fits = [asUtc - before, asUtc - after].filter((t) => t + offsetMs(t, zone) === asUtc);
  return fits.length > 0 ? Math.min(...fits) : asUtc - before;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** "2026-03-29": the calendar day of `instant` in `zone`. */
export function dayKey(instant: number, zone: string): string {
  const w = wallTime(instant, zone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/** The parts of a "YYYY-MM-DD" key when it names a real day, otherwise null. */
export function parseDayKey(value: unknown): { year: number; month: number; day: number } | null {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const [year, month, day] = value.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? { year, month, day } : null;
}

/** The day `days` calendar days after the "YYYY-MM-DD" key (no zone: calendars agree on dates). */
export function addDays(key: string, days: number): string {
  const d = parseDayKey(key);
  if (!d) throw new RangeError(`not a day: ${key}`);
  return new Date(Date.UTC(d.year, d.month - 1, d.day + days)).toISOString().slice(0, 10);
}

/** The first instant of a day in `zone`: its midnight, or the first time after it where midnight does not exist. */
export function startOfDay(key: string, zone: string): number {
  const d = parseDayKey(key);
  if (!d) throw new RangeError(`not a day: ${key}`);
  return fromWallTime(d, zone);
}

/** The first instant of the day in `zone` that contains `instant`. */
export function startOfDayAt(instant: number, zone: string): number {
  return startOfDay(dayKey(instant, zone), zone);
}

const INPUT_VALUE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** "2026-03-29T03:30": the value of an `<input type="datetime-local">` showing `instant` in `zone` (minutes). */
export function toInputValue(instant: number, zone: string): string {
  const w = wallTime(instant, zone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

/**
 * The instant a datetime-local value names in `zone`, or null when it is not a real date and
 * time (empty, malformed, or a day like February 30 that `Date` would silently roll over).
 */
export function fromInputValue(value: string, zone: string): number | null {
  const match = INPUT_VALUE.exec(value.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second = 0] = match.slice(1).map((part) => Number(part ?? 0)) as number[];
  if (!parseDayKey(`${match[1]}-${match[2]}-${match[3]}`) || hour! > 23 || minute! > 59 || second > 59) return null;
  return fromWallTime({ year: year!, month: month!, day: day!, hour, minute, second }, zone);
}

/** The start of the whole hour, on the zone's clock, that contains `instant` (Kolkata's hours start at :30 UTC). */
export function startOfHourAt(instant: number, zone: string): number {
  const local = instant + offsetMs(instant, zone);
  return instant - (((local % 3_600_000) + 3_600_000) % 3_600_000);
}
