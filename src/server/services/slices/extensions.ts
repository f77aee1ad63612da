import { AppError, notFound } from "@/core/errors";
import { canRequestExtension, effectiveEnd } from "@/core/slices/lifecycle";
import { formatUtc } from "@/core/slices/format";
import { recordAudit } from "@/server/db/audit";
import { findExtensionById, findSliceById, insertExtension, setHoldsEnd, updateExtensionRow, updateSliceRow, type SliceRow } from "@/server/db/slices";
import { transaction, type Db } from "@/server/db/tx";
import { sliceEvents } from "@/server/notifications/slice-events";
import { lockAllTeams } from "@/server/db/waitlist";
import { placeWaiting } from "../waitlist/pass";
import type { Actor } from "../actor";
import { decisionOf } from "./approve";
import { capacityConflicts, loadDecisionContext, quotaViolations, refusal, type DecisionContext } from "./checks";
import { loadOwnSlice } from "./lifecycle";
import { auditSnapshot, sliceView } from "./views";

/**
 * Checks a longer end for an approved slice (an extension, a serving renewal): capacity from now (the past is already held) to
 * the new end, quotas over the whole slice, both without the slice itself.
 */
export function extensionProblems(ctx: DecisionContext, row: SliceRow, newEnd: Date, now: Date) {
  const gpuIds = row.gpus.map((g) => g.gpu.id);
  const base = { ...decisionOf(row, { gpuIds, end: newEnd.getTime() }), excludeBookingId: row.id };
  const fromNow = { ...base, request: { ...base.request, start: Math.max(row.startAt.getTime(), now.getTime()) } };
  return { conflicts: capacityConflicts(ctx, fromNow, now), violations: quotaViolations(ctx, base, now) };
}

async function applyExtension(tx: Db, actor: Actor | null, row: SliceRow, extensionId: string, newEnd: Date, now: Date, reason?: string) {
  await updateExtensionRow(tx, extensionId, { status: "approved", decidedById: actor?.id, decidedAt: now, decisionReason: reason ?? null });
  const after = await updateSliceRow(tx, row.id, { endAt: newEnd });
  await setHoldsEnd(tx, row.id, newEnd);
  await recordAudit(tx, {
    actorId: actor?.id ?? null,
    action: "slice.extend",
    subjectType: "slice",
    subjectId: row.id,
    before: auditSnapshot(row),
    after: auditSnapshot(after),
    reason,
  });
  await sliceEvents.extensionDecided(tx, row, after, { extensionId, approved: true, requestedEnd: newEnd, by: actor?.name ?? null, reason: reason ?? null }, now);
  return after;
}

/** The holder asks to keep a slice longer; pending until an admin (or the auto-approve policy) decides. */
export async function requestExtension(actor: Actor, input: { sliceId: string; end: Date; reason: string }, now: Date) {
  return transaction(async (tx) => {
    const row = await loadOwnSlice(tx, actor, input.sliceId);
    const end = effectiveEnd(row.endAt.getTime(), row.releasedAt?.getTime());
    if (!canRequestExtension({ status: row.status, start: row.startAt.getTime(), end }, now.getTime())) {
      throw new AppError("CONFLICT", "Only an upcoming or active approved slice can be extended.", { field: "sliceId" });
    }
    if (row.extensions.length > 0) throw new AppError("CONFLICT", "An extension of this slice is already waiting for a decision.", { field: "sliceId" });
    if (input.end.getTime() <= end) throw new AppError("VALIDATION", `The new end must be after the current end (${formatUtc(end)}).`, { field: "end" });
    const ctx = await loadDecisionContext(tx, decisionOf(row), now, { lock: false });
    const { conflicts, violations } = extensionProblems(ctx, row, input.end, now);
    if (conflicts.length > 0) throw refusal(conflicts, [], null);
    const extension = await insertExtension(tx, { sliceId: row.id, requestedEndAt: input.end, reason: input.reason });
    await recordAudit(tx, { actorId: actor.id, action: "slice.extension-request", subjectType: "slice", subjectId: row.id, after: { requestedEnd: input.end.toISOString() }, reason: input.reason });
    if (ctx.policy.autoApprove && violations.length === 0) {
      return sliceView(await applyExtension(tx, null, row, extension.id, input.end, now, "Auto-approved: it fits capacity and quota (auto-approve policy)."), now);
    }
    await sliceEvents.extensionRequested(tx, row, extension, now);
    return sliceView((await findSliceById(tx, row.id))!, now);
  });
}

/** An admin approves (optionally overriding quotas with a reason) or rejects an extension. */
export async function decideExtension(
  actor: Actor,
  input: { extensionId: string; approve: boolean; reason?: string; overrideReason?: string },
  now: Date,
) {
  return transaction(async (tx) => {
    const extension = await findExtensionById(tx, input.extensionId);
    if (!extension) throw notFound("Extension request", "extensionId");
    // A refusal lets the waitlist use what the extension would have taken: its locks come first.
    if (!input.approve) await lockAllTeams(tx);
    const ctx = await loadDecisionContext(tx, decisionOf(extension.slice), now);
    const row = (await findSliceById(tx, extension.sliceId))!;
    const current = await findExtensionById(tx, input.extensionId);
    if (current?.status !== "pending") throw new AppError("CONFLICT", `This extension is already ${current?.status}.`, { field: "extensionId" });
    if (!input.approve) {
      if (!input.reason) throw new AppError("VALIDATION", "reason: a rejection needs a reason.", { field: "reason" });
      await updateExtensionRow(tx, extension.id, { status: "rejected", decidedById: actor.id, decidedAt: now, decisionReason: input.reason });
      await recordAudit(tx, { actorId: actor.id, action: "slice.extension-reject", subjectType: "slice", subjectId: row.id, after: { requestedEnd: extension.requestedEndAt.toISOString() }, reason: input.reason });
      await sliceEvents.extensionDecided(tx, row, row, { extensionId: extension.id, approved: false, requestedEnd: extension.requestedEndAt, by: actor.name, reason: input.reason }, now);
      await placeWaiting(tx, now, `an extension on ${row.machine.name} was refused`);
      return sliceView((await findSliceById(tx, row.id))!, now);
    }
    if (row.status !== "approved" || effectiveEnd(row.endAt.getTime(), row.releasedAt?.getTime()) <= now.getTime()) {
      throw new AppError("CONFLICT", "The slice has ended or was released; the extension can only be rejected.", { field: "extensionId" });
    }
    const { conflicts, violations } = extensionProblems(ctx, row, extension.requestedEndAt, now);
    if (conflicts.length > 0) throw refusal(conflicts, [], null);
    if (violations.length > 0 && !input.overrideReason) {
      throw new AppError("QUOTA_EXCEEDED", `${violations.map((v) => v.message).join(" ")} An admin may approve anyway with a written override reason.`, { field: "overrideReason", details: { quotas: violations } });
    }
    const reason = violations.length > 0 ? `Quota override: ${input.overrideReason} (${violations.map((v) => v.message).join(" ")})` : input.reason;
    return sliceView(await applyExtension(tx, actor, row, extension.id, extension.requestedEndAt, now, reason), now);
  });
}
