import { defaultSliceAmounts } from "@/core/slices/capacity";
import type { SliceKind } from "@/core/slices/kinds";
import { insertPendingSlice } from "@/server/db/slice-writes";
import type { Db } from "@/server/db/tx";
import { sliceEvents } from "@/server/notifications/slice-events";
import type { Actor } from "../actor";
import { approveLocked } from "./approve";
import { capacityConflicts, loadDecisionContext, quotaViolations, refusal, suggestWindow, type Decision } from "./checks";
import { auditSnapshot } from "./views";

export interface RequestSliceInput {
  machineId: string;
  gpuCount: number;
  threads?: number;
  ramGb?: number;
  start?: Date;
  end: Date;
  purpose: string;
  /** Why the requester needs more than their quota; makes a quota refusal a pending exception for an admin. */
  quotaException?: string;
  kind?: SliceKind;
}

/** Who a request is for: the signed-in person, or the owner of a waiting request placed for them. */
export type Requester = Pick<Actor, "id" | "name" | "teamId" | "teamName">;

/**
 * The body of requestSlice inside the caller's transaction, for every way a request is filed:
 * by machine, by need (with the GPUs placement chose), and from the waitlist. It locks the team
 * and machine and runs the same capacity and quota checks, so there is one copy of them.
 * `teamShared`: lock the team FOR SHARE (see team-locks.ts: only inside decisionTransaction).
 */
export async function fileSliceRequest(
  tx: Db,
  requester: Requester,
  input: RequestSliceInput,
  now: Date,
  options: { gpuIds?: string[]; auditActorId?: string | null; auditReason?: string; teamShared?: boolean } = {},
) {
  const start = (input.start ?? now).getTime();
  const base: Decision = {
    machineId: input.machineId,
    teamId: requester.teamId,
    userId: requester.id,
    userName: requester.name,
    teamName: requester.teamName,
    kind: input.kind,
    request: { gpuCount: input.gpuCount, threads: 0, ramGb: 0, start, end: input.end.getTime() },
  };
  const ctx = await loadDecisionContext(tx, base, now, { lock: true, teamShared: options.teamShared });
  const defaults = defaultSliceAmounts(ctx.capacity, input.gpuCount);
  const d = { ...base, request: { ...base.request, threads: input.threads ?? defaults.threads, ramGb: input.ramGb ?? defaults.ramGb, gpuIds: options.gpuIds } };
  const conflicts = capacityConflicts(ctx, d, now);
  const violations = quotaViolations(ctx, d, now);
  if (conflicts.length > 0 || (violations.length > 0 && !input.quotaException)) {
    throw refusal(conflicts, violations, suggestWindow(ctx, d, now));
  }
  const data = {
    machineId: d.machineId,
    requesterId: requester.id,
    teamId: requester.teamId,
    gpuCount: d.request.gpuCount,
    threads: d.request.threads,
    ramGb: d.request.ramGb,
    startAt: new Date(start),
    endAt: input.end,
    purpose: input.purpose,
    kind: input.kind ?? "training",
  };
  const filed = { ...data, machine: ctx.machine, status: "pending" as const, gpus: [], releasedAt: null, endReason: null, idleExempt: false };
  const row = await insertPendingSlice(tx, data, {
    actorId: options.auditActorId === undefined ? requester.id : options.auditActorId,
    action: "slice.request",
    subjectType: "slice",
    after: auditSnapshot(filed),
    reason: violations.length > 0 ? `Quota exception asked: ${input.quotaException} (${violations.map((v) => v.message).join(" ")})` : (options.auditReason ?? input.purpose),
  });
  if (ctx.policy.autoApprove && violations.length === 0) {
    return approveLocked(tx, ctx, row, { actor: null, gpuIds: options.gpuIds, now, auditReason: "Auto-approved: it fits capacity and quota (auto-approve policy)." });
  }
  await sliceEvents.requested(tx, row, violations.length > 0 ? input.quotaException! : null, now);
  return row;
}

