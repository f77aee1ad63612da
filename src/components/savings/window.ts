import { BUCKET_SIZES, type BucketSize } from "@/core/costs/buckets";
import { dayKey, parseDayKey, startOfDay, UTC } from "@/core/time/zoned";

/** The savings ledger's days are UTC days (its buckets are), whatever the viewer's zone. */
const parseUtcDay = (value: string) => (parseDayKey(value) ? startOfDay(value, UTC) : null);
const utcDay = (instant: Date | number) => dayKey(new Date(instant).getTime(), UTC);

/** The windows the savings pages offer; each is a half-open UTC window [from, to). */
export const WINDOW_PRESETS = [
  { value: "all", label: "All time" },
  { value: "year", label: "This year" },
  { value: "12m", label: "Last 12 months" },
  { value: "quarter", label: "Last quarter" },
  { value: "custom", label: "Custom dates" },
] as const;
export type WindowPreset = (typeof WINDOW_PRESETS)[number]["value"];

export const BUCKET_LABELS: Record<BucketSize, string> = { day: "Day", week: "Week", month: "Month" };

export interface SavingsWindow {
  preset: WindowPreset;
  bucket: BucketSize;
  from: Date;
  /** Exclusive; never later than now, since nothing accrues after it. */
  to: Date;
}

/** What the picker shows: the choice as asked for, also when it could not be turned into a window. */
export interface WindowRequest {
  preset: WindowPreset;
  bucket: BucketSize;
  /** "YYYY-MM-DD", the first and last UTC day of a custom window (inclusive), as typed. */
  fromDay: string;
  toDay: string;
}

export type WindowChoice = { request: WindowRequest } & ({ ok: true; window: SavingsWindow } | { ok: false; error: string });

type Params = Record<string, string | string[] | undefined>;
const MS_PER_DAY = 86_400_000;
const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

export function readWindowRequest(params: Params): WindowRequest {
  const preset = WINDOW_PRESETS.find((p) => p.value === one(params.window))?.value ?? "all";
  const bucket = BUCKET_SIZES.find((b) => b === one(params.bucket)) ?? "month";
  return { preset, bucket, fromDay: one(params.from) ?? "", toDay: one(params.to) ?? "" };
}

/**
 * The window a request names at `now`. "All time" starts at `since` (the first in-service date),
 * "last 12 months" is this month and the 11 before it, "last quarter" the last full calendar
 * quarter; custom dates are whole UTC days, both included, cut off at now.
 */
export function resolveWindow(params: Params, { now, since }: { now: Date; since: Date }): WindowChoice {
  const request = readWindowRequest(params);
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  const window = (from: number, to: number): WindowChoice => ({ request, ok: true, window: { preset: request.preset, bucket: request.bucket, from: new Date(from), to: new Date(Math.min(to, now.getTime())) } });
  switch (request.preset) {
    case "all":
      return window(Math.min(since.getTime(), now.getTime() - MS_PER_DAY), now.getTime());
    case "year":
      return window(Date.UTC(y, 0, 1), now.getTime());
    case "12m":
      return window(Date.UTC(y, m - 11, 1), now.getTime());
    case "quarter": {
      const quarterStart = Math.floor(m / 3) * 3;
      return window(Date.UTC(y, quarterStart - 3, 1), Date.UTC(y, quarterStart, 1));
    }
    case "custom": {
      const from = parseUtcDay(request.fromDay);
      const lastDay = parseUtcDay(request.toDay);
      if (from === null || lastDay === null) return { request, ok: false, error: "Enter a start and an end date (YYYY-MM-DD, UTC)." };
      if (lastDay < from) return { request, ok: false, error: "The end date must be on or after the start date." };
      if (from >= now.getTime()) return { request, ok: false, error: "The window must start before now: nothing has accrued in the future yet." };
      return window(from, lastDay + MS_PER_DAY);
    }
  }
}

/** The search parameters of a window request, for links and the picker. */
export function windowSearch(request: WindowRequest): string {
  const params = new URLSearchParams({ window: request.preset, bucket: request.bucket });
  if (request.preset === "custom") {
    params.set("from", request.fromDay);
    params.set("to", request.toDay);
  }
  return params.toString();
}

/** The first and last UTC day of a window, "YYYY-MM-DD", the last one included. */
export function windowDays(window: { from: Date; to: Date }): { first: string; last: string } {
  return { first: utcDay(window.from), last: utcDay(Math.max(window.from.getTime(), window.to.getTime() - 1)) };
}
