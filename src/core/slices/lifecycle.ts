import type { TimeWindow } from "./time";

export const SLICE_STATUSES = ["pending", "approved", "rejected", "cancelled"] as const;
export type SliceStatus = (typeof SLICE_STATUSES)[number];

/** Where an approved slice stands by the clock. Expiry is derived, so no job has to flip it. */
export type TimeState = "upcoming" | "active" | "ended";

/**
 * Status changes a decision may make. Rejected and cancelled are final; an approved slice can
 * still be cancelled while upcoming (see canCancel), while an active one is released instead.
 */
export const SLICE_TRANSITIONS: Readonly<Record<SliceStatus, readonly SliceStatus[]>> = {
  pending: ["approved", "rejected", "cancelled"],
  approved: ["cancelled"],
  rejected: [],
  cancelled: [],
};

export function canTransition(from: SliceStatus, to: SliceStatus): boolean {
  return SLICE_TRANSITIONS[from].includes(to);
}

/** The end a slice actually holds: the earlier of its booked end and its release, if released. */
export function effectiveEnd(end: number, releasedAt?: number | null): number {
  return releasedAt !== undefined && releasedAt !== null && releasedAt < end ? releasedAt : end;
}

/** Upcoming before start, active in [start, end), ended from end on (end is the effective end). */
export function timeState(slice: TimeWindow, now: number): TimeState {
  if (now < slice.start) return "upcoming";
  return now < slice.end ? "active" : "ended";
}

/** One label for lists: the status, or for approved slices where they stand by the clock. */
export function sliceState(slice: TimeWindow & { status: SliceStatus }, now: number): Exclude<SliceStatus, "approved"> | TimeState {
  return slice.status === "approved" ? timeState(slice, now) : slice.status;
}

/** Pending requests and approved slices that have not started may be cancelled. */
export function canCancel(slice: TimeWindow & { status: SliceStatus }, now: number): boolean {
  return slice.status === "pending" || (slice.status === "approved" && timeState(slice, now) === "upcoming");
}

/** Only an active approved slice can be released; its effective end becomes `now`. */
export function canRelease(slice: TimeWindow & { status: SliceStatus }, now: number): boolean {
  return slice.status === "approved" && timeState(slice, now) === "active";
}

/** Extensions are asked for slices that are still upcoming or active. */
export function canRequestExtension(slice: TimeWindow & { status: SliceStatus }, now: number): boolean {
  return slice.status === "approved" && timeState(slice, now) !== "ended";
}
