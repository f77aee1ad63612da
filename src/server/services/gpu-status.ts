import type { GpuHoldOut, GpuStatusOut } from "@/contracts/inventory";
import { summarizeGpu, type GpuHold } from "@/core/inventory/gpu-status";
import { findGpuHoldRows, type GpuHoldRow } from "@/server/db/gpu-holds";
import { read, type Db } from "@/server/db/tx";

type GpuHoldView = GpuHoldOut;
export type GpuStatus = GpuStatusOut;

const toView = (hold: GpuHold | null): GpuHoldView | null =>
  hold && { ...hold, start: new Date(hold.start), end: new Date(hold.end) };

function holdOf(row: GpuHoldRow): GpuHold | null {
  if (!row.sliceId || !row.startAt || !row.endAt) return null;
  return {
    sliceId: row.sliceId,
    holderId: row.holderId ?? "",
    holderName: row.holderName ?? "someone",
    teamName: row.teamName ?? "",
    start: row.startAt.getTime(),
    end: row.endAt.getTime(),
  };
}

/**
 * The status of every GPU of the machines at `now`, ordered by machine and GPU index, from one
 * query whatever the number of machines. Runs on `client`, so it can be part of a transaction.
 */
export async function loadGpuStatuses(client: Db, machineIds: readonly string[], now: Date): Promise<GpuStatus[]> {
  const rows = await findGpuHoldRows(client, machineIds, now);
  const byGpu = new Map<string, { first: GpuHoldRow; holds: GpuHold[] }>();
  for (const row of rows) {
    const entry = byGpu.get(row.gpuId) ?? { first: row, holds: [] };
    byGpu.set(row.gpuId, entry);
    const hold = holdOf(row);
    if (hold) entry.holds.push(hold);
  }
  return [...byGpu.values()].map(({ first, holds }) => {
    const summary = summarizeGpu({ machineStatus: first.machineStatus, holds, now: now.getTime() });
    return {
      gpuId: first.gpuId,
      machineId: first.machineId,
      index: first.index,
      state: summary.state,
      holder: toView(summary.current),
      freeAt: summary.freeAt === null ? null : new Date(summary.freeAt),
      next: toView(summary.next),
    };
  });
}

/** `loadGpuStatuses` outside a transaction: the inventory pages and the slice request form use it. */
export function gpuStatuses(machineIds: readonly string[], now: Date): Promise<GpuStatus[]> {
  return read((client) => loadGpuStatuses(client, machineIds, now));
}
