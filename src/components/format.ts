import { dayKey } from "@/core/time/zoned";

/**
 * Times on pages are shown in the viewer's time zone (the browser's, or the one chosen on the
 * profile), each with its zone named; the UTC time is in the title. Calendar dates that are not
 * instants (an in-service date, a price's first day, the savings ledger's UTC buckets) stay UTC.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(zone: string, kind: "dateTime" | "date" | "time" | "day" | "zone"): Intl.DateTimeFormat {
  const key = `${zone}|${kind}`;
  let f = formatters.get(key);
  if (!f) {
    const options: Record<typeof kind, Intl.DateTimeFormatOptions> = {
      dateTime: { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" },
      date: { day: "numeric", month: "short", year: "numeric" },
      time: { hour: "2-digit", minute: "2-digit", hourCycle: "h23" },
      day: { weekday: "short", day: "numeric", month: "short", year: "numeric" },
      zone: { timeZoneName: "short" },
    };
    f = new Intl.DateTimeFormat("en-GB", { ...options[kind], timeZone: zone });
    formatters.set(key, f);
  }
  return f;
}

const ms = (value: Date | string | number) => new Date(value).getTime();

/** "CET", "GMT+5:30", "UTC": the short name of the zone's time at an instant. */
export function zoneAbbreviation(value: Date | string | number, zone: string): string {
  return formatter(zone, "zone").formatToParts(ms(value)).find((p) => p.type === "timeZoneName")?.value ?? zone;
}

/** "7 Dec 2026, 10:30 CET". */
export function formatDateTime(value: Date | string | number, zone: string): string {
  return `${formatter(zone, "dateTime").format(ms(value))} ${zoneAbbreviation(value, zone)}`;
}

/** "7 Dec 2026": the day of an instant in the zone. */
export function formatDay(value: Date | string | number, zone: string): string {
  return formatter(zone, "date").format(ms(value));
}

/** "Mon 7 Dec 2026": the day of an instant in the zone, with its weekday. */
export function formatWeekday(value: Date | string | number, zone: string): string {
  return formatter(zone, "day").format(ms(value)).replace(",", "");
}

/** "14:05" on the zone's clock. */
export function formatTime(value: Date | string | number, zone: string): string {
  return formatter(zone, "time").format(ms(value));
}

/** "Mon 7 Dec 2026, 14:00 → 18:00 CET", or with both days when the window crosses midnight in the zone. */
export function formatWindow(start: Date | string | number, end: Date | string | number, zone: string): string {
  const sameDay = dayKey(ms(start), zone) === dayKey(ms(end), zone);
  const left = `${formatWeekday(start, zone)}, ${formatTime(start, zone)}`;
  const right = sameDay ? formatTime(end, zone) : `${formatWeekday(end, zone)}, ${formatTime(end, zone)}`;
  const zoneStart = zoneAbbreviation(start, zone);
  const zoneEnd = zoneAbbreviation(end, zone);
  // Across a DST change each end names its own offset.
  return zoneStart === zoneEnd ? `${left} → ${right} ${zoneEnd}` : `${left} ${zoneStart} → ${right} ${zoneEnd}`;
}

/** "2026-12-07 09:30 UTC": the same instant in UTC, for titles and the ledger's own terms. */
export function formatUtc(value: Date | string | number): string {
  return `${new Date(ms(value)).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

const utcDate = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

/** A calendar date that is not an instant, such as an in-service date, "15 Jun 2018" (stored as UTC midnight). */
export function formatDate(value: Date | string): string {
  return utcDate.format(new Date(value));
}
