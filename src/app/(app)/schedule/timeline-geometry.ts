import { MS_PER_DAY, MS_PER_HOUR } from "@/components/slices/utc-time";

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

/** Day gridlines of a range made of whole UTC days. */
export function dayTicks(range: { from: number; to: number }) {
  const ticks = [];
  for (let ms = range.from; ms < range.to; ms += MS_PER_DAY) {
    const d = new Date(ms);
    ticks.push({ start: ms, day: d.getUTCDate(), weekday: d.getUTCDay(), month: d.getUTCMonth(), year: d.getUTCFullYear() });
  }
  return ticks;
}

/** How long a request made by clicking a free gap lasts. */
export const CLICK_REQUEST_MS = 4 * MS_PER_HOUR;

/**
 * The window a click on a free gap asks for: from the clicked whole hour (UTC) for four hours.
 * A click in the current hour starts now (`start: null`, the form's "now"); a click on an hour
 * that has passed asks for nothing.
 */
export function requestAtClick(range: { from: number; to: number }, fraction: number, now: number): { start: number | null; end: number } | null {
  if (!(fraction >= 0 && fraction <= 1)) return null;
  const instant = range.from + fraction * (range.to - range.from);
  const hour = instant - (((instant % MS_PER_HOUR) + MS_PER_HOUR) % MS_PER_HOUR);
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
