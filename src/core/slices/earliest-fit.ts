import { assessWindow, fitsAssessment, requestShapeConflicts, sliceCapacity, type SliceRequest, type WindowAssessment } from "./capacity";
import type { Booking, MachineCapacity } from "./types";

export interface FitRequest {
  gpuCount: number;
  threads: number;
  ramGb: number;
  durationMs: number;
}

export interface Fit {
  start: number;
  end: number;
  /** The GPUs proposeFreeGpus would assign for that window (lowest free indices). */
  gpuIds: string[];
}

/** A fit with what the search saw in its window: the others' bookings there and their peaks. */
export interface AssessedFit extends Fit {
  overlapping: Booking[];
  assessment: WindowAssessment;
}

/**
 * The earliest window of `durationMs` starting at or after `notBefore` and at or before `horizon`
 * (an instant: the latest start worth proposing) in which the request fits the machine with the
 * same rules as findCapacityConflicts, or null.
 *
 * Only notBefore and booking ends need trying. If a start s fits and is neither, slide it left:
 * until it meets notBefore or a booking end, every booking present at an earlier instant is
 * still present at s (none has ended in between), so the instants gained on the left carry no
 * load or GPU hold that the window did not already tolerate, and the instants lost on the right
 * only remove load. So the earliest fitting start is always a candidate. Cost: O(n log n) to
 * sort, then O(m log m) per candidate for the m bookings overlapping its window, so at worst
 * O(k · n log n) for k candidates.
 *
 * Backdating is the caller's concern: pass notBefore >= now. Quotas are checked separately.
 */
export function findEarliestFit(input: Parameters<typeof searchEarliestFit>[0]): Fit | null {
  const found = searchEarliestFit(input);
  return found && { start: found.start, end: found.end, gpuIds: found.gpuIds };
}

/** findEarliestFit, also answering what it saw in the window (placement measures stranding from it). */
export function searchEarliestFit(input: {
  machine: MachineCapacity;
  bookings: readonly Booking[];
  request: FitRequest;
  notBefore: number;
  horizon: number;
  excludeBookingId?: string;
}): AssessedFit | null {
  const { machine, request, notBefore, horizon, excludeBookingId } = input;
  const { durationMs } = request;
  if (!Number.isFinite(notBefore) || !Number.isFinite(horizon) || !(durationMs > 0) || !Number.isFinite(durationMs)) return null;
  if (notBefore > horizon) return null;

  const base: SliceRequest = { gpuCount: request.gpuCount, threads: request.threads, ramGb: request.ramGb, start: notBefore, end: notBefore + durationMs, excludeBookingId };
  if (requestShapeConflicts(machine, base).length > 0) return null;
  // A request bigger than the whole machine fits nowhere; say so without trying every candidate.
  const cap = sliceCapacity(machine);
  if (request.threads > cap.threads || request.ramGb > cap.ramGb) return null;

  // Bookings that end by notBefore cannot touch any candidate window.
  const relevant = input.bookings
    .filter((b) => b.machineId === machine.machineId && b.id !== excludeBookingId && b.end > notBefore && b.start < b.end)
    .sort((a, b) => a.start - b.start);
  const candidates = [...new Set([notBefore, ...relevant.map((b) => b.end).filter((t) => t <= horizon)])].sort((a, b) => a - b);

  // Candidates only move forward, so the bookings overlapping the window are kept as a sliding
  // set: add those starting before the window's end, drop those ended by its start. Each check
  // then looks at the overlapping bookings only, not at the whole schedule.
  let live: Booking[] = [];
  let next = 0;
  for (const start of candidates) {
    const end = start + durationMs;
    while (next < relevant.length && relevant[next]!.start < end) live.push(relevant[next++]!);
    live = live.filter((b) => b.end > start);
    // The GPUs alone rule out most candidates on a busy machine: count them before the peaks.
    if (freeGpuCount(machine, live) < request.gpuCount) continue;
    const candidate = { ...base, start, end };
    const assessment = assessWindow(machine, live, candidate);
    // The lowest-index free GPUs: what proposeFreeGpus would assign for this window.
    if (fitsAssessment(machine, candidate, assessment)) return { start, end, gpuIds: assessment.free.slice(0, request.gpuCount), overlapping: live, assessment };
  }
  return null;
}

/** How many of the machine's GPUs no booking of `overlapping` holds. */
function freeGpuCount(machine: MachineCapacity, overlapping: readonly Booking[]): number {
  const held = new Set<string>();
  for (const b of overlapping) for (const id of b.gpuIds) held.add(id);
  let free = 0;
  for (const id of machine.gpuIds) if (!held.has(id)) free++;
  return free;
}
