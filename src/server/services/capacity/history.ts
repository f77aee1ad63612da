import { FAIR_SHARE_WINDOW_MS } from "@/core/placement/fair-share";
import type { ReplayRequest } from "@/core/capacity/replay";
import { MS_PER_MINUTE } from "@/core/slices/time";
import { findPeriodEntries, findPeriodFixedSlices } from "@/server/db/capacity";
import type { Db } from "@/server/db/tx";
import { findFleetBookings, findPlacementMachines } from "@/server/db/waitlist";
import { loadFleet } from "../waitlist/fleet";

/**
 * The inputs of a replay of [from, until) from what the database recorded: the machines in
 * service then (as active: the replay asks what the hardware could do), the requests by machine
 * as booked, the requests by need as asked (with how long each held its GPUs once started), the
 * slices of the 30 days before for fair share, and the teams' shares.
 */
export async function loadReplayInputs(client: Db, from: Date, until: Date) {
  const [fleet, rows, fixed, entries, before] = await Promise.all([
    loadFleet(client, until),
    findPlacementMachines(client),
    findPeriodFixedSlices(client, from, until),
    findPeriodEntries(client, from, until),
    findFleetBookings(client, new Date(from.getTime() - FAIR_SHARE_WINDOW_MS), from),
  ]);
  const inService = new Set(rows.filter((m) => m.inServiceAt < until && (!m.retiredAt || m.retiredAt > from)).map((m) => m.id));
  const machines = fleet.machines.filter((m) => inService.has(m.machineId)).map((m) => ({ ...m, status: "active" as const }));
  const requests: ReplayRequest[] = [
    // A slice imported or seeded after the fact was "created" after it started: it arrives at its start.
    ...fixed.map((f) => ({ kind: "fixed" as const, ...f, createdAt: Math.min(f.createdAt, f.booking.start) })),
    ...entries
      .filter((e) => e.status !== "cancelled")
      .map((e) => {
        const durationMs = e.durationMinutes * MS_PER_MINUTE;
        const held = e.slice ? Math.min(e.slice.releasedAt?.getTime() ?? Infinity, e.slice.endAt.getTime()) - e.slice.startAt.getTime() : durationMs;
        return {
          kind: "need" as const,
          id: e.id,
          userId: e.requesterId,
          teamId: e.teamId,
          createdAt: e.createdAt.getTime(),
          need: {
            gpuCount: e.gpuCount,
            minGpuMemoryGb: e.minGpuMemoryGb ?? undefined,
            gpuModels: e.gpuModels,
            threadsPerGpu: e.threadsPerGpu ?? undefined,
            ramGbPerGpu: e.ramGbPerGpu ?? undefined,
            durationMs,
            notBefore: e.earliestStart.getTime(),
            latestEnd: e.latestEnd?.getTime(),
          },
          heldMs: Math.max(1, held),
          waitlist: true,
        };
      }),
  ];
  return { machines, requests, before: before.filter((b) => b.start < from.getTime()), shares: fleet.shares, entries, fleet, rows };
}
