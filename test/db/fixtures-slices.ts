import { db } from "@/server/db/client";

let counter = 0;

/** A machine with `gpus` GPUs (one model), active unless told otherwise, for an integration test. */
export async function makeMachine(options: { gpus?: number; threads?: number; ramGb?: number; status?: "active" | "maintenance" | "retired"; model?: { name: string; vramGb: number } } = {}) {
  const handle = `m-${Date.now().toString(36)}-${(counter++).toString(36)}`;
  const { name, vramGb } = options.model ?? { name: "Test GTX 1080 Ti", vramGb: 11 };
  const model = await db().gpuModel.upsert({
    where: { name },
    create: { name, vramGb, boardPowerW: 250 },
    update: {},
  });
  return db().machine.create({
    data: {
      name: handle,
      cpuModel: "Intel Core i7-7820X",
      cores: 8,
      threads: options.threads ?? 16,
      ramGb: options.ramGb ?? 128,
      status: options.status ?? "active",
      inServiceAt: new Date("2018-06-15T00:00:00Z"),
      gpus: { create: Array.from({ length: options.gpus ?? 3 }, (_, index) => ({ index, gpuModelId: model.id })) },
    },
    include: { gpus: { orderBy: { index: "asc" } } },
  });
}

/** Sets the fleet-wide policy row for a test (null = built-in default). */
export function setFleetPolicy(values: Partial<{ teamMaxServingGpus: number | null; teamMaxConcurrentGpus: number | null; teamMaxGpuHoursPerMonth: number | null; userMaxConcurrentGpus: number | null; userMaxSliceHours: number | null; userMaxDaysAhead: number | null; autoApprove: boolean | null }>) {
  return db().quotaPolicy.upsert({ where: { scope: "default" }, create: { scope: "default", ...values }, update: values });
}

export function holdsOf(machineId: string) {
  return db().sliceGpu.findMany({ where: { slice: { machineId } }, include: { slice: true } });
}
