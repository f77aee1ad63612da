import { AppError, notFound } from "@/core/errors";
import { can } from "@/core/permissions";
import { canCancel, canRelease, effectiveEnd } from "@/core/slices/lifecycle";
import { recordAudit } from "@/server/db/audit";
import { lockSliceDecision } from "@/server/db/decision-locks";
import { findSliceRow, releaseApprovedSlice } from "@/server/db/slice-writes";
import { deleteHolds, updateSliceRow } from "@/server/db/slices";
import { transaction, type Db } from "@/server/db/tx";
import { sliceEvents } from "@/server/notifications/slice-events";
import { placeWaiting } from "../waitlist/pass";
import type { Actor } from "../actor";
import { approveLocked, decisionOf } from "./approve";
import { capacityConflicts, loadDecisionContext, quotaViolations, suggestWindow, type Decision } from "./checks";
import { fileSliceRequest, type RequestSliceInput } from "./file-request";
import { decisionTransaction, quotaFreeTeamIds, teamLockShared } from "./team-locks";
import { auditSnapshot, sliceView } from "./views";

/**
 * Requests a slice. A request that cannot be met is refused with every reason and the earliest
 * window that fits. One that breaks only a quota may be filed as an exception for an admin to
 * decide. With the auto-approve policy on, a request that fits is approved at once.
 */
export async function requestSlice(actor: Actor, input: RequestSliceInput, now: Date) {
  return decisionTransaction(async (tx) => sliceView(await fileSliceRequest(tx, actor, input, now, { teamShared: teamLockShared(actor.teamId) }), now));
}

/**
 * Loads a slice for a change by its holder (or an admin), with its team and machine locked, in
 * the order and modes of src/server/db/decision-locks.ts. `teamLock`: "exclusive" (FOR UPDATE,
 * the default), "shared" (the change adds no use: a release, cancellation or rejection never
 * breaks a quota), or "policy" (shared when this process found the team without counted quotas:
 * only inside decisionTransaction, whose context check catches a wrong guess).
 * `freeing`: the change frees capacity, so when someone waits every team is locked first, for
 * the waitlist pass (with nobody waiting there is no pass, and no reason to queue behind every
 * team's decisions; an entry that joins meanwhile is placed by the minute sweep).
 */
export async function lockOwnSlice(tx: Db, actor: Actor, sliceId: string, options: { teamLock?: "exclusive" | "shared" | "policy"; freeing?: boolean } = {}) {
  const mode = options.teamLock ?? "exclusive";
  const locks = await lockSliceDecision(tx, sliceId, { sharedTeams: mode === "shared" ? "all" : mode === "policy" ? quotaFreeTeamIds() : [], freeing: options.freeing ?? false });
  if (!locks) throw notFound("Slice", "sliceId");
  if (locks.requesterId !== actor.id && !can(actor.roles, "slices:decide")) {
    throw new AppError("FORBIDDEN", "Only the person who requested this slice, or an admin, may change it.", { field: "sliceId" });
  }
  return { row: (await findSliceRow(tx, sliceId))!, locks };
}

export async function loadOwnSlice(tx: Db, actor: Actor, sliceId: string) {
  return (await lockOwnSlice(tx, actor, sliceId)).row;
}

