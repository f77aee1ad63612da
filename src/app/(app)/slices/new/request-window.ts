import { MS_PER_HOUR } from "@/components/slices/times";
import { fromInputValue } from "@/core/time/zoned";

/** How the form names the window: a start (now, or a time in the viewer's zone) and an end (a duration, or a time there). */
export interface WindowFields {
  startMode: "now" | "at";
  startAt: string;
  endMode: "duration" | "at";
  durationHours: string;
  endAt: string;
  /**
   * Exact instants set by "Use this window", kept while their field still shows them: the field
   * edits whole minutes, the server's suggestion may fall on any millisecond (a release, a start
   * of "now"), and rounding it could make the window overlap the hold it was chosen to follow.
   */
  exactStart?: Date | null;
  exactEnd?: Date | null;
}

export type ResolvedWindow = { ok: true; start: Date | null; end: Date } | { ok: false; field: "start" | "end"; message: string };

/** The start (null = now, chosen by the server) and end the request sends, or the field that is wrong; times are read in `zone`. */
export function resolveWindow(fields: WindowFields, now: number, zone: string): ResolvedWindow {
  const read = (value: string) => {
    const ms = fromInputValue(value, zone);
    return ms === null ? null : new Date(ms);
  };
  let start: Date | null = null;
  if (fields.startMode === "at") {
    start = fields.exactStart ?? read(fields.startAt);
    if (!start) return { ok: false, field: "start", message: "must be a date and time" };
  }
  const from = start?.getTime() ?? now;
  let end: Date | null;
  if (fields.endMode === "duration") {
    const hours = Number(fields.durationHours);
    if (fields.durationHours.trim() === "" || !Number.isFinite(hours) || hours <= 0) return { ok: false, field: "end", message: "the duration must be a number of hours above 0" };
    end = new Date(from + Math.round(hours * MS_PER_HOUR));
  } else {
    end = fields.exactEnd ?? read(fields.endAt);
    if (!end) return { ok: false, field: "end", message: "must be a date and time" };
    if (end.getTime() <= from) return { ok: false, field: "end", message: start ? "must be after the start" : "must be in the future" };
  }
  return { ok: true, start, end };
}
