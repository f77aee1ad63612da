import type { SliceRow } from "@/server/db/slices";
import type { Db } from "@/server/db/tx";
import { notify } from "./notify";
import { scheduleReminders } from "./reminders";
import { sliceRef } from "./slice-ref";

/**
 * What the slice use-cases tell people, each called inside the use-case's transaction: the
 * messages and reminders commit with the decision or not at all.
 */
export const sliceEvents = {
  async requested(tx: Db, row: SliceRow, quotaException: string | null, now: Date) {
    const slice = sliceRef(row);
    await notify(tx, quotaException ? { kind: "quota-exception-asked", slice, reason: quotaException } : { kind: "request-waiting", slice }, now);
  },

  async approved(tx: Db, row: SliceRow, decision: { by: string | null; overrideReason: string | null }, now: Date) {
    const slice = sliceRef(row);
    await notify(
      tx,
      decision.overrideReason && decision.by
        ? { kind: "quota-exception-decided", slice, by: decision.by, approved: true, reason: decision.overrideReason }
        : { kind: "slice-approved", slice, by: decision.by },
      now,
    );
    await scheduleReminders(tx, row, now);
  },

  async rejected(tx: Db, row: SliceRow, by: string, reason: string, now: Date) {
    await notify(tx, { kind: "slice-rejected", slice: sliceRef(row), by, reason }, now);
  },

  /** Released by someone else than the holder (an admin): the holder should know. */
  async released(tx: Db, before: SliceRow, by: { id: string; name: string }, now: Date) {
    if (by.id === before.requesterId) return;
    await notify(tx, { kind: "slice-released-by-admin", slice: sliceRef(before), by: by.name, at: now.getTime() }, now);
  },

  async extensionRequested(tx: Db, row: SliceRow, extension: { id: string; requestedEndAt: Date; reason: string }, now: Date) {
    await notify(tx, { kind: "request-waiting", slice: sliceRef(row), extension: { id: extension.id, requestedEnd: extension.requestedEndAt.getTime(), reason: extension.reason } }, now);
  },

  async extensionDecided(tx: Db, before: SliceRow, after: SliceRow, decision: { extensionId: string; approved: boolean; requestedEnd: Date; by: string | null; reason: string | null }, now: Date) {
    await notify(tx, { kind: "extension-decided", slice: sliceRef(before), extensionId: decision.extensionId, approved: decision.approved, requestedEnd: decision.requestedEnd.getTime(), by: decision.by, reason: decision.reason }, now);
    if (decision.approved) await scheduleReminders(tx, after, now);
  },
};
