import { SliceStateBadge } from "@/components/slices/slice-state-badge";
import type { RouterOutputs } from "@/trpc/types";
import { formatDuration } from "@/components/slices/times";
import { LocalTime } from "@/components/time/local-time";
import { SliceRealUse } from "@/components/telemetry/slice-real-use";
import { SliceActions } from "./slice-actions";

type SliceView = RouterOutputs["slices"]["get"];

export function gpuSummary(slice: Pick<SliceView, "gpus" | "gpuCount">) {
  if (slice.gpus.length === 0) return `${slice.gpuCount} GPU${slice.gpuCount === 1 ? "" : "s"}, assigned on approval`;
  return slice.gpus.map((g) => `GPU ${g.index} (${g.model})`).join(", ");
}

/** One slice of mine: where, when, what for, what was decided, and what I can do with it. */
export function SliceItem({ slice }: { slice: SliceView }) {
  const released = slice.releasedAt && slice.releasedAt < slice.end;
  return (
    <li className="flex flex-col gap-3 px-5 py-4 sm:flex-row sm:items-start sm:justify-between">
      <div className="min-w-0 space-y-1 text-sm">
        <div className="flex flex-wrap items-center gap-2">
          <h3 className="font-semibold text-slate-900">{slice.machine.name}</h3>
          <SliceStateBadge state={slice.state} />
          <span className="text-slate-600">{gpuSummary(slice)}</span>
        </div>
        <p className="text-slate-800">
          <LocalTime at={slice.start} end={slice.effectiveEnd} kind="window" /> <span className="text-slate-500">({formatDuration(slice.effectiveEnd.getTime() - slice.start.getTime())})</span>
        </p>
        {released && (
          <p className="text-slate-600">
            {slice.endReason === "idle" ? "Reclaimed: its GPUs sat idle" : slice.endReason === "no-show" ? "Released: nothing ran on its GPUs" : "Released early"}; it was booked until <LocalTime at={slice.end} />.
          </p>
        )}
        <p className="text-slate-600">
          {slice.threads} threads · {slice.ramGb} GB RAM · <span className="text-slate-800">{slice.purpose}</span>
        </p>
        {slice.kind === "serving" && slice.nextRenewalAt && (
          <p className="text-amber-900">
            Serving: renews monthly until released; next renewal <LocalTime at={slice.nextRenewalAt} />
          </p>
        )}
        {slice.kind === "serving" && slice.state === "pending" && <p className="text-amber-900">Serving: once approved, renews monthly until released</p>}
        {slice.state === "rejected" && (
          <p className="text-red-800">
            Rejected{slice.decidedBy ? ` by ${slice.decidedBy.name}` : ""}: {slice.decisionReason ?? "no reason given"}
          </p>
        )}
        {slice.state === "cancelled" && slice.decisionReason && <p className="text-slate-600">Cancelled: {slice.decisionReason}</p>}
        {slice.status === "approved" && (
          <p className="text-slate-600">
            Approved {slice.decidedBy ? `by ${slice.decidedBy.name}` : "automatically"}
            {slice.decidedAt ? <> on <LocalTime at={slice.decidedAt} /></> : ""}
            {slice.overrideReason ? ` over quota: ${slice.overrideReason}` : ""}
          </p>
        )}
        {(slice.state === "active" || slice.state === "ended") && <SliceRealUse sliceId={slice.id} />}
        {slice.pendingExtension && (
          <p className="rounded-md bg-amber-50 px-2 py-1 text-amber-900">
            Extension to <LocalTime at={slice.pendingExtension.requestedEndAt} /> asked, waiting for an admin: {slice.pendingExtension.reason}
          </p>
        )}
      </div>
      <SliceActions slice={{ id: slice.id, machine: slice.machine.name, state: slice.state, effectiveEnd: slice.effectiveEnd, gpus: gpuSummary(slice), gpuCount: slice.gpuCount, hasPendingExtension: slice.pendingExtension !== null }} />
    </li>
  );
}
