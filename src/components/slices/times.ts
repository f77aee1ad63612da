import { fromInputValue } from "@/core/time/zoned";

export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * A search parameter holding an instant: ISO 8601 with its offset, or a datetime-local value
 * read in the viewer's `zone`; null when absent or invalid.
 */
export function parseInstantParam(value: string | string[] | undefined, zone: string): Date | null {
  if (typeof value !== "string" || value.length > 40) return null;
  const local = fromInputValue(value, zone);
  if (local !== null) return new Date(local);
  if (!ISO_INSTANT.test(value)) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms);
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
