import { MS_PER_HOUR } from "@/components/slices/times";
import { addDays, dayKey, fromWallTime, parseDayKey, startOfDay, startOfHourAt } from "@/core/time/zoned";

/** Where a window sits on the timeline, in percent of its width, clipped to the visible range. */
export interface Span {
  left: number;
  width: number;
  /** The window starts before / ends after the visible range. */
  clippedStart: boolean;
  clippedEnd: boolean;
}

export function spanOf(range: { from: number; to: number }, start: number, end: number): Span | null {
  const total = range.to - range.from;
  const s = Math.max(start, range.from);
  const e = Math.min(end, range.to);
  if (!(total > 0) || e <= s) return null;
  return {
    left: ((s - range.from) / total) * 100,
    width: ((e - s) / total) * 100,
    clippedStart: start < range.from,
    clippedEnd: end > range.to,
  };
}

/** The fraction of the range at which `instant` lies, or null outside it. */
export function fractionOf(range: { from: number; to: number }, instant: number): number | null {
  if (instant < range.from || instant > range.to) return null;
  return (instant - range.from) / (range.to - range.from);
}

export interface DayTick {
  start: number;
  end: number;
  day: number;
  /** 0 = Sunday */
  weekday: number;
  /** 0-11 */
  month: number;
  year: number;
  /** 06:00, 12:00 and 18:00 of the day on the zone's clock. */
  hours: { label: string; at: number }[];
}

/** Day gridlines of a range made of whole days of `zone` (each as long as it is there: 23, 24 or 25 h). */
export function dayTicks(range: { from: number; to: number }, zone: string): DayTick[] {
  const ticks: DayTick[] = [];
  for (let key = dayKey(range.from, zone), start = startOfDay(key, zone); start < range.to; ) {
    const next = startOfDay(addDays(key, 1), zone);
    const { year, month, day } = parseDayKey(key)!;
    ticks.push({
      start,
      end: next,
      day,
      weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay(),
      month: month - 1,
      year,
      hours: [6, 12, 18].map((hour) => ({ label: String(hour).padStart(2, "0"), at: fromWallTime({ year, month, day, hour }, zone) })),
    });
    key = addDays(key, 1);
    start = next;
  }
  return ticks;
}

/** How long a request made by clicking a free gap lasts. */
export const CLICK_REQUEST_MS = 4 * MS_PER_HOUR;

/**
 * The window a click on a free gap asks for: from the clicked whole hour of the viewer's clock
 * (Kolkata's hours start at :30 UTC) for four hours.
 * A click in the current hour starts now (`start: null`, the form's "now"); a click on an hour
 * that has passed asks for nothing.
 */
export function requestAtClick(range: { from: number; to: number }, fraction: number, now: number, zone: string): { start: number | null; end: number } | null {
  if (!(fraction >= 0 && fraction <= 1)) return null;
  const hour = startOfHourAt(range.from + fraction * (range.to - range.from), zone);
  const end = hour + CLICK_REQUEST_MS;
  if (hour + MS_PER_HOUR <= now) return null;
  return { start: hour <= now ? null : hour, end };
}

/**
 * Lays overlapping windows (pending requests) out in as few lanes as possible, first fit by
 * start, so none is drawn over another. Returns each item's lane and the number of lanes.
 */
export function assignLanes<T extends { start: number; end: number }>(items: readonly T[]): { lanes: number; placed: { item: T; lane: number }[] } {
  const laneEnds: number[] = [];
  const placed = [...items]
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .map((item) => {
      let lane = laneEnds.findIndex((end) => end <= item.start);
      if (lane === -1) lane = laneEnds.length;
      laneEnds[lane] = item.end;
      return { item, lane };
    });
  return { lanes: laneEnds.length, placed };
}
