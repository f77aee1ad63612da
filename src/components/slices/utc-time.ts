/**
 * `<input type="datetime-local">` has no time zone: the browser shows and returns wall-clock
 * text. Rigshare books in UTC, so the form treats that text as UTC on the way in and out,
 * whatever the browser's zone, and says so next to every such field.
 */

const LOCAL_VALUE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;

/** "2026-11-28T14:05" for 2026-11-28 14:05 UTC (seconds dropped: the field edits minutes). */
export function toUtcInputValue(instant: Date | number): string {
  return new Date(instant).toISOString().slice(0, 16);
}

/**
 * The UTC instant a datetime-local value names, or null when it is not a real date and time
 * (empty, malformed, or a day like February 30 that `Date` would silently roll over).
 */
export function fromUtcInputValue(value: string): Date | null {
  const match = LOCAL_VALUE.exec(value.trim());
  if (!match) return null;
  const [y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0] = match.slice(1).map((part) => Number(part ?? 0));
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  const date = new Date(ms);
  const exact = date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && date.getUTCHours() === h && date.getUTCMinutes() === mi;
  return exact ? date : null;
}

/** A search parameter holding an instant (ISO 8601, or a datetime-local value read as UTC); null when absent or invalid. */
export function parseInstantParam(value: string | string[] | undefined): Date | null {
  if (typeof value !== "string" || value.length > 40) return null;
  const local = fromUtcInputValue(value);
  if (local) return local;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms);
}

/** The first instant of the UTC day containing `instant`. */
export function startOfUtcDay(instant: Date | number): number {
  const ms = new Date(instant).getTime();
  return ms - (((ms % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY);
}

/** "2026-11-28", the UTC calendar day of an instant. */
export function utcDay(instant: Date | number): string {
  return new Date(instant).toISOString().slice(0, 10);
}

/** The start of a "YYYY-MM-DD" UTC day, or null when the text is not a real day. */
export function parseUtcDay(value: string | string[] | undefined): number | null {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const date = fromUtcInputValue(`${value}T00:00`);
  return date ? date.getTime() : null;
}

/** "3 h", "1 h 30 min", "2 days 4 h": how long a window lasts, for labels. */
export function formatDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  const parts = [days > 0 && `${days} day${days === 1 ? "" : "s"}`, hours > 0 && `${hours} h`, rest > 0 && `${rest} min`].filter(Boolean);
  return parts.length > 0 ? parts.join(" ") : "0 min";
}

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const pad = (n: number) => String(n).padStart(2, "0");

/** "Sat 28 Nov 2026" for the UTC day of an instant. */
export function formatUtcDate(instant: Date | number): string {
  const d = new Date(instant);
  return `${WEEKDAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** "14:05" UTC. */
export function formatUtcTime(instant: Date | number): string {
  const d = new Date(instant);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** "Sat 28 Nov 2026, 14:00 → 18:00 UTC", or with both days when the window crosses midnight UTC. */
export function formatUtcWindow(start: Date | number, end: Date | number): string {
  const from = new Date(start);
  const to = new Date(end);
  const sameDay = utcDay(from) === utcDay(to);
  const left = `${formatUtcDate(from)}, ${formatUtcTime(from)}`;
  const right = sameDay ? formatUtcTime(to) : `${formatUtcDate(to)}, ${formatUtcTime(to)}`;
  return `${left} → ${right} UTC`;
}
