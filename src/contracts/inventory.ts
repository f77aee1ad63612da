import { z } from "zod";
import { dateIn, id, instantOut, reason, ref, whole } from "./shared";

/** The inventory feature: machines, GPUs and GPU models. */
export const machineStatus = z.enum(["active", "maintenance", "retired"], { message: "must be active, maintenance or retired" });

/** An approved slice's hold of a GPU, as the inventory shows it. */
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

export type GpuHoldOut = z.infer<typeof holdOut>;
/** One GPU's status line: free now, held by whom until when, when it is next free and next booked. */
export type GpuStatusOut = z.infer<typeof gpuStatusOut>;

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
export type MachineOut = z.infer<typeof machineOut>;

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
export type GpuModelOut = z.infer<typeof gpuModelOut>;

export const label = (min: number, max: number) =>
  z.string().trim().min(min, min === 1 ? "must not be empty" : `must be at least ${min} characters`).max(max, `must be at most ${max} characters`);

/** Hostnames are case-insensitive, so they are stored lower-case. */
export const hostname = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "must not be empty")
  .max(253, "must be at most 253 characters")
  .regex(/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/, "must be a hostname: letters, digits and hyphens (e.g. zeus)");

export const machineFields = {
  name: hostname,
  location: z.string().trim().max(120, "must be at most 120 characters").optional(),
  cpuModel: label(2, 120),
  cores: whole(1, 1024),
  threads: whole(1, 2048),
  ramGb: whole(1, 65_536),
  storage: z.string().trim().max(200, "must be at most 200 characters").optional(),
  inServiceAt: dateIn,
  reservedThreads: whole(0, 2048).optional(),
  reservedRamGb: whole(0, 65_536).optional(),
};

/** As `nvidia-smi -L` prints it; the UUID stays with the card when indices change across reboots. */
export const gpuUuid = z
  .string()
  .trim()
  .regex(/^GPU-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, "must look like GPU-xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx (see nvidia-smi -L)");

export const gpuIndex = whole(0, 63);

export const gpuModelFields = {
  name: label(2, 60),
  vramGb: whole(1, 1024),
  boardPowerW: whole(1, 2000),
};

/** More GPUs than any workstation board takes; a typo guard, not a policy. */
export const MAX_GPUS_PER_MACHINE = 16;

export const createMachineIn = z.object({
  ...machineFields,
  gpus: z.array(z.object({ gpuModelId: id, uuid: gpuUuid.nullish() })).max(MAX_GPUS_PER_MACHINE, `must be at most ${MAX_GPUS_PER_MACHINE} GPUs`),
});
export const updateMachineIn = z.object(machineFields).partial().extend({ machineId: id, retiredAt: dateIn.nullish() });
export const setMachineStatusIn = z.object({ machineId: id, status: machineStatus, reason, retiredAt: dateIn.optional() });
export const addGpuIn = z.object({ machineId: id, gpuModelId: id, uuid: gpuUuid.nullish(), index: gpuIndex.optional() });
export const updateGpuIn = z.object({ gpuId: id, gpuModelId: id.optional(), uuid: gpuUuid.nullish() });
export const removeGpuIn = z.object({ gpuId: id, reason: reason.optional() });
export const createGpuModelIn = z.object(gpuModelFields);
export const updateGpuModelIn = z.object(gpuModelFields).partial().extend({ gpuModelId: id });
