import { MS_PER_DAY, parseUtcDay, startOfUtcDay, utcDay } from "@/components/slices/utc-time";

/** The window the schedule shows, whole UTC days: `from` inclusive, `to` exclusive. */
export interface ScheduleWindow {
  from: number;
  to: number;
  days: number;
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

/** A window of `days` whole UTC days with today `back` days from its start. */
export function windowAround(now: number, zoom: Zoom): ScheduleWindow {
  const { days, back } = ZOOMS[zoom];
  const from = startOfUtcDay(now) - back * MS_PER_DAY;
  return { from, to: from + days * MS_PER_DAY, days };
}

/**
 * The window named by the URL (`?from=2026-11-14&to=2026-12-05`, both UTC days, `to` included),
 * or the default around today: 14 days back to 7 days ahead. A reversed or oversized window
 * falls back to the default rather than failing the page.
 */
export function scheduleWindow(params: { from?: string | string[]; to?: string | string[] }, now: number): ScheduleWindow {
  const from = parseUtcDay(params.from);
  const lastDay = parseUtcDay(params.to);
  if (from === null || lastDay === null || lastDay < from) return windowAround(now, "weeks");
  const days = Math.round((lastDay - from) / MS_PER_DAY) + 1;
  if (days > MAX_DAYS) return windowAround(now, "weeks");
  return { from, to: lastDay + MS_PER_DAY, days };
}

/** The URL parameters naming a window. */
export function windowParams(window: ScheduleWindow): { from: string; to: string } {
  return { from: utcDay(window.from), to: utcDay(window.to - MS_PER_DAY) };
}

/** The same window moved by whole days. */
export function shiftWindow(window: ScheduleWindow, days: number): ScheduleWindow {
  return { from: window.from + days * MS_PER_DAY, to: window.to + days * MS_PER_DAY, days: window.days };
}

/** The zoom a window was made with, if it has one of their lengths. */
export function zoomOf(window: ScheduleWindow): Zoom | undefined {
  return (Object.keys(ZOOMS) as Zoom[]).find((zoom) => ZOOMS[zoom].days === window.days);
}