/** Withdraws a pending request, or gives up an approved slice before it starts. */
export async function cancelSlice(actor: Actor, input: { sliceId: string; reason?: string }, now: Date) {
  return transaction(async (tx) => {
    const { row, locks } = await lockOwnSlice(tx, actor, input.sliceId, { teamLock: "shared", freeing: true });
    const { waiting } = locks;
    const window = { status: row.status, start: row.startAt.getTime(), end: effectiveEnd(row.endAt.getTime(), row.releasedAt?.getTime()) };
    if (!canCancel(window, now.getTime())) {
      const why = row.status === "approved" ? "it has already started; release it instead" : `it is ${row.status}`;
      throw new AppError("CONFLICT", `This slice cannot be cancelled: ${why}.`, { field: "sliceId" });
    }
    if (row.status === "approved") await deleteHolds(tx, row.id);
    const after = await updateSliceRow(tx, row.id, { status: "cancelled", decisionReason: input.reason ?? null });
    await recordAudit(tx, { actorId: actor.id, action: "slice.cancel", subjectType: "slice", subjectId: row.id, before: auditSnapshot(row), after: auditSnapshot(after), reason: input.reason });
    if (row.status === "approved" && waiting) await placeWaiting(tx, now, `a slice on ${row.machine.name} was cancelled`);
    return sliceView(after, now);
  });
}

/** Ends an active slice now, freeing its GPUs for everyone else. */
export async function releaseSlice(actor: Actor, input: { sliceId: string }, now: Date) {
  return transaction(async (tx) => {
    const { row, locks } = await lockOwnSlice(tx, actor, input.sliceId, { teamLock: "shared", freeing: true });
    const { waiting } = locks;
    const window = { status: row.status, start: row.startAt.getTime(), end: effectiveEnd(row.endAt.getTime(), row.releasedAt?.getTime()) };
    if (!canRelease(window, now.getTime()) || now.getTime() <= row.startAt.getTime()) {
      const why = row.status !== "approved" ? `it is ${row.status}` : now < row.startAt ? "it has not started; cancel it instead" : "it has already ended";
      throw new AppError("CONFLICT", `This slice cannot be released: ${why}.`, { field: "sliceId" });
    }
    const after = await releaseApprovedSlice(tx, row.id, now, { actorId: actor.id, action: "slice.release", subjectType: "slice", before: auditSnapshot(row), after: auditSnapshot({ ...row, releasedAt: now }) });
    await sliceEvents.released(tx, row, actor, now);
    if (waiting) await placeWaiting(tx, now, `a slice on ${row.machine.name} was released`);
    return sliceView(after, now);
  });
}

/** An admin's decision on a pending request. */
export async function approveSlice(actor: Actor, input: { sliceId: string; gpuIds?: string[]; overrideReason?: string }, now: Date) {
  return decisionTransaction(async (tx) => {
    const { row, locks } = await lockOwnSlice(tx, actor, input.sliceId, { teamLock: "policy" });
    const ctx = await loadDecisionContext(tx, decisionOf(row), now, { lock: false, teamShared: locks.teamShared });
    return sliceView(await approveLocked(tx, ctx, row, { actor, gpuIds: input.gpuIds, overrideReason: input.overrideReason, now }), now);
  });
}

export async function rejectSlice(actor: Actor, input: { sliceId: string; reason: string }, now: Date) {
  return transaction(async (tx) => {
    const { row } = await lockOwnSlice(tx, actor, input.sliceId, { teamLock: "shared" });
    if (row.status !== "pending") throw new AppError("CONFLICT", `This request is already ${row.status}.`, { field: "sliceId" });
    const after = await updateSliceRow(tx, row.id, { status: "rejected", decidedById: actor.id, decidedAt: now, decisionReason: input.reason });
    await recordAudit(tx, { actorId: actor.id, action: "slice.reject", subjectType: "slice", subjectId: row.id, before: auditSnapshot(row), after: auditSnapshot(after), reason: input.reason });
    await sliceEvents.rejected(tx, after, actor.name, input.reason, now);
    return sliceView(after, now);
  });
}

/** Read-only preview for the request form and the admin queue: what would happen, without locks. */
export async function previewDecision(tx: Db, d: Decision, now: Date) {
  const ctx = await loadDecisionContext(tx, d, now, { lock: false });
  const conflicts = capacityConflicts(ctx, d, now);
  const violations = quotaViolations(ctx, d, now);
  return { ctx, conflicts, violations, suggestion: conflicts.length + violations.length > 0 ? suggestWindow(ctx, d, now) : null };
}
