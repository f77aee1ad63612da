/**
 * Time in the slice core is epoch milliseconds (UTC) in plain numbers, the same convention as the
 * cost core, and every window is half-open [start, end): a slice ending at 18:00 holds nothing at
 * 18:00, so a request starting at 18:00 abuts it without overlapping.
 */

export interface TimeWindow {
  start: number;
  end: number;
}

export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;

/** True when the half-open windows share at least one instant. Empty windows overlap nothing. */
export function overlaps(a: TimeWindow, b: TimeWindow): boolean {
  return a.start < b.end && b.start < a.end && a.start < a.end && b.start < b.end;
}

/** The part of `w` inside `window`, or null when they do not overlap. */
export function clipToWindow(w: TimeWindow, window: TimeWindow): TimeWindow | null {
  const start = Math.max(w.start, window.start);
  const end = Math.min(w.end, window.end);
  return end > start ? { start, end } : null;
}

/** Milliseconds of `w` that fall inside `window`. */
export function overlapMs(w: TimeWindow, window: TimeWindow): number {
  const clipped = clipToWindow(w, window);
  return clipped ? clipped.end - clipped.start : 0;
}

/** GPU-hours a slice holds inside `window` (all of it when no window is given). */
export function gpuHours(booking: TimeWindow & { gpuIds: readonly string[] }, window?: TimeWindow): number {
  const ms = window ? overlapMs(booking, window) : Math.max(0, booking.end - booking.start);
  return (booking.gpuIds.length * ms) / MS_PER_HOUR;
}

/** First instant of the UTC calendar month containing `ms`. */
export function utcMonthStart(ms: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
}

/** First instant of the UTC calendar month after the one containing `ms`. */
export function nextUtcMonthStart(ms: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
}

/** Starts of every UTC calendar month that [start, end) touches, in order. Empty for an empty window. */
export function monthStartsUtc(start: number, end: number): number[] {
  const starts: number[] = [];
  if (!(end > start)) return starts;
  for (let m = utcMonthStart(start); m < end; m = nextUtcMonthStart(m)) starts.push(m);
  return starts;
}

/**
 * [start, end) cut at UTC month boundaries: one piece per month touched, each with its month's
 * window. Monthly quotas are judged per calendar month, so a request from 30 Nov to 2 Dec
 * counts partly against November and partly against December.
 */
export function splitByUtcMonth(start: number, end: number): Array<{ month: TimeWindow; part: TimeWindow }> {
  return monthStartsUtc(start, end).map((m) => {
    const month = { start: m, end: nextUtcMonthStart(m) };
    return { month, part: { start: Math.max(start, m), end: Math.min(end, month.end) } };
  });
}
