import { addDays, dayKey, parseDayKey, startOfDay } from "@/core/time/zoned";

/**
 * The window the schedule shows: whole days of the viewer's zone, `from` inclusive, `to`
 * exclusive. A day is 23 or 25 hours long where the zone changes its clocks.
 */
export interface ScheduleWindow {
  from: number;
  to: number;
  days: number;
  /** "YYYY-MM-DD" of the first and the last day shown (the last included). */
  firstDay: string;
  lastDay: string;
}

/** Zoom levels: how many days, and how many of them lie before today. */
export const ZOOMS = {
  weeks: { label: "3 weeks", days: 22, back: 14 },
  week: { label: "1 week", days: 7, back: 2 },
} as const;
export type Zoom = keyof typeof ZOOMS;

/** The router refuses windows longer than this (src/server/api/routers/slices.ts). */
const MAX_DAYS = 120;
/** How far one "Earlier"/"Later" step moves the window. */
export const STEP_DAYS = 7;

/** The days from `firstDay` to `lastDay` (both included) of `zone`. */
function windowOf(firstDay: string, lastDay: string, zone: string): ScheduleWindow {
  const days = Math.round((Date.parse(`${lastDay}T00:00:00Z`) - Date.parse(`${firstDay}T00:00:00Z`)) / 86_400_000) + 1;
  return { from: startOfDay(firstDay, zone), to: startOfDay(addDays(lastDay, 1), zone), days, firstDay, lastDay };
}

/** A window of `days` whole days with today (in `zone`) `back` days from its start. */
export function windowAround(now: number, zoom: Zoom, zone: string): ScheduleWindow {
  const { days, back } = ZOOMS[zoom];
  const first = addDays(dayKey(now, zone), -back);
  return windowOf(first, addDays(first, days - 1), zone);
}

/**
 * The window named by the URL (`?from=2026-11-14&to=2026-12-05`, days of the viewer's zone, `to`
 * included), or the default around today: 14 days back to 7 days ahead. A reversed or oversized
 * window falls back to the default rather than failing the page.
 */
export function scheduleWindow(params: { from?: string | string[]; to?: string | string[] }, now: number, zone: string): ScheduleWindow {
  const first = typeof params.from === "string" && parseDayKey(params.from) ? params.from : null;
  const last = typeof params.to === "string" && parseDayKey(params.to) ? params.to : null;
  if (!first || !last || last < first) return windowAround(now, "weeks", zone);
  const window = windowOf(first, last, zone);
  return window.days > MAX_DAYS ? windowAround(now, "weeks", zone) : window;
}

/** The URL parameters naming a window. */
export function windowParams(window: ScheduleWindow): { from: string; to: string } {
  return { from: window.firstDay, to: window.lastDay };
}

/** The same window moved by whole days. */
export function shiftWindow(window: ScheduleWindow, days: number, zone: string): ScheduleWindow {
  return windowOf(addDays(window.firstDay, days), addDays(window.lastDay, days), zone);
}

/** The zoom a window was made with, if it has one of their lengths. */
export function zoomOf(window: ScheduleWindow): Zoom | undefined {
  return (Object.keys(ZOOMS) as Zoom[]).find((zoom) => ZOOMS[zoom].days === window.days);
}
