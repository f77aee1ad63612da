/**
 * Reminders at exact times: 15 minutes before a slice starts and 30 minutes before it ends.
 * Each is planned for the slice as it is when it changes (approve, extend); a reminder whose
 * slice moved, was released or cancelled is dropped when it comes due (reminderStillDue), so a
 * change never needs to find and delete the jobs queued before it.
 */
export const STARTS_SOON_MS = 15 * 60_000;
export const ENDS_SOON_MS = 30 * 60_000;

export type ReminderKind = "slice-starts-soon" | "slice-ends-soon";

export interface ReminderSlice {
  status: string;
  start: number;
  end: number;
  releasedAt: number | null;
}

export interface PlannedReminder {
  kind: ReminderKind;
  /** When to send it. */
  at: number;
  /** The slice's start or end it is about; the reminder is stale once that changes. */
  target: number;
}

/** The reminders still ahead for a slice; one whose time has already passed is not sent late. */
export function planReminders(slice: ReminderSlice, now: number): PlannedReminder[] {
  if (slice.status !== "approved" || slice.releasedAt !== null) return [];
  const planned: PlannedReminder[] = [];
  const startsAt = slice.start - STARTS_SOON_MS;
  if (startsAt >= now) planned.push({ kind: "slice-starts-soon", at: startsAt, target: slice.start });
  const endsAt = slice.end - ENDS_SOON_MS;
  // A slice of 30 minutes or less would get "ends in 30 minutes" before (or as) it starts.
  if (endsAt >= now && endsAt > slice.start) planned.push({ kind: "slice-ends-soon", at: endsAt, target: slice.end });
  return planned;
}

/** Whether a reminder coming due still describes the slice (same start or end, still held). */
export function reminderStillDue(kind: ReminderKind, target: number, slice: ReminderSlice | null, now: number): boolean {
  if (!slice || slice.status !== "approved" || slice.releasedAt !== null) return false;
  const current = kind === "slice-starts-soon" ? slice.start : slice.end;
  return current === target && now < target;
}
