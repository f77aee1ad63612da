import { Gauge, Users } from "lucide-react";
import type { ReactNode } from "react";
import { formatUsd, formatUsdPrecise } from "@/core/costs/money";
import { formatGpuHours } from "./format";
import type { MyUsage } from "./report-view";

function Figure({ label, value, title }: { label: string; value: ReactNode; title?: string }) {
  return (
    <div>
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold tracking-tight text-slate-900 tabular-nums" title={title}>
        {value}
      </dd>
    </div>
  );
}

function UsageCard({ icon, title, children }: { icon: ReactNode; title: string; children: ReactNode }) {
  return (
    <article aria-label={title} className="rounded-lg border border-slate-200 bg-white shadow-xs">
      <h2 className="flex items-center gap-2 border-b border-slate-200 px-5 py-4 text-base font-semibold text-slate-900">
        <span aria-hidden="true" className="flex size-7 items-center justify-center rounded-md bg-indigo-50 text-indigo-700">
          {icon}
        </span>
        {title}
      </h2>
      <dl className="grid gap-5 px-5 py-5 sm:grid-cols-3">{children}</dl>
    </article>
  );
}

/** A member's own GPU time and its cloud price, next to their team's. */
export function MyUsageCards({ usage }: { usage: MyUsage }) {
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <UsageCard icon={<Gauge className="size-4" />} title="You">
        <Figure label="GPU-hours held" value={formatGpuHours(usage.mine.heldGpuHours * 3_600_000)} />
        <Figure label="Slices" value={usage.mine.slices.toLocaleString("en-US")} />
        <Figure label="Cloud-equivalent" value={formatUsd(usage.mine.cloudEquivalentMicros)} title={formatUsdPrecise(usage.mine.cloudEquivalentMicros)} />
      </UsageCard>
      <UsageCard icon={<Users className="size-4" />} title={`Team ${usage.team.name}`}>
        <Figure label="GPU-hours held" value={formatGpuHours(usage.team.heldGpuHours * 3_600_000)} />
        <Figure label="Cloud-equivalent" value={formatUsd(usage.team.cloudEquivalentMicros)} title={formatUsdPrecise(usage.team.cloudEquivalentMicros)} />
        <Figure label="Savings" value={formatUsd(usage.team.savingsMicros)} title={formatUsdPrecise(usage.team.savingsMicros)} />
      </UsageCard>
    </div>
  );
}
