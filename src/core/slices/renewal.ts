import { MS_PER_DAY } from "./time";
import type { SliceKind } from "./kinds";
import type { SliceStatus } from "./lifecycle";

/**
 * Serving slices are open-ended: the portal renews them a month at a time until their holder
 * releases them. A month is 30 days, not a calendar month, so every renewal moves the end by the
 * same amount and keeps its time of day.
 */
export const SERVING_RENEWAL_PERIOD_MS = 30 * MS_PER_DAY;

/**
 * A renewal is due within the last 7 days of a serving slice: a week leaves the holder time to
 * act when another booking blocks it, and the renewal check (every minute) many chances to run.
 */
export const SERVING_RENEWAL_WINDOW_MS = 7 * MS_PER_DAY;

export interface RenewableSlice {
  kind: SliceKind;
  status: SliceStatus;
  end: number;
  releasedAt: number | null;
}

export type RenewalDecision = { due: true; newEnd: number } | { due: false; reason: "not-serving" | "not-approved" | "released" | "ended" | "not-yet" };

/**
 * Whether an approved, unreleased serving slice is due for renewal at `now` (its end lies within
 * the window, and has not passed: an ended slice is over, it cannot be renewed into the past),
 * and its end once renewed.
 */
export function servingRenewal(slice: RenewableSlice, now: number): RenewalDecision {
  if (slice.kind !== "serving") return { due: false, reason: "not-serving" };
  if (slice.status !== "approved") return { due: false, reason: "not-approved" };
  if (slice.releasedAt !== null) return { due: false, reason: "released" };
  if (slice.end <= now) return { due: false, reason: "ended" };
  if (slice.end - now > SERVING_RENEWAL_WINDOW_MS) return { due: false, reason: "not-yet" };
  return { due: true, newEnd: slice.end + SERVING_RENEWAL_PERIOD_MS };
}

/**
 * When the slice next comes up for renewal, for pages to show: the start of the window before its
 * end (or now, when already within it); null when it is never renewed (not a serving slice,
 * released, not approved, or over).
 */
export function nextRenewalAt(slice: RenewableSlice, now: number): number | null {
  if (slice.kind !== "serving" || slice.status !== "approved" || slice.releasedAt !== null || slice.end <= now) return null;
  return Math.max(now, slice.end - SERVING_RENEWAL_WINDOW_MS);
}
