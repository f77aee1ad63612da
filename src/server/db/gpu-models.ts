import type { z } from "zod";
import type { createGpuModelIn } from "@/contracts/inventory";
import type { Db } from "./tx";
import type { Prisma } from "./generated/client";

const withUse = { _count: { select: { gpus: true } } } satisfies Prisma.GpuModelInclude;

export type GpuModelRow = Prisma.GpuModelGetPayload<{ include: typeof withUse }>;

export type GpuModelData = z.output<typeof createGpuModelIn>;

export function findGpuModels(client: Db) {
  return client.gpuModel.findMany({ include: withUse, orderBy: { name: "asc" } });
}

export function findGpuModelById(client: Db, id: string) {
  return client.gpuModel.findUnique({ where: { id }, include: withUse });
}

/** GPU model names are unique regardless of case, so "RTX 4090" and "rtx 4090" cannot both exist. */
export function findGpuModelByName(client: Db, name: string) {
  return client.gpuModel.findFirst({ where: { name: { equals: name, mode: "insensitive" } } });
}

export function insertGpuModel(tx: Db, data: GpuModelData) {
  return tx.gpuModel.create({ data, include: withUse });
}

export function updateGpuModelRow(tx: Db, id: string, data: Partial<GpuModelData>) {
  return tx.gpuModel.update({ where: { id }, data, include: withUse });
}

export function deleteGpuModelRow(tx: Db, id: string) {
  return tx.gpuModel.delete({ where: { id } });
}
