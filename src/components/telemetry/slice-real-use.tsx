"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";
import { hours, mib, pct } from "./format";

/** A slice's real use from the machine's agent: average and peak utilization, peak memory, idle minutes, programs seen. */
export function SliceRealUse({ sliceId, started = true }: { sliceId: string; started?: boolean }) {
  const trpc = useTRPC();
  const usage = useQuery({ ...trpc.telemetry.sliceUsage.queryOptions({ sliceIds: [sliceId] }), enabled: started, refetchInterval: 60_000 });
  if (!started) return null;
  const use = usage.data?.[0];
  if (usage.isPending) return <p className="text-slate-500">Real use: loading…</p>;
  if (usage.isError) return <p className="text-slate-600">Real use could not be loaded.</p>;
  if (!use || use.samples === 0) return <p className="text-slate-600">Real use: no telemetry from the machine for this slice.</p>;
  const programs = use.processesSeen.slice(0, 3).map((p) => `${p.name} (${p.who})`).join(", ");
  return (
    <p className="text-slate-700" data-testid="slice-real-use">
      <span className="font-medium text-slate-900">Real use:</span> average {pct(use.avgUtilPct)}, peak {pct(use.peakUtilPct)} · peak memory {mib(use.peakMemMib)} · idle {use.idleMinutes} min · used {hours(use.usedGpuHours)} of {hours(use.measuredGpuHours)} measured GPU-hours
      {programs && <> · seen: {programs}</>}
    </p>
  );
}
