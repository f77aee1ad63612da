import type { PartSpecs } from "@/core/builds/parts";
import { keys, sortDocument, sortQuotes, type CompleteDocument, type QuotaRecord, type SliceRecord } from "@/core/transfer/records";
import { QUOTA_RECORD_LIMITS } from "@/core/transfer/schema";
import type { InventoryRows } from "@/server/db/transfer";

/** The ids behind the natural keys of a snapshot, so an import can write to the right rows. */
export interface InventoryIds {
  teams: Map<string, string>;
  users: Map<string, string>;
  gpuModels: Map<string, string>;
  prices: Map<string, string>;
  builds: Map<string, string>;
  machines: Map<string, string>;
  /** By `${machine key}#${index}`. */
  gpus: Map<string, string>;
}

const iso = (d: Date) => d.toISOString();

/** The database as a complete inventory document (what an export writes), with the ids behind it. */
export function toSnapshot(rows: InventoryRows): { document: CompleteDocument; ids: InventoryIds } {
  const teamName = new Map(rows.teams.map((t) => [t.id, t.name]));
  const slices: SliceRecord[] = rows.slices.map((s) => ({
    externalId: s.id,
    machine: s.machine.name,
    requester: s.requester.email,
    team: s.team.name,
    status: s.status,
    gpuCount: s.gpuCount,
    gpus: s.gpus.map((g) => g.gpu.index).sort((a, b) => a - b),
    threads: s.threads,
    ramGb: s.ramGb,
    start: iso(s.startAt),
    end: iso(s.endAt),
    releasedAt: s.releasedAt && iso(s.releasedAt),
    purpose: s.purpose,
    decidedBy: s.decidedBy?.email ?? null,
    decidedAt: s.decidedAt && iso(s.decidedAt),
    decisionReason: s.decisionReason,
    overrideReason: s.overrideReason,
  }));
  const document: CompleteDocument = sortDocument({
    version: 1,
    teams: rows.teams.map((t) => ({ name: t.name })),
    users: rows.users.map((u) => ({ email: u.email, name: u.name, team: u.team.name, roles: u.assignedRoles, active: u.active, linuxUsername: u.linuxUsername })),
    gpuModels: rows.gpuModels.map((m) => ({ name: m.name, vramGb: m.vramGb, boardPowerW: m.boardPowerW, cloudSku: m.cloudSku })),
    prices: rows.prices.map((p) => ({ provider: p.provider, sku: p.sku, unit: p.unit, priceMicros: p.priceMicros.toString(), effectiveFrom: iso(p.effectiveFrom), sourceNote: p.sourceNote })),
    builds: rows.builds.map((b) => ({
      name: b.name,
      status: b.status,
      notes: b.notes,
      parts: b.parts.map((p) => ({ category: p.category, name: p.name, quantity: p.quantity, unitPriceMicros: p.unitPriceMicros.toString(), specs: p.specs as PartSpecs })),
      quotes: sortQuotes(b.quotes.map((q) => ({ vendor: q.vendor, description: q.description, priceMicros: q.priceMicros.toString(), quotedAt: q.quotedAt && iso(q.quotedAt) }))),
    })),
    machines: rows.machines.map((m) => ({
      name: m.name,
      location: m.location,
      status: m.status,
      cpuModel: m.cpuModel,
      cores: m.cores,
      threads: m.threads,
      ramGb: m.ramGb,
      storage: m.storage,
      inServiceAt: iso(m.inServiceAt),
      retiredAt: m.retiredAt && iso(m.retiredAt),
      reservedThreads: m.reservedThreads,
      reservedRamGb: m.reservedRamGb,
      build: m.build?.name ?? null,
      costs: {
        purchasePriceMicros: m.purchasePriceMicros?.toString() ?? null,
        amortizationMonths: m.amortizationMonths,
        baselineWatts: m.baselineWatts,
        kwhPriceMicros: m.kwhPriceMicros.toString(),
        maintenancePerMonthMicros: m.maintenancePerMonthMicros.toString(),
        vcpuSku: m.vcpuSku,
        ramSku: m.ramSku,
      },
      gpus: m.gpus.map((g) => ({ index: g.index, model: g.gpuModel.name, uuid: g.uuid })),
    })),
    // A row of a team that no longer exists is dropped.
    quotas: rows.quotas
      .map((q) => ({ ...q, team: q.scope === "default" ? null : (teamName.get(q.scope) ?? undefined) }))
      .filter((q): q is typeof q & { team: string | null } => q.team !== undefined)
      .map((q): QuotaRecord => ({ team: q.team, ...(Object.fromEntries(QUOTA_RECORD_LIMITS.map((k) => [k, q[k]])) as Omit<QuotaRecord, "team">) })),
    slices,
  });
  const ids: InventoryIds = {
    teams: new Map(rows.teams.map((t) => [keys.team(t.name), t.id])),
    users: new Map(rows.users.map((u) => [keys.user(u.email), u.id])),
    gpuModels: new Map(rows.gpuModels.map((m) => [keys.gpuModel(m.name), m.id])),
    prices: new Map(rows.prices.map((p) => [keys.price(p.sku, iso(p.effectiveFrom)), p.id])),
    builds: new Map(rows.builds.map((b) => [keys.build(b.name), b.id])),
    machines: new Map(rows.machines.map((m) => [keys.machine(m.name), m.id])),
    gpus: new Map(rows.machines.flatMap((m) => m.gpus.map((g) => [`${keys.machine(m.name)}#${g.index}`, g.id] as const))),
  };
  return { document, ids };
}
