import type { GpuModelOut } from "@/contracts/inventory";
import { AppError, notFound } from "@/core/errors";
import { plural } from "@/core/slices/format";
import { recordAudit } from "@/server/db/audit";
import {
  deleteGpuModelRow,
  findGpuModelById,
  findGpuModelByName,
  findGpuModels,
  insertGpuModel,
  updateGpuModelRow,
  type GpuModelData,
  type GpuModelRow,
} from "@/server/db/gpu-models";
import { findSkuUnits, setGpuModelCloudSku } from "@/server/db/prices";
import { referenceCloudSku } from "@/core/costs/reference-catalog";
import { read, transaction, type Db } from "@/server/db/tx";
import type { Actor } from "./actor";

export function gpuModelView(model: GpuModelRow): GpuModelOut {
  return { id: model.id, name: model.name, vramGb: model.vramGb, boardPowerW: model.boardPowerW, cloudSku: model.cloudSku, gpuCount: model._count.gpus };
}

const snapshot = (model: GpuModelRow) => ({ name: model.name, vramGb: model.vramGb, boardPowerW: model.boardPowerW });

export async function listGpuModels() {
  return (await read(findGpuModels)).map(gpuModelView);
}

async function assertNameFree(tx: Db, name: string, exceptId?: string) {
  const clash = await findGpuModelByName(tx, name);
  if (clash && clash.id !== exceptId) {
    throw new AppError("CONFLICT", `A GPU model named "${clash.name}" already exists.`, { field: "name" });
  }
}

async function loadModel(tx: Db, gpuModelId: string) {
  const model = await findGpuModelById(tx, gpuModelId);
  if (!model) throw notFound("GPU model", "gpuModelId");
  return model;
}

export async function createGpuModel(actor: Actor, input: GpuModelData) {
  return transaction(async (tx) => {
    const name = input.name.trim();
    await assertNameFree(tx, name);
    let model = await insertGpuModel(tx, { ...input, name });
    // A card the reference catalog knows is priced at once, so Savings works with the first machine;
    // the price catalog page shows the mapping for an admin to check.
    const cloudSku = referenceCloudSku(name);
    if (cloudSku && (await findSkuUnits(tx, cloudSku)).some((u) => u.unit === "gpu_hour")) {
      await setGpuModelCloudSku(tx, model.id, cloudSku);
      model = { ...model, cloudSku };
    }
    await recordAudit(tx, { actorId: actor.id, action: "gpu-model.create", subjectType: "gpu-model", subjectId: model.id, after: { ...snapshot(model), cloudSku: model.cloudSku } });
    return gpuModelView(model);
  });
}

/** Corrects a model's specs; its GPUs follow, including the energy costs derived from board power. */
export async function updateGpuModel(actor: Actor, input: { gpuModelId: string } & Partial<GpuModelData>) {
  return transaction(async (tx) => {
    const before = await loadModel(tx, input.gpuModelId);
    const name = input.name?.trim();
    if (name && name !== before.name) await assertNameFree(tx, name, before.id);
    const after = await updateGpuModelRow(tx, before.id, { name, vramGb: input.vramGb, boardPowerW: input.boardPowerW });
    if (JSON.stringify(snapshot(before)) !== JSON.stringify(snapshot(after))) {
      await recordAudit(tx, {
        actorId: actor.id,
        action: "gpu-model.update",
        subjectType: "gpu-model",
        subjectId: before.id,
        before: snapshot(before),
        after: snapshot(after),
      });
    }
    return gpuModelView(after);
  });
}

/** Only an unused model can go: GPUs refer to their model (the foreign key restricts deletion). */
export async function deleteGpuModel(actor: Actor, input: { gpuModelId: string }) {
  return transaction(async (tx) => {
    const model = await loadModel(tx, input.gpuModelId);
    if (model._count.gpus > 0) {
      throw new AppError("CONFLICT", `${model.name} is the model of ${plural(model._count.gpus, "GPU")}; change or remove those GPUs first.`, {
        field: "gpuModelId",
      });
    }
    await deleteGpuModelRow(tx, model.id);
    await recordAudit(tx, { actorId: actor.id, action: "gpu-model.delete", subjectType: "gpu-model", subjectId: model.id, before: snapshot(model) });
    return { id: model.id };
  });
}
