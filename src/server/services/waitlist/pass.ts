import { AppError } from "@/core/errors";
import { orderWaitlist } from "@/core/placement/fair-share";
import { planWaitlistPass } from "@/core/placement/waitlist";
import { formatUtc } from "@/core/slices/format";
import type { SliceKind } from "@/core/slices/kinds";
import { recordAudit } from "@/server/db/audit";
import type { Db } from "@/server/db/tx";
import { closeEntry, findWaitingEntries, lockAllTeams, markEntryPlaced } from "@/server/db/waitlist";
import { log } from "@/server/log";
import { notify } from "@/server/notifications/notify";
import { sliceRef } from "@/server/notifications/slice-ref";
import { fileSliceRequest } from "../slices/file-request";
import { loadFleet, PLACEMENT_HORIZON_MS, waitingRequestOf } from "./fleet";

export interface PassOutcome {
  placed: Array<{ entryId: string; sliceId: string; requesterId: string }>;
  unmeetable: string[];
}

/**
 * Places from the waitlist inside the caller's transaction, which must have called
 * lockAllTeams before any machine lock (see `freeingCapacity`). The core decides the order
 * (fair share, then age, admins' pins first) and the placements (backfilling behind a blocked
 * head); each placement is then filed through fileSliceRequest, which locks the machine and runs
 * the same capacity and quota checks as any request, and approves it where the policy allows.
 *
 * "Tell the person": each placement and each entry leaving the queue is written to the audit
 * log, shows on the person's waitlist and is notified ("waitlist-placed") beside its audit entry.
 */
export async function placeWaiting(tx: Db, now: Date, cause: string): Promise<PassOutcome> {
  const outcome: PassOutcome = { placed: [], unmeetable: [] };
  const rows = await findWaitingEntries(tx);
  if (rows.length === 0) return outcome;
  const fleet = await loadFleet(tx, now);
  const t = now.getTime();
  const queue = orderWaitlist(rows.map(waitingRequestOf), fleet.usage, fleet.shares);
  const pass = planWaitlistPass({ machines: fleet.machines, bookings: fleet.bookings, queue, now: t, horizon: t + PLACEMENT_HORIZON_MS, policyOf: (team) => fleet.policyOf(team).quotas });

  for (const { entryId, reason } of pass.unmeetable) {
    if ((await closeEntry(tx, entryId, "unmeetable", reason, now)) === 0) continue;
    await recordAudit(tx, { actorId: null, action: "waitlist.unmeetable", subjectType: "waitlist", subjectId: entryId, reason });
    outcome.unmeetable.push(entryId);
  }
  for (const { entryId, placement, backfilled } of pass.placed) {
    const row = rows.find((r) => r.id === entryId)!;
    const requester = { id: row.requesterId, name: row.requester.name, teamId: row.teamId, teamName: row.team.name };
    const how = `Placed from the waitlist when ${cause}${backfilled ? " (backfilled: it ends before the request ahead can start)" : ""}`;
    try {
      const slice = await fileSliceRequest(
        tx,
        requester,
        { machineId: placement.machineId, gpuCount: placement.gpuIds.length, threads: placement.threads, ramGb: placement.ramGb, start: new Date(placement.start), end: new Date(placement.end), purpose: row.purpose, kind: row.kind as SliceKind },
        now,
        { gpuIds: placement.gpuIds, auditActorId: null, auditReason: how },
      );
      const message = `${how}: ${placement.machineName}, ${formatUtc(placement.start)} to ${formatUtc(placement.end)}${slice.status === "pending" ? ", waiting for an admin's approval" : ""}.`;
      if ((await markEntryPlaced(tx, entryId, slice.id, placement.gpuIds, message, now)) === 0) {
        throw new AppError("CONFLICT", "This waiting request was placed already.", { field: "entryId" });
      }
      await notify(tx, { kind: "waitlist-placed", slice: sliceRef(slice), entryId, cause, backfilled, approved: slice.status === "approved" }, now);
      await recordAudit(tx, { actorId: null, action: "waitlist.place", subjectType: "waitlist", subjectId: entryId, after: { sliceId: slice.id, machine: placement.machineName, start: new Date(placement.start).toISOString(), end: new Date(placement.end).toISOString(), status: slice.status }, reason: message });
      outcome.placed.push({ entryId, sliceId: slice.id, requesterId: row.requesterId });
    } catch (error) {
      // The core saw the same data under the same locks, so a refusal here means the two
      // disagree: keep the entry waiting and say so, rather than fail the change that freed capacity.
      if (!(error instanceof AppError) || error.code === "CONFLICT") throw error;
      log.warn({ entryId, err: error.message }, "waitlist placement refused by the slice checks; the entry keeps waiting");
    }
  }
  return outcome;
}

/**
 * Wraps a change that frees capacity (a release, a cancellation, a refused extension, a
 * machine back from maintenance, a reclaimed idle GPU): takes the waitlist's locks first, runs
 * the change, then places from the waitlist in the same transaction. Call it as the first thing
 * in the change's transaction.
 */
export async function freeingCapacity<T>(tx: Db, now: Date, cause: string, change: () => Promise<T>): Promise<T> {
  await lockAllTeams(tx);
  const result = await change();
  await placeWaiting(tx, now, cause);
  return result;
}
