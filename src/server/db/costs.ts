import type { SliceKind } from "@/core/slices/kinds";
import type { HeldSlice, MachineCostProfile, PriceEntry } from "@/core/costs/types";
import type { Db } from "./tx";

const UNIT = { gpu_hour: "gpu-hour", vcpu_hour: "vcpu-hour", gb_hour: "gb-hour" } as const;

/** GPU models without a cloud SKU are priced as this SKU, which has no price: the ledger then names it. */
export const UNPRICED_SKU = "(no cloud equivalent set)";

/** Machines with everything the ledger needs; capex is the explicit purchase price, else the build's total. */
export async function findMachineCostProfiles(client: Db) {
  const machines = await client.machine.findMany({
    orderBy: { name: "asc" },
    include: {
      gpus: { orderBy: { index: "asc" }, include: { gpuModel: { select: { name: true, boardPowerW: true, cloudSku: true } } } },
      build: { select: { id: true, name: true, parts: { select: { quantity: true, unitPriceMicros: true } }, quotes: { select: { vendor: true, description: true, priceMicros: true } } } },
    },
  });
  return machines.map((m) => {
    const buildTotal = m.build?.parts.reduce((sum, p) => sum + BigInt(p.quantity) * p.unitPriceMicros, 0n) ?? null;
    const profile: MachineCostProfile = {
      machineId: m.id,
      gpuCount: m.gpus.length,
      inService: m.inServiceAt.getTime(),
      retiredAt: m.retiredAt?.getTime(),
      capexMicros: m.purchasePriceMicros ?? buildTotal ?? 0n,
      amortizationMonths: m.amortizationMonths,
      baselineWatts: m.baselineWatts,
      pricePerKwhMicros: m.kwhPriceMicros,
      maintenancePerMonthMicros: m.maintenancePerMonthMicros,
      vcpuSku: m.vcpuSku,
      ramSku: m.ramSku,
      gpus: m.gpus.map((g) => ({ gpuId: g.id, boardPowerW: g.gpuModel.boardPowerW, cloudSku: g.gpuModel.cloudSku ?? UNPRICED_SKU })),
    };
    return {
      profile,
      name: m.name,
      capexSource: m.purchasePriceMicros !== null ? ("purchase price" as const) : buildTotal !== null ? ("build total" as const) : ("none" as const),
      build: m.build ? { id: m.build.id, name: m.build.name, totalMicros: buildTotal ?? 0n, quotes: m.build.quotes } : null,
      gpuModels: [...new Set(m.gpus.map((g) => `${g.gpuModel.name} → ${g.gpuModel.cloudSku ?? UNPRICED_SKU}`))],
    };
  });
}

export async function findPriceEntries(client: Db): Promise<(PriceEntry & { id: string; sourceNote: string; referenceDefault: boolean })[]> {
  const rows = await client.priceEntry.findMany({ orderBy: [{ sku: "asc" }, { effectiveFrom: "asc" }] });
  return rows.map((r) => ({ id: r.id, sku: r.sku, provider: r.provider, unit: UNIT[r.unit], priceMicros: r.priceMicros, effectiveFrom: r.effectiveFrom.getTime(), sourceNote: r.sourceNote, referenceDefault: r.referenceDefault }));
}

interface HoldRow {
  slice_id: string;
  gpu_id: string;
  machine_id: string;
  team_id: string;
  kind: SliceKind;
  requester_id: string;
  threads: number;
  ram_gb: number;
  start_ms: number;
  end_ms: number;
}

/**
 * Every approved slice as held, read straight from the GPU holds (whose end already is the
 * release time when released) in one query with plain columns, because the savings report
 * reads tens of thousands of them.
 */
export async function findHeldSlices(client: Db, filter: { userId?: string } = {}): Promise<HeldSlice[]> {
  const rows = filter.userId
    ? await client.$queryRaw<HoldRow[]>`
        SELECT sg.slice_id::text, sg.gpu_id::text, s.machine_id::text, s.team_id::text, s.requester_id::text, s.kind::text, s.threads, s.ram_gb,
               (extract(epoch FROM sg.start_at) * 1000)::float8 AS start_ms, (extract(epoch FROM sg.end_at) * 1000)::float8 AS end_ms
        FROM slice_gpu sg JOIN slice s ON s.id = sg.slice_id
        WHERE s.status = 'approved' AND s.requester_id = ${filter.userId}::uuid`
    : await client.$queryRaw<HoldRow[]>`
        SELECT sg.slice_id::text, sg.gpu_id::text, s.machine_id::text, s.team_id::text, s.requester_id::text, s.kind::text, s.threads, s.ram_gb,
               (extract(epoch FROM sg.start_at) * 1000)::float8 AS start_ms, (extract(epoch FROM sg.end_at) * 1000)::float8 AS end_ms
        FROM slice_gpu sg JOIN slice s ON s.id = sg.slice_id
        WHERE s.status = 'approved'`;
  const bySlice = new Map<string, HeldSlice & { gpuIds: string[] }>();
  for (const r of rows) {
    const held = bySlice.get(r.slice_id);
    if (held) held.gpuIds.push(r.gpu_id);
    else
      bySlice.set(r.slice_id, {
        id: r.slice_id,
        machineId: r.machine_id,
        teamId: r.team_id,
        userId: r.requester_id,
        kind: r.kind,
        gpuIds: [r.gpu_id],
        threads: r.threads,
        ramGb: r.ram_gb,
        start: Number(r.start_ms),
        end: Number(r.end_ms),
      });
  }
  return [...bySlice.values()];
}

/**
 * A cheap fingerprint of everything the ledger reads, so cached cost data is only reused while
 * it still holds. Slices are never deleted (they are cancelled or released, which updates them),
 * so their latest update, read from an index, stands for the whole table.
 */
export async function costDataVersion(client: Db): Promise<string> {
  const [row] = await client.$queryRaw<{ v: string }[]>`
    SELECT concat_ws('|',
      (SELECT max(updated_at)::text FROM slice),
      (SELECT count(*) || ':' || coalesce(max(created_at)::text, '') FROM price_entry),
      (SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') FROM machine),
      (SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') FROM build),
      (SELECT count(*) FROM gpu), (SELECT string_agg(coalesce(cloud_sku, '') || board_power_w, ',' ORDER BY id) FROM gpu_model),
      (SELECT count(*) || ':' || coalesce(max(created_at)::text, '') FROM team)) AS v`;
  return row?.v ?? "";
}
