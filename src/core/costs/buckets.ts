import { MS_PER_DAY, type TimeWindow } from "./time";
import { invalid, requireInstant } from "./validate";

export const BUCKET_SIZES = ["day", "week", "month"] as const;
export type BucketSize = (typeof BUCKET_SIZES)[number];

const MS_PER_WEEK = 7 * MS_PER_DAY;
/** 1970-01-01 was a Thursday, so Monday-based weeks are offset by 3 days from the epoch. */
const MONDAY_OFFSET = 3 * MS_PER_DAY;

/** The first UTC bucket boundary strictly after t. */
function nextBoundary(t: number, bucket: BucketSize): number {
  switch (bucket) {
    case "day":
      return Math.floor(t / MS_PER_DAY) * MS_PER_DAY + MS_PER_DAY;
    case "week":
      return Math.floor((t + MONDAY_OFFSET) / MS_PER_WEEK) * MS_PER_WEEK - MONDAY_OFFSET + MS_PER_WEEK;
    case "month": {
      const date = new Date(t);
      return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
    }
  }
}

/**
 * UTC calendar buckets covering the half-open window: days, weeks starting Monday, or calendar
 * months. The first and last bucket are clipped to the window, so the buckets tile it exactly.
 */
export function bucketsOf(window: TimeWindow, bucket: BucketSize): TimeWindow[] {
  requireInstant(window.from, "window.from");
  requireInstant(window.to, "window.to");
  if (window.to < window.from) throw invalid("window.to is before window.from.", "window.to");
  if (!BUCKET_SIZES.includes(bucket)) throw invalid(`bucket must be one of ${BUCKET_SIZES.join(", ")}.`, "bucket");
  const buckets: TimeWindow[] = [];
  for (let from = window.from; from < window.to; ) {
    const to = Math.min(nextBoundary(from, bucket), window.to);
    buckets.push({ from, to });
    from = to;
  }
  return buckets;
}

/** Index of the bucket holding t (buckets contiguous and ascending), or -1 before the first. */
export function bucketIndexAt(buckets: readonly TimeWindow[], t: number): number {
  let lo = 0;
  let hi = buckets.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (buckets[mid]!.from <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
