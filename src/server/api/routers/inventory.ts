import { z } from "zod";
import {
  addGpuIn,
  createGpuModelIn,
  createMachineIn,
  gpuModelOut,
  machineOut,
  removeGpuIn,
  setMachineStatusIn,
  updateGpuIn,
  updateGpuModelIn,
  updateMachineIn,
} from "@/contracts/inventory";
import { id } from "@/contracts/shared";
import { createGpuModel, deleteGpuModel, listGpuModels, updateGpuModel } from "@/server/services/gpu-models";
import { gpuStatuses } from "@/server/services/gpu-status";
import { addGpu, removeGpu, updateGpu } from "@/server/services/gpus";
import { createMachine, getMachine, listMachines, setMachineStatus, updateMachine } from "@/server/services/machines";
import { restEndpoint } from "../rest/meta";
import { permitted, router } from "../trpc";

const read = permitted("inventory:read");
const manage = permitted("inventory:manage");
const rest = restEndpoint("Inventory");

export const inventoryRouter = router({
  list: read
    .meta(rest("GET", "/machines", "List machines and their GPUs", "inventory:read", "Active machines first; each GPU with who holds it now, until when, and when it is next free."))
    .output(z.array(machineOut))
    .query(({ ctx }) => listMachines(ctx.now)),

  machine: read
    .meta(rest("GET", "/machines/{machineId}", "Get a machine and its GPUs", "inventory:read"))
    .input(z.object({ machineId: id }))
    .output(machineOut)
    .query(({ ctx, input }) => getMachine(input.machineId, ctx.now)),

  gpuStatuses: read
    .input(z.object({ machineIds: z.array(id).min(1, "must name at least 1 machine").max(100, "must name at most 100 machines") }))
    .query(({ ctx, input }) => gpuStatuses(input.machineIds, ctx.now)),

  createMachine: manage.input(createMachineIn).mutation(({ ctx, input }) => createMachine(ctx.actor, input)),
  updateMachine: manage.input(updateMachineIn).mutation(({ ctx, input }) => updateMachine(ctx.actor, input, ctx.now)),
  setMachineStatus: manage.input(setMachineStatusIn).mutation(({ ctx, input }) => setMachineStatus(ctx.actor, input, ctx.now)),
  addGpu: manage.input(addGpuIn).mutation(({ ctx, input }) => addGpu(ctx.actor, input)),
  updateGpu: manage.input(updateGpuIn).mutation(({ ctx, input }) => updateGpu(ctx.actor, input)),
  removeGpu: manage.input(removeGpuIn).mutation(({ ctx, input }) => removeGpu(ctx.actor, input, ctx.now)),

  gpuModels: read
    .meta(rest("GET", "/gpu-models", "List GPU models", "inventory:read"))
    .output(z.array(gpuModelOut))
    .query(() => listGpuModels()),

  createGpuModel: manage.input(createGpuModelIn).mutation(({ ctx, input }) => createGpuModel(ctx.actor, input)),
  updateGpuModel: manage.input(updateGpuModelIn).mutation(({ ctx, input }) => updateGpuModel(ctx.actor, input)),
  deleteGpuModel: manage.input(z.object({ gpuModelId: id })).mutation(({ ctx, input }) => deleteGpuModel(ctx.actor, input)),
});
