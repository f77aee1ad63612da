import { MAX_GPUS_PER_MACHINE } from "@/contracts/inventory";
import { AppError, notFound } from "@/core/errors";
import { formatUtc, plural } from "@/core/slices/format";
import { recordAudit } from "@/server/db/audit";
import { findGpuHoldRows } from "@/server/db/gpu-holds";
import { findGpuModelById } from "@/server/db/gpu-models";
import { countGpuHolds, deleteGpuRow, findGpuById, findGpuByUuid, findMachineById, insertGpu, updateGpuRow, type GpuRow } from "@/server/db/machines";
import { transaction, type Db } from "@/server/db/tx";
import type { Actor } from "./actor";

/** A GPU UUID identifies one physical card, so two GPUs never share one. */
export async function assertUuidFree(tx: Db, uuid: string, field: string, exceptGpuId?: string) {
  const clash = await findGpuByUuid(tx, uuid);
  if (clash && clash.id !== exceptGpuId) {
    throw new AppError("CONFLICT", `UUID ${uuid} already belongs to GPU ${clash.index} of ${clash.machine.name}.`, { field });
  }
}

/** "GPU 2 of zeus": how messages and the audit log name a GPU. */
const gpuName = (gpu: Pick<GpuRow, "index" | "machine">) => `GPU ${gpu.index} of ${gpu.machine.name}`;

export function gpuView(gpu: GpuRow) {
  return {
    id: gpu.id,
    machineId: gpu.machineId,
    index: gpu.index,
    uuid: gpu.uuid,
    model: { id: gpu.gpuModel.id, name: gpu.gpuModel.name, vramGb: gpu.gpuModel.vramGb, boardPowerW: gpu.gpuModel.boardPowerW },
  };
}

/** The audit entry's picture of a GPU; `name` is how the audit log lists the subject. */
const snapshot = (gpu: GpuRow) => ({ name: gpuName(gpu), machine: gpu.machine.name, index: gpu.index, model: gpu.gpuModel.name, uuid: gpu.uuid });

async function loadGpu(tx: Db, gpuId: string) {
  const gpu = await findGpuById(tx, gpuId);
  if (!gpu) throw notFound("GPU", "gpuId");
  return gpu;
}

async function assertModelExists(tx: Db, gpuModelId: string) {
  if (!(await findGpuModelById(tx, gpuModelId))) throw notFound("GPU model", "gpuModelId");
}

/** Adds a GPU at the given index, or at the lowest free one (filling the gap a removed card left). */
export async function addGpu(actor: Actor, input: { machineId: string; gpuModelId: string; uuid?: string | null; index?: number }) {
  return transaction(async (tx) => {
    const machine = await findMachineById(tx, input.machineId);
    if (!machine) throw notFound("Machine", "machineId");
    if (machine.status === "retired") {
      throw new AppError("CONFLICT", `${machine.name} is retired; reactivate it before adding GPUs.`, { field: "machineId" });
    }
    if (machine.gpus.length >= MAX_GPUS_PER_MACHINE) {
      throw new AppError("VALIDATION", `${machine.name} already has ${MAX_GPUS_PER_MACHINE} GPUs, the most a machine can have.`, { field: "machineId" });
    }
    await assertModelExists(tx, input.gpuModelId);
    const used = new Set(machine.gpus.map((gpu) => gpu.index));
    if (input.index !== undefined && used.has(input.index)) {
      throw new AppError("CONFLICT", `${machine.name} already has a GPU ${input.index}.`, { field: "index" });
    }
    let index = input.index ?? 0;
    while (input.index === undefined && used.has(index)) index++;
    const uuid = input.uuid?.trim() || null;
    if (uuid) await assertUuidFree(tx, uuid, "uuid");
    const gpu = await insertGpu(tx, machine.id, { index, gpuModelId: input.gpuModelId, uuid });
    await recordAudit(tx, { actorId: actor.id, action: "gpu.add", subjectType: "gpu", subjectId: gpu.id, after: snapshot(gpu) });
    return gpuView(gpu);
  });
}

/** Changes a GPU's model (a card was swapped) or its UUID (null clears it). The index stays as given. */
export async function updateGpu(actor: Actor, input: { gpuId: string; gpuModelId?: string; uuid?: string | null }) {
  return transaction(async (tx) => {
    const before = await loadGpu(tx, input.gpuId);
    if (input.gpuModelId) await assertModelExists(tx, input.gpuModelId);
    const uuid = input.uuid === undefined ? undefined : input.uuid?.trim() || null;
    if (uuid) await assertUuidFree(tx, uuid, "uuid", before.id);
    const after = await updateGpuRow(tx, before.id, { gpuModelId: input.gpuModelId, uuid });
    if (JSON.stringify(snapshot(before)) !== JSON.stringify(snapshot(after))) {
      await recordAudit(tx, { actorId: actor.id, action: "gpu.update", subjectType: "gpu", subjectId: before.id, before: snapshot(before), after: snapshot(after) });
    }
    return gpuView(after);
  });
}

/**
 * Removes a GPU that no slice holds now, has booked, or ever held. Past holds are refused too,
 * rather than hiding the GPU behind a "removed" flag: slice_gpu rows keep pointing at the GPU
 * for the cost and utilisation history (the foreign key restricts deletion), and a flag would
 * have to be honoured by every proposal, count and capacity check. A card that leaves after
 * being used is recorded by retiring the machine, or the GPU simply stays listed.
 */
export async function removeGpu(actor: Actor, input: { gpuId: string; reason?: string }, now: Date) {
  // Serializable: the guard reads holds that a concurrent approval may be adding.
  return transaction(
    async (tx) => {
      const gpu = await loadGpu(tx, input.gpuId);
      const holds = (await findGpuHoldRows(tx, [gpu.machineId], now)).filter((row) => row.gpuId === gpu.id && row.sliceId);
      const [first] = holds;
      if (first?.startAt && first.endAt) {
        const later = holds.length > 1 ? ` (and ${plural(holds.length - 1, "later booking")})` : "";
        const when =
          first.startAt <= now
            ? `is held by ${first.holderName} until ${formatUtc(first.endAt.getTime())}`
            : `is booked by ${first.holderName} from ${formatUtc(first.startAt.getTime())} until ${formatUtc(first.endAt.getTime())}`;
        throw new AppError("CONFLICT", `${gpuName(gpu)} ${when}${later}; it cannot be removed while slices hold or have booked it.`, {
          field: "gpuId",
          details: { holderId: first.holderId, holderName: first.holderName, sliceId: first.sliceId, until: first.endAt.toISOString() },
        });
      }
      const history = await countGpuHolds(tx, gpu.id);
      if (history > 0) {
        throw new AppError(
          "CONFLICT",
          `${gpuName(gpu)} has booking history (${plural(history, "slice")}), which its costs and GPU-hours refer to; retire the machine or keep the GPU.`,
          { field: "gpuId" },
        );
      }
      await deleteGpuRow(tx, gpu.id);
      await recordAudit(tx, {
        actorId: actor.id,
        action: "gpu.remove",
        subjectType: "gpu",
        subjectId: gpu.id,
        before: snapshot(gpu),
        reason: input.reason?.trim() || null,
      });
      return { id: gpu.id };
    },
    { serializable: true },
  );
}
