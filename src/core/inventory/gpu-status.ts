import type { MachineStatus } from "@/core/slices/types";

/**
 * Where one GPU stands at `now`: who holds it, when it is next free and when it is next booked.
 * Times are epoch milliseconds (UTC) and holds are half-open [start, end), as in the slice core.
 */

/** An approved slice's hold of one GPU, over its effective window (end, or release if earlier). */
export interface GpuHold {
  sliceId: string;
  holderId: string;
  holderName: string;
  teamName: string;
  start: number;
  end: number;
}

/** What the GPU is doing now. The machine's status wins: a GPU of a machine in maintenance is "maintenance" even when held. */
export type GpuState = "free" | "held" | "maintenance" | "retired";

export interface GpuStatusSummary {
  state: GpuState;
  /** The hold whose window contains now, whatever the machine's status. */
  current: GpuHold | null;
  /**
   * When the GPU is next free: the end of the current hold, followed through holds that start
   * exactly when the previous one ends. Null when nothing holds it now.
   */
  freeAt: number | null;
  /** The first hold that starts once the GPU is free again (after `freeAt`, or after now). */
  next: GpuHold | null;
}

/**
 * `holds` may come in any order and may include holds that ended already; they are ignored.
 * The database's exclusion constraint guarantees one GPU's holds never overlap, so at most one
 * contains `now` and "back-to-back" means a start equal to the previous end.
 */
export function summarizeGpu(input: { machineStatus: MachineStatus; holds: readonly GpuHold[]; now: number }): GpuStatusSummary {
  const { machineStatus, now } = input;
  const holds = input.holds.filter((h) => h.end > now).sort((a, b) => a.start - b.start);
  const current = holds.find((h) => h.start <= now) ?? null;

  let freeAt: number | null = null;
  let after = now;
  if (current) {
    freeAt = current.end;
    for (const hold of holds) {
      if (hold.start > current.start && hold.start <= freeAt) freeAt = Math.max(freeAt, hold.end);
    }
    after = freeAt;
  }
  const next = holds.find((h) => h.start >= after && h !== current) ?? null;
  const state: GpuState = machineStatus === "active" ? (current ? "held" : "free") : machineStatus;
  return { state, current, freeAt, next };
}
