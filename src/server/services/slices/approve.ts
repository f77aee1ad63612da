import { AppError } from "@/core/errors";
import { proposeFreeGpus } from "@/core/slices/gpus";
import { approvePendingSlice } from "@/server/db/slice-writes";
import type { SliceRow } from "@/server/db/slices";
import type { Db } from "@/server/db/tx";
import { sliceEvents } from "@/server/notifications/slice-events";
import type { Actor } from "../actor";
import { capacityConflicts, quotaViolations, refusal, suggestWindow, type Decision, type DecisionContext } from "./checks";
import { auditSnapshot } from "./views";

/** The decision inputs of a stored slice. */
export function decisionOf(row: SliceRow, request: Partial<Decision["request"]> = {}): Decision {
  return {
    machineId: row.machineId,
    teamId: row.teamId,
    userId: row.requesterId,
    userName: row.requester.name,
    teamName: row.team.name,
    kind: row.kind,
    request: { gpuCount: row.gpuCount, threads: row.threads, ramGb: row.ramGb, start: row.startAt.getTime(), end: row.endAt.getTime(), ...request },
  };
}

/**
 * Approves a pending slice inside the caller's transaction, which already holds the team and
 * machine locks (see loadDecisionContext). A request approved after its start begins at the
 * approval instead. Quotas may be overridden by an admin with a written reason; capacity never.
 */
export async function approveLocked(
  tx: Db,
  ctx: DecisionContext,
  row: SliceRow,
  options: { actor: Actor | null; gpuIds?: string[]; overrideReason?: string; now: Date; auditReason?: string },
) {
  const { now } = options;
  if (row.status !== "pending") {
    throw new AppError("CONFLICT", `This request is already ${row.status}${row.decidedBy ? ` (by ${row.decidedBy.name})` : ""}.`, { field: "sliceId" });
  }
  const start = Math.max(row.startAt.getTime(), now.getTime());
  if (row.endAt.getTime() <= start) {
    throw new AppError("CONFLICT", "This request's window has already passed; reject it or ask for a new one.", { field: "sliceId" });
  }
  const d = decisionOf(row, { start });
  const gpuIds = options.gpuIds ?? proposeFreeGpus({ machine: ctx.capacity, bookings: ctx.machineBookings, gpuCount: row.gpuCount, start, end: d.request.end }) ?? undefined;
  const decision = { ...d, request: { ...d.request, gpuIds } };
  const conflicts = capacityConflicts(ctx, decision, now);
  const violations = quotaViolations(ctx, decision, now);
  if (conflicts.length > 0 || (violations.length > 0 && !options.overrideReason)) {
    const error = refusal(conflicts, violations, suggestWindow(ctx, d, now));
    if (conflicts.length === 0) {
      throw new AppError("QUOTA_EXCEEDED", `${error.message} An admin may approve anyway with a written override reason.`, { field: "overrideReason", details: error.details });
    }
    throw error;
  }
  // gpuIds is set: without free GPUs capacityConflicts reported NOT_ENOUGH_FREE_GPUS above, and
  // each is on the machine (else GPU_NOT_ON_MACHINE).
  const held = gpuIds!.map((id) => ({ gpu: { index: ctx.machine.gpus.find((g) => g.id === id)!.index } }));
  const approved = await approvePendingSlice(
    tx,
    row.id,
    { gpuIds: gpuIds!, startAt: new Date(start), endAt: row.endAt, decidedById: options.actor?.id ?? null, decidedAt: now, overrideReason: violations.length > 0 ? options.overrideReason! : null },
    {
      actorId: options.actor?.id ?? null,
      action: violations.length > 0 ? "slice.approve-override" : "slice.approve",
      subjectType: "slice",
      before: auditSnapshot(row),
      after: auditSnapshot({ ...row, status: "approved", startAt: new Date(start), gpus: held }),
      reason: violations.length > 0 ? `Quota override: ${options.overrideReason} (${violations.map((v) => v.message).join(" ")})` : options.auditReason,
    },
  );
  await sliceEvents.approved(tx, approved, { by: options.actor?.name ?? null, overrideReason: violations.length > 0 ? options.overrideReason! : null }, now);
  return approved;
}
