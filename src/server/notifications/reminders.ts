import { planReminders, reminderStillDue, type ReminderKind } from "@/core/notifications/reminders";
import { findSliceById, type SliceRow } from "@/server/db/slices";
import { transaction, type Db } from "@/server/db/tx";
import { enqueue, QUEUES, uuidFromKey } from "@/server/jobs/queue";
import { notify, type NotifyConfig } from "./notify";
import { sliceRef } from "./slice-ref";

export interface ReminderJob {
  sliceId: string;
  kind: ReminderKind;
  /** The slice's start or end (epoch ms) the reminder is about. */
  target: number;
}

/**
 * Queues a slice's reminders at their exact times, in the transaction that approved or moved it.
 * The job id comes from (kind, slice, target), so planning twice queues once; the jobs planned
 * for an old end stay queued and are dropped when due (reminderStillDue).
 */
export async function scheduleReminders(tx: Db, row: SliceRow, now: Date): Promise<void> {
  const slice = { status: row.status, start: row.startAt.getTime(), end: row.endAt.getTime(), releasedAt: row.releasedAt?.getTime() ?? null };
  await enqueue(
    tx,
    planReminders(slice, now.getTime()).map((r) => ({
      id: uuidFromKey(`${r.kind}:${row.id}:${r.target}`),
      name: QUEUES.reminder.name,
      data: { sliceId: row.id, kind: r.kind, target: r.target } satisfies ReminderJob,
      startAfter: new Date(r.at),
    })),
  );
}

/** Sends a due reminder if the slice still matches it; returns whether it was sent. */
export async function fireReminder(job: ReminderJob, now: Date, config?: NotifyConfig): Promise<boolean> {
  return transaction(async (tx) => {
    const row = await findSliceById(tx, job.sliceId);
    const slice = row && { status: row.status, start: row.startAt.getTime(), end: row.endAt.getTime(), releasedAt: row.releasedAt?.getTime() ?? null };
    if (!row || !reminderStillDue(job.kind, job.target, slice, now.getTime())) return false;
    await notify(tx, { kind: job.kind, slice: sliceRef(row) }, now, config);
    return true;
  });
}
