import { db } from "@/server/db/client";

let counter = 0;
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${(counter++).toString(36)}`;

/** Inserts a GPU model with a unique name for an integration test. */
export function makeGpuModel(options: { name?: string; vramGb?: number; boardPowerW?: number } = {}) {
  return db().gpuModel.create({ data: { name: options.name ?? unique("gpu"), vramGb: options.vramGb ?? 11, boardPowerW: options.boardPowerW ?? 250 } });
}

/**
 * Inserts a slice of `user` on the machine holding `gpuIds` over [start, end), approved unless
 * told otherwise, the way the slice feature records an approval (slice + slice_gpu rows).
 */
export async function makeHold(options: {
  machineId: string;
  gpuIds: string[];
  user: { id: string; teamId: string };
  start: Date;
  end: Date;
  status?: "pending" | "approved" | "rejected" | "cancelled";
  threads?: number;
  ramGb?: number;
}) {
  return db().slice.create({
    data: {
      machineId: options.machineId,
      requesterId: options.user.id,
      teamId: options.user.teamId,
      gpuCount: options.gpuIds.length,
      threads: options.threads ?? 5 * options.gpuIds.length,
      ramGb: options.ramGb ?? 40 * options.gpuIds.length,
      startAt: options.start,
      endAt: options.end,
      purpose: "integration test",
      status: options.status ?? "approved",
      gpus: { create: options.gpuIds.map((gpuId) => ({ gpuId, startAt: options.start, endAt: options.end })) },
    },
  });
}
