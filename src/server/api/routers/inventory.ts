import { z } from "zod";
import { createGpuModel, deleteGpuModel, listGpuModels, updateGpuModel } from "@/server/services/gpu-models";
import { gpuStatuses } from "@/server/services/gpu-status";
import { addGpu, MAX_GPUS_PER_MACHINE, removeGpu, updateGpu } from "@/server/services/gpus";
import { createMachine, getMachine, listMachines, setMachineStatus, updateMachine } from "@/server/services/machines";
import { gpuModelOut, machineOut } from "../outputs/machines";
import { restEndpoint } from "../rest/meta";
import { permitted, router } from "../trpc";
import { gpuIndex, gpuModelFields, gpuUuid, id, machineFields, machineStatus, reason, utcDate } from "../schemas";

const read = permitted("inventory:read");
const manage = permitted("inventory:manage");
const rest = restEndpoint("Inventory");

export const inventoryRouter = router({
  list: read
    .meta(rest("GET", "/machines", "List machines and their GPUs", "inventory:read", "Active machines first; each GPU with who holds it now, until when, and when it is next free."))
    .output(z.array(machineOut))
    .query(() => listMachines(new Date())),

  machine: read
    .meta(rest("GET", "/machines/{machineId}", "Get a machine and its GPUs", "inventory:read"))
    .input(z.object({ machineId: id }))
    .output(machineOut)
    .query(({ input }) => getMachine(input.machineId, new Date())),

  gpuStatuses: read
    .input(z.object({ machineIds: z.array(id).min(1, "must name at least 1 machine").max(100, "must name at most 100 machines") }))
    .query(({ input }) => gpuStatuses(input.machineIds, new Date())),

  createMachine: manage
    .input(
      z.object({
        ...machineFields,
        gpus: z
          .array(z.object({ gpuModelId: id, uuid: gpuUuid.nullish() }))
          .max(MAX_GPUS_PER_MACHINE, `must be at most ${MAX_GPUS_PER_MACHINE} GPUs`),
      }),
    )
    .mutation(({ ctx, input }) => createMachine(ctx.actor, input)),

  updateMachine: manage
    .input(z.object(machineFields).partial().extend({ machineId: id, retiredAt: utcDate.nullish() }))
    .mutation(({ ctx, input }) => updateMachine(ctx.actor, input, new Date())),

  setMachineStatus: manage
    .input(z.object({ machineId: id, status: machineStatus, reason, retiredAt: utcDate.optional() }))
    .mutation(({ ctx, input }) => setMachineStatus(ctx.actor, input, new Date())),

  addGpu: manage
    .input(z.object({ machineId: id, gpuModelId: id, uuid: gpuUuid.nullish(), index: gpuIndex.optional() }))
    .mutation(({ ctx, input }) => addGpu(ctx.actor, input)),

  updateGpu: manage
    .input(z.object({ gpuId: id, gpuModelId: id.optional(), uuid: gpuUuid.nullish() }))
    .mutation(({ ctx, input }) => updateGpu(ctx.actor, input)),

  removeGpu: manage
    .input(z.object({ gpuId: id, reason: reason.optional() }))
    .mutation(({ ctx, input }) => removeGpu(ctx.actor, input, new Date())),

  gpuModels: read
    .meta(rest("GET", "/gpu-models", "List GPU models", "inventory:read"))
    .output(z.array(gpuModelOut))
    .query(() => listGpuModels()),

  createGpuModel: manage.input(z.object(gpuModelFields)).mutation(({ ctx, input }) => createGpuModel(ctx.actor, input)),

  updateGpuModel: manage
    .input(z.object(gpuModelFields).partial().extend({ gpuModelId: id }))
    .mutation(({ ctx, input }) => updateGpuModel(ctx.actor, input)),

  deleteGpuModel: manage.input(z.object({ gpuModelId: id })).mutation(({ ctx, input }) => deleteGpuModel(ctx.actor, input)),
});
