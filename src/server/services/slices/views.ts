import type { SliceOut } from "@/contracts/slices";
import { sliceState } from "@/core/slices/lifecycle";
import { nextRenewalAt } from "@/core/slices/renewal";
import type { SliceRow } from "@/server/db/slices";

/** What pages and API clients see of a slice. */
export function sliceView(row: SliceRow, now: Date): SliceOut {
  const end = row.releasedAt && row.releasedAt < row.endAt ? row.releasedAt : row.endAt;
  return {
    id: row.id,
    machine: row.machine,
    requester: { id: row.requester.id, name: row.requester.name },
    team: row.team,
    gpuCount: row.gpuCount,
    threads: row.threads,
    ramGb: row.ramGb,
    start: row.startAt,
    end: row.endAt,
    releasedAt: row.releasedAt,
    /** Why it ended early when the portal ended it: "idle" or "no-show" (null: released by its holder, or not ended early). */
    endReason: row.endReason,
    idleExempt: row.idleExempt,
    effectiveEnd: end,
    purpose: row.purpose,
    kind: row.kind,
    nextRenewalAt: renewalOf(row, now),
    status: row.status,
    state: sliceState({ status: row.status, start: row.startAt.getTime(), end: end.getTime() }, now.getTime()),
    gpus: row.gpus.map((g) => ({ id: g.gpu.id, index: g.gpu.index, model: g.gpu.gpuModel.name })).sort((a, b) => a.index - b.index),
    decidedBy: row.decidedBy,
    decidedAt: row.decidedAt,
    decisionReason: row.decisionReason,
    overrideReason: row.overrideReason,
    pendingExtension: row.extensions[0] ?? null,
    createdAt: row.createdAt,
  };
}

function renewalOf(row: SliceRow, now: Date): Date | null {
  const at = nextRenewalAt({ kind: row.kind, status: row.status, end: row.endAt.getTime(), releasedAt: row.releasedAt?.getTime() ?? null }, now.getTime());
  return at === null ? null : new Date(at);
}

/** What the audit log keeps of a slice: a stored row, or the row a write is about to store. */
export type AuditedSlice = Pick<SliceRow, "status" | "gpuCount" | "threads" | "ramGb" | "startAt" | "endAt" | "releasedAt" | "endReason" | "idleExempt"> & {
  machine: { name: string };
  gpus: readonly { gpu: { index: number } }[];
};

/** The compact before/after the audit log keeps for a slice. */
export function auditSnapshot(row: AuditedSlice) {
  return {
    machine: row.machine.name,
    status: row.status,
    gpus: row.gpus.map((g) => g.gpu.index).sort((a, b) => a - b),
    gpuCount: row.gpuCount,
    threads: row.threads,
    ramGb: row.ramGb,
    start: row.startAt.toISOString(),
    end: row.endAt.toISOString(),
    releasedAt: row.releasedAt?.toISOString(),
    endReason: row.endReason ?? undefined,
    idleExempt: row.idleExempt || undefined,
  };
}
