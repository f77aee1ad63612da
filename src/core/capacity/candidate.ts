import { partsOf, type Part } from "../builds/parts";
import type { PlacementGpu, PlacementMachine } from "../placement/types";

export interface KnownGpuModel {
  name: string;
  vramGb: number;
  cloudMicrosPerHour: number;
}

/** The catalog model a GPU part is: the longest model name the part's name contains ("… RTX 5090 Founders …" is an RTX 5090). */
export function modelOfPart(part: Part, models: readonly KnownGpuModel[]): KnownGpuModel | undefined {
  const name = part.name.toLowerCase();
  return [...models].sort((a, b) => b.name.length - a.name.length).find((m) => name.includes(m.name.toLowerCase()));
}

/**
 * The machine a build would become, for the what-if: its GPUs (memory from the part's specs,
 * else the catalog model's; cloud price from the catalog model), the CPU's threads and the RAM
 * modules' total, with the default reserve for the system (1 thread, 8 GB).
 */
export function machineFromBuild(input: {
  id: string;
  name: string;
  parts: readonly Part[];
  models: readonly KnownGpuModel[];
  cloudMicrosPerThreadHour: number;
  cloudMicrosPerGbHour: number;
}): PlacementMachine {
  const gpus: PlacementGpu[] = [];
  for (const part of partsOf(input.parts, "gpu")) {
    const model = modelOfPart(part, input.models);
    for (let i = 0; i < part.quantity; i++) {
      gpus.push({ id: `${input.id}-g${gpus.length}`, model: model?.name ?? part.name, vramGb: part.specs.vramGb ?? model?.vramGb ?? 0, cloudMicrosPerHour: model?.cloudMicrosPerHour ?? 0 });
    }
  }
  const threads = partsOf(input.parts, "cpu").reduce((sum, p) => sum + p.quantity * (p.specs.threads ?? (p.specs.cores ?? 0) * 2), 0);
  const ramGb = partsOf(input.parts, "ram").reduce((sum, p) => sum + p.quantity * (p.specs.moduleSizeGb ?? 0), 0);
  return {
    machineId: input.id,
    name: input.name,
    status: "active",
    threads,
    ramGb,
    reservedThreads: 1,
    reservedRamGb: 8,
    gpuIds: gpus.map((g) => g.id),
    gpus,
    cloudMicrosPerThreadHour: input.cloudMicrosPerThreadHour,
    cloudMicrosPerGbHour: input.cloudMicrosPerGbHour,
  };
}
