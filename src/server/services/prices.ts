import type { z } from "zod";
import type { NewPrice, updateMachineCostsIn } from "@/contracts/savings";
import { AppError, notFound } from "@/core/errors";
import { recordAudit } from "@/server/db/audit";
import { findPriceEntries } from "@/server/db/costs";
import {
  deletePriceEntryRow,
  findGpuModelById,
  findGpuModels,
  findMachineCostRow,
  findPriceEntryById,
  findSkuUnits,
  insertPriceEntry,
  setGpuModelCloudSku,
  updateMachineCostRow,
} from "@/server/db/prices";
import { read, transaction } from "@/server/db/tx";
import type { Actor } from "./actor";

const UNIT_LABEL = { gpu_hour: "GPU-hour", vcpu_hour: "vCPU-hour", gb_hour: "GB-hour" } as const;

/** The catalog with history, plus the GPU-model mapping that says which SKU prices which card. */
export async function listPriceCatalog() {
  return read(async (client) => {
    const [entries, gpuModels] = await Promise.all([findPriceEntries(client), findGpuModels(client)]);
    return { entries: entries.map((e) => ({ ...e, effectiveFrom: new Date(e.effectiveFrom) })), gpuModels };
  });
}

/**
 * Adds a price to a SKU's history. Entries are never edited in place: a new price gets a new
 * effective date, so every past report stays reproducible; a mistaken entry is deleted.
 */
export async function addPriceEntry(actor: Actor, input: NewPrice) {
  return transaction(async (tx) => {
    const units = await findSkuUnits(tx, input.sku);
    if (units.some((u) => u.unit !== input.unit)) {
      throw new AppError("VALIDATION", `SKU ${input.sku} is priced per ${UNIT_LABEL[units[0]!.unit]}, not per ${UNIT_LABEL[input.unit]}.`, { field: "unit" });
    }
    const entry = await insertPriceEntry(tx, input);
    await recordAudit(tx, { actorId: actor.id, action: "price.add", subjectType: "price", subjectId: entry.id, after: { ...input, priceMicros: input.priceMicros.toString() } });
    return { id: entry.id };
  });
}

export async function deletePriceEntry(actor: Actor, input: { entryId: string; reason: string }) {
  return transaction(async (tx) => {
    const entry = await findPriceEntryById(tx, input.entryId);
    if (!entry) throw notFound("Price entry", "entryId");
    await deletePriceEntryRow(tx, entry.id);
    await recordAudit(tx, { actorId: actor.id, action: "price.delete", subjectType: "price", subjectId: entry.id, before: { ...entry, priceMicros: entry.priceMicros.toString() }, reason: input.reason });
    return { id: entry.id };
  });
}

export async function setCloudEquivalent(actor: Actor, input: { gpuModelId: string; cloudSku: string | null }) {
  return transaction(async (tx) => {
    const model = await findGpuModelById(tx, input.gpuModelId);
    if (!model) throw notFound("GPU model", "gpuModelId");
    if (input.cloudSku) {
      const units = await findSkuUnits(tx, input.cloudSku);
      if (units.length === 0) throw new AppError("VALIDATION", `There is no price for SKU ${input.cloudSku}; add one to the catalog first.`, { field: "cloudSku" });
      if (units.some((u) => u.unit !== "gpu_hour")) throw new AppError("VALIDATION", `SKU ${input.cloudSku} is not priced per GPU-hour.`, { field: "cloudSku" });
    }
    await setGpuModelCloudSku(tx, model.id, input.cloudSku);
    await recordAudit(tx, { actorId: actor.id, action: "gpu-model.cloud-sku", subjectType: "gpu-model", subjectId: model.id, before: { cloudSku: model.cloudSku }, after: { cloudSku: input.cloudSku } });
    return { id: model.id };
  });
}

export async function getMachineCosts(machineId: string) {
  const row = await read((client) => findMachineCostRow(client, machineId));
  if (!row) throw notFound("Machine", "machineId");
  return row;
}

/** The on-prem cost assumptions of one machine (capex, amortization, power, $/kWh, maintenance, cloud VM SKUs). */
export async function updateMachineCosts(actor: Actor, input: z.output<typeof updateMachineCostsIn>) {
  return transaction(async (tx) => {
    const before = await findMachineCostRow(tx, input.machineId);
    if (!before) throw notFound("Machine", "machineId");
    for (const [field, unit] of [["vcpuSku", "vcpu_hour"], ["ramSku", "gb_hour"]] as const) {
      const units = await findSkuUnits(tx, input[field]);
      if (!units.some((u) => u.unit === unit)) throw new AppError("VALIDATION", `There is no ${UNIT_LABEL[unit]} price for SKU ${input[field]}.`, { field });
    }
    const { machineId, ...values } = input;
    const after = await updateMachineCostRow(tx, machineId, values);
    const show = (m: typeof before) => ({ ...m, purchasePriceMicros: m.purchasePriceMicros?.toString() ?? null, kwhPriceMicros: m.kwhPriceMicros.toString(), maintenancePerMonthMicros: m.maintenancePerMonthMicros.toString() });
    await recordAudit(tx, { actorId: actor.id, action: "machine.costs", subjectType: "machine", subjectId: machineId, before: show(before), after: show({ ...before, ...after }) });
    return { id: machineId };
  });
}
