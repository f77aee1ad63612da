import { sliceCapacity } from "../slices/capacity";
import type { Booking } from "../slices/types";
import { amountsOn, suitableGpus } from "./rules";
import type { Need, PlacementMachine } from "./types";

/**
 * Cheap necessary conditions the waitlist pass checks before a placement search. A window that
 * starts now contains the instant now, so a machine without enough suitable GPUs, threads or RAM
 * free at that instant cannot take it: on a full fleet this rules out most of a long queue.
 */

/** What an active machine has free at one instant: GPUs by id, threads and RAM. */
export interface FreeAtInstant {
  gpus: Set<string>;
  threads: number;
  ramGb: number;
}

export function freeAt(machines: readonly PlacementMachine[], byMachine: ReadonlyMap<string, readonly Booking[]>, at: number): Map<string, FreeAtInstant> {
  const out = new Map<string, FreeAtInstant>();
  for (const m of machines) {
    if (m.status !== "active") continue;
    const cap = sliceCapacity(m);
    const free: FreeAtInstant = { gpus: new Set(m.gpuIds), threads: cap.threads, ramGb: cap.ramGb };
    for (const b of byMachine.get(m.machineId) ?? []) if (b.start <= at && at < b.end) take(out, b, free);
    out.set(m.machineId, free);
  }
  return out;
}

/** Counts a booking that holds the instant against its machine's free resources. */
export function take(free: Map<string, FreeAtInstant>, b: Booking, into = free.get(b.machineId)): void {
  if (!into) return;
  for (const id of b.gpuIds) into.gpus.delete(id);
  into.threads -= b.threads;
  into.ramGb -= b.ramGb;
}

/** False when no machine has the need's GPUs, threads and RAM free at the instant: then no window starting then fits. */
export function couldStartNow(machines: readonly PlacementMachine[], free: ReadonlyMap<string, FreeAtInstant>, need: Need): boolean {
  return machines.some((m) => hasFreeNow(m, free, need));
}

/** The machines with the need's GPUs, threads and RAM free at the instant: the only ones a window starting then can fit. */
export function freeNowFor(machines: readonly PlacementMachine[], free: ReadonlyMap<string, FreeAtInstant>, need: Need): PlacementMachine[] {
  return machines.filter((m) => hasFreeNow(m, free, need));
}

function hasFreeNow(m: PlacementMachine, free: ReadonlyMap<string, FreeAtInstant>, need: Need): boolean {
  const f = free.get(m.machineId);
  if (!f || f.gpus.size < need.gpuCount) return false;
  const { threads, ramGb } = amountsOn(m, need);
  return threads <= f.threads && ramGb <= f.ramGb && suitableGpus(m, need).filter((g) => f.gpus.has(g.id)).length >= need.gpuCount;
}
