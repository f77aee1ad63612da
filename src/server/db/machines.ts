import type { MachineStatus } from "@/core/slices/types";
import type { Db } from "./tx";
import type { Prisma } from "./generated/client";

const machineDetail = {
  gpus: { include: { gpuModel: true }, orderBy: { index: "asc" } },
  build: { select: { id: true, name: true } },
} satisfies Prisma.MachineInclude;

export type MachineRow = Prisma.MachineGetPayload<{ include: typeof machineDetail }>;

/** The columns an admin edits; status, GPUs and the build link change through their own use-cases. */
export interface MachineData {
  name: string;
  location: string;
  status: MachineStatus;
  cpuModel: string;
  cores: number;
  threads: number;
  ramGb: number;
  storage: string;
  inServiceAt: Date;
  retiredAt: Date | null;
  reservedThreads: number;
  reservedRamGb: number;
}

export interface GpuData {
  index: number;
  gpuModelId: string;
  uuid: string | null;
}

export function findMachines(client: Db) {
  return client.machine.findMany({ include: machineDetail, orderBy: { name: "asc" } });
}

export function findMachineById(client: Db, id: string) {
  return client.machine.findUnique({ where: { id }, include: machineDetail });
}

/** Hostnames are case-insensitive, so "Zeus" and "zeus" name the same machine. */
export function findMachineByName(client: Db, name: string) {
  return client.machine.findFirst({ where: { name: { equals: name, mode: "insensitive" } }, select: { id: true, name: true } });
}

export function insertMachine(tx: Db, data: MachineData & { gpus: GpuData[] }) {
  const { gpus, ...machine } = data;
  return tx.machine.create({ data: { ...machine, gpus: { create: gpus } }, include: machineDetail });
}

export function updateMachineRow(tx: Db, id: string, data: Partial<MachineData>) {
  return tx.machine.update({ where: { id }, data, include: machineDetail });
}

const gpuDetail = {
  gpuModel: true,
  machine: { select: { id: true, name: true, status: true } },
} satisfies Prisma.GpuInclude;

export type GpuRow = Prisma.GpuGetPayload<{ include: typeof gpuDetail }>;

export function findGpuById(client: Db, id: string) {
  return client.gpu.findUnique({ where: { id }, include: gpuDetail });
}

/** UUIDs are hex, which nvidia-smi prints in lower case and people sometimes type in upper case. */
export function findGpuByUuid(client: Db, uuid: string) {
  return client.gpu.findFirst({ where: { uuid: { equals: uuid, mode: "insensitive" } }, include: gpuDetail });
}

export function insertGpu(tx: Db, machineId: string, data: GpuData) {
  return tx.gpu.create({ data: { ...data, machineId }, include: gpuDetail });
}

export function updateGpuRow(tx: Db, id: string, data: Partial<Omit<GpuData, "index">>) {
  return tx.gpu.update({ where: { id }, data, include: gpuDetail });
}

export function deleteGpuRow(tx: Db, id: string) {
  return tx.gpu.delete({ where: { id } });
}

/** Holds of the GPU in any slice, past ones included: they keep the GPU's history (and block its deletion). */
export function countGpuHolds(client: Db, gpuId: string) {
  return client.sliceGpu.count({ where: { gpuId } });
}

/** Locks a machine's row: changes to the machine's settings take turns. */
export async function lockMachine(tx: Db, machineId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "machine" WHERE id = ${machineId}::uuid FOR UPDATE`;
}
