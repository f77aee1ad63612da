"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";
import { pct } from "./format";

/**
 * One line of live utilization per machine card. Every card reads the same fleet query (one
 * request for the whole page), refreshed every 10 s.
 */
export function FleetUse({ gpus }: { gpus: { id: string; index: number }[] }) {
  const trpc = useTRPC();
  const fleet = useQuery(trpc.telemetry.fleet.queryOptions(undefined, { refetchInterval: 10_000 }));
  const latest = new Map((fleet.data ?? []).map((s) => [s.gpuId, s]));
  const readings = gpus.map((g) => ({ index: g.index, reading: latest.get(g.id) }));
  if (!fleet.data || readings.every((r) => !r.reading)) return null;
  return (
    <p className="mt-3 text-sm text-slate-700" data-testid="fleet-use">
      <span className="font-medium text-slate-900">Live use: </span>
      {readings.map((r, i) => (
        <span key={r.index}>
          {i > 0 && " · "}GPU {r.index} {r.reading ? pct(r.reading.utilPct) : "—"}
        </span>
      ))}
    </p>
  );
}
