import { indexPrices } from "@/core/costs/pricing";
import { FAIR_SHARE_WINDOW_MS, teamUsage } from "@/core/placement/fair-share";
import type { Need, PlacementMachine } from "@/core/placement/types";
import type { WaitingRequest } from "@/core/placement/waitlist";
import { machineCapacity } from "@/core/slices/capacity";
import { resolvePolicy, type StoredPolicy } from "@/core/slices/policy";
import type { QuotaPolicy } from "@/core/slices/quotas";
import { MS_PER_DAY, MS_PER_MINUTE } from "@/core/slices/time";
import { findPriceEntries } from "@/server/db/costs";
import { DEFAULT_SCOPE, findAllQuotaRows } from "@/server/db/quotas";
import type { Db } from "@/server/db/tx";
import { findFleetBookings, findPendingPlacements, findPlacementMachines, findTeamShares, type PlacementMachineRow, type WaitlistRow } from "@/server/db/waitlist";

/** How far ahead placement looks when no quota bounds it (the same as the slice suggestions). */
export const PLACEMENT_HORIZON_MS = 90 * MS_PER_DAY;

function toPlacementMachine(m: PlacementMachineRow, prices: ReturnType<typeof indexPrices>, now: number): PlacementMachine {
  const price = (sku: string | null) => (sku ? Number(prices.rateAt(sku, now)?.priceMicros ?? 0n) : 0);
  return {
    ...machineCapacity(m, m.id, m.gpus.map((g) => g.id)),
    gpus: m.gpus.map((g) => ({ id: g.id, model: g.gpuModel.name, vramGb: g.gpuModel.vramGb, cloudMicrosPerHour: price(g.gpuModel.cloudSku) })),
    cloudMicrosPerThreadHour: price(m.vcpuSku),
    cloudMicrosPerGbHour: price(m.ramSku),
  };
}

/**
 * Everything placement needs about the fleet at `now`: machines with GPU models and cloud
 * prices, approved slices from 30 days back (fair share) to the horizon (capacity), the slices
 * the waitlist placed that still wait for approval, team shares and each team's quota policy.
 */
export async function loadFleet(client: Db, now: Date) {
  const t = now.getTime();
  const [rows, priceEntries, approved, pending, shares, quotaRows] = await Promise.all([
    findPlacementMachines(client),
    findPriceEntries(client),
    findFleetBookings(client, new Date(t - FAIR_SHARE_WINDOW_MS), new Date(t + 2 * PLACEMENT_HORIZON_MS)),
    findPendingPlacements(client, now),
    findTeamShares(client),
    findAllQuotaRows(client),
  ]);
  const prices = indexPrices(priceEntries);
  const byScope = new Map<string, StoredPolicy>(quotaRows.map((r) => [r.scope, r]));
  const fleetRow = byScope.get(DEFAULT_SCOPE) ?? null;
  const policies = new Map<string, { quotas: QuotaPolicy; autoApprove: boolean }>();
  const policyOf = (teamId: string) => {
    if (!policies.has(teamId)) policies.set(teamId, resolvePolicy(fleetRow, byScope.get(teamId) ?? null));
    return policies.get(teamId)!;
  };
  return {
    machines: rows.map((m) => toPlacementMachine(m, prices, t)),
    bookings: [...approved, ...pending],
    usage: teamUsage(approved, t),
    shares: new Map(shares.map((s) => [s.id, s.fairShare])),
    teamNames: new Map(shares.map((s) => [s.id, s.name])),
    policyOf,
  };
}

export type Fleet = Awaited<ReturnType<typeof loadFleet>>;

/** The need a stored waiting entry stands for. */
export function needOf(e: WaitlistRow): Need {
  return {
    gpuCount: e.gpuCount,
    minGpuMemoryGb: e.minGpuMemoryGb ?? undefined,
    gpuModels: e.gpuModels,
    threadsPerGpu: e.threadsPerGpu ?? undefined,
    ramGbPerGpu: e.ramGbPerGpu ?? undefined,
    durationMs: e.durationMinutes * MS_PER_MINUTE,
    notBefore: e.earliestStart.getTime(),
    latestEnd: e.latestEnd?.getTime(),
  };
}

export function waitingRequestOf(e: WaitlistRow): WaitingRequest & { createdAt: number; pinnedRank: number | null } {
  return { id: e.id, userId: e.requesterId, teamId: e.teamId, userName: e.requester.name, teamName: e.team.name, need: needOf(e), kind: e.kind, createdAt: e.createdAt.getTime(), pinnedRank: e.pinnedRank };
}
