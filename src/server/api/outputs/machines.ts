import { z } from "zod";
import { instantOut, ref } from "./common";

const machineStatus = z.enum(["active", "maintenance", "retired"]);

const holdOut = z.object({
  sliceId: z.string(),
  holderId: z.string(),
  holderName: z.string(),
  teamName: z.string(),
  start: instantOut,
  end: instantOut,
});

export const gpuStatusOut = z.object({
  gpuId: z.string(),
  machineId: z.string(),
  index: z.number().int(),
  state: z.enum(["free", "held", "maintenance", "retired"]),
  holder: holdOut.nullable().meta({ description: "The approved slice holding the GPU now." }),
  freeAt: instantOut.nullable().meta({ description: "When held: when the GPU is free again (through back-to-back holds)." }),
  next: holdOut.nullable().meta({ description: "The first hold that starts once the GPU is free again." }),
});

const amounts = z.object({ threads: z.number().int(), ramGb: z.number().int() });

export const machineOut = z
  .object({
    id: z.string(),
    name: z.string(),
    location: z.string(),
    status: machineStatus,
    cpuModel: z.string(),
    cores: z.number().int(),
    threads: z.number().int(),
    ramGb: z.number().int(),
    storage: z.string(),
    inServiceAt: instantOut,
    retiredAt: instantOut.nullable(),
    reservedThreads: z.number().int(),
    reservedRamGb: z.number().int(),
    build: ref.nullable(),
    gpus: z.array(
      z.object({
        id: z.string(),
        index: z.number().int(),
        uuid: z.string().nullable(),
        model: z.object({ id: z.string(), name: z.string(), vramGb: z.number().int(), boardPowerW: z.number().int() }),
        status: gpuStatusOut,
      }),
    ),
    profile: amounts.meta({ description: "Default slice per GPU: floor((threads - reserved) / GPUs) threads and floor((RAM - reserved) / GPUs) GB." }),
    sliceCapacity: amounts.meta({ description: "Threads and RAM available to slices: the machine's minus the reserved amounts." }),
  })
  .meta({ id: "Machine" });

export const gpuModelOut = z
  .object({
    id: z.string(),
    name: z.string(),
    vramGb: z.number().int(),
    boardPowerW: z.number().int(),
    cloudSku: z.string().nullable(),
    gpuCount: z.number().int(),
  })
  .meta({ id: "GpuModel" });
