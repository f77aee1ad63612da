import type { MachineOut } from "@/contracts/inventory";
import { defaultSliceProfile, sliceCapacity, toMachineCapacity } from "@/core/slices/capacity";
import type { MachineRow } from "@/server/db/machines";
import type { GpuStatus } from "./gpu-status";

const freeStatus = (machine: MachineRow, gpu: MachineRow["gpus"][number]): GpuStatus => ({
  gpuId: gpu.id,
  machineId: machine.id,
  index: gpu.index,
  state: machine.status === "active" ? "free" : machine.status,
  holder: null,
  freeAt: null,
  next: null,
});

/** The columns an admin edits, as the view and the audit snapshot both show them. */
function specsOf(m: MachineRow) {
  const { name, location, status, cpuModel, cores, threads, ramGb, storage, inServiceAt, retiredAt, reservedThreads, reservedRamGb } = m;
  return { name, location, status, cpuModel, cores, threads, ramGb, storage, inServiceAt, retiredAt, reservedThreads, reservedRamGb };
}

/** What the inventory shows of a machine: its specs, GPUs with their status lines, and the default slice profile. */
export function machineView(machine: MachineRow, statuses: readonly GpuStatus[] = []): MachineOut {
  const capacity = toMachineCapacity(machine);
  const statusOf = new Map(statuses.map((s) => [s.gpuId, s]));
  return {
    id: machine.id,
    ...specsOf(machine),
    build: machine.build,
    gpus: machine.gpus.map((gpu) => ({
      id: gpu.id,
      index: gpu.index,
      uuid: gpu.uuid,
      model: { id: gpu.gpuModel.id, name: gpu.gpuModel.name, vramGb: gpu.gpuModel.vramGb, boardPowerW: gpu.gpuModel.boardPowerW },
      status: statusOf.get(gpu.id) ?? freeStatus(machine, gpu),
    })),
    /** Per GPU (PRODUCT.md): floor((threads - reserved) / GPUs) threads and floor((RAM - reserved) / GPUs) GB. */
    profile: defaultSliceProfile(capacity),
    sliceCapacity: sliceCapacity(capacity),
  };
}

/** The audit log's picture of a machine: flat values, so its "before → after" lines read well. */
export function machineSnapshot(machine: MachineRow) {
  return {
    ...specsOf(machine),
    inServiceAt: machine.inServiceAt.toISOString(),
    retiredAt: machine.retiredAt?.toISOString() ?? null,
    gpus: machine.gpus.map((gpu) => `${gpu.index}: ${gpu.gpuModel.name}${gpu.uuid ? ` (${gpu.uuid})` : ""}`),
  };
}
