import type { MachineCostValues, NewPrice } from "@/contracts/savings";
import type { Db } from "./tx";

export function insertPriceEntry(tx: Db, data: NewPrice) {
  return tx.priceEntry.create({ data });
}

export function findPriceEntryById(client: Db, id: string) {
  return client.priceEntry.findUnique({ where: { id } });
}

export function findSkuUnits(client: Db, sku: string) {
  return client.priceEntry.findMany({ where: { sku }, select: { unit: true }, distinct: ["unit"] });
}

export function deletePriceEntryRow(tx: Db, id: string) {
  return tx.priceEntry.delete({ where: { id } });
}

export function updateMachineCostRow(tx: Db, id: string, data: MachineCostValues) {
  return tx.machine.update({ where: { id }, data });
}

export function findMachineCostRow(client: Db, id: string) {
  return client.machine.findUnique({
    where: { id },
    select: { id: true, name: true, purchasePriceMicros: true, amortizationMonths: true, baselineWatts: true, kwhPriceMicros: true, maintenancePerMonthMicros: true, vcpuSku: true, ramSku: true },
  });
}

export function setGpuModelCloudSku(tx: Db, id: string, cloudSku: string | null) {
  return tx.gpuModel.update({ where: { id }, data: { cloudSku } });
}

export function findGpuModelById(client: Db, id: string) {
  return client.gpuModel.findUnique({ where: { id } });
}

export function findGpuModels(client: Db) {
  return client.gpuModel.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, cloudSku: true, boardPowerW: true } });
}
