import { assessWindow, defaultSliceProfile, sliceCapacity, type WindowAssessment } from "../slices/capacity";
import { searchEarliestFit, type AssessedFit } from "../slices/earliest-fit";
import { freeGpuIds, machineBookingsIn } from "../slices/gpus";
import { formatUtc, plural } from "../slices/format";
import { checkQuotas } from "../slices/quotas";
import { MS_PER_HOUR } from "../slices/time";
import type { Booking } from "../slices/types";
import { amountsOn, comparePlacements, suitableGpus } from "./rules";
import { explainVerdicts, impossibleOnce } from "./verdicts";
import type { MachineVerdict, Need, Placement, PlacementMachine, PlacementResult, QuotaContext, Stranded } from "./types";

/**
 * What a placement leaves on its machine during its window that no default-profile slice could
 * use: free GPUs without the threads or RAM to go with them, and threads and RAM without a GPU.
 * Measured at the others' peak load over the window, the moment the machine is fullest.
 */
export function strandedBy(machine: PlacementMachine, bookings: readonly Booking[], p: Omit<Placement, "stranded" | "cloudMicrosPerHour">): Stranded {
  const window = { start: p.start, end: p.end };
  const overlapping = machineBookingsIn(machine, bookings, window);
  return strandedIn(machine, { overlapping, assessment: assessWindow(machine, overlapping, { gpuCount: p.gpuIds.length, threads: p.threads, ramGb: p.ramGb, ...window }) }, p);
}

/**
 * strandedBy from what the search saw in the window: the bookings overlapping it (all of the
 * machine's GPUs count, not only the ones the need accepts) and their thread and RAM peaks.
 */
export function strandedIn(machine: PlacementMachine, window: { overlapping: readonly Booking[]; assessment: WindowAssessment }, p: Omit<Placement, "stranded" | "cloudMicrosPerHour">): Stranded {
  const a = { free: freeGpuIds(machine, window.overlapping), threads: window.assessment.threads, ramGb: window.assessment.ramGb };
  const cap = sliceCapacity(machine);
  const profile = defaultSliceProfile(machine);
  const freeGpus = a.free.filter((id) => !p.gpuIds.includes(id)).length;
  const threads = Math.max(0, cap.threads - a.threads.peak - p.threads);
  const ramGb = Math.max(0, cap.ramGb - a.ramGb.peak - p.ramGb);
  const by = (left: number, per: number) => (per > 0 ? Math.floor(left / per) : freeGpus);
  const usable = Math.min(freeGpus, by(threads, profile.threads), by(ramGb, profile.ramGb));
  return { gpus: freeGpus - usable, threads: threads - usable * profile.threads, ramGb: ramGb - usable * profile.ramGb };
}

export function cloudMicrosPerHour(machine: PlacementMachine, gpuIds: readonly string[], threads: number, ramGb: number): number {
  const gpus = machine.gpus.filter((g) => gpuIds.includes(g.id)).reduce((sum, g) => sum + g.cloudMicrosPerHour, 0);
  return gpus + threads * machine.cloudMicrosPerThreadHour + ramGb * machine.cloudMicrosPerGbHour;
}

/** The quota problems of holding `gpuCount` GPUs over a window, ignoring the slice length (placement sets it). */
export function quotaProblems(quota: QuotaContext | undefined, gpuCount: number, start: number, end: number): string[] {
  if (!quota) return [];
  return checkQuotas({
    policy: quota.policy,
    request: { userId: quota.userId, teamId: quota.teamId, gpuCount, start, end, userName: quota.userName, teamName: quota.teamName, kind: quota.kind },
    bookings: quota.bookings,
    now: quota.now,
  }).map((v) => v.message);
}

/**
 * The earliest window on one machine that fits its capacity and the quotas. Capacity fits come
 * from findEarliestFit; when one breaks a quota (the team already holds its GPUs then), the
 * search resumes at the next end of one of the owner's bookings, the only instants at which the
 * quota load can drop.
 */
export function earliestOn(
  machine: PlacementMachine,
  bookings: readonly Booking[],
  need: Need,
  horizon: number,
  quota?: QuotaContext,
): { fit: AssessedFit | null; quotaBlocked: string[] } {
  const allowed = suitableGpus(machine, need).map((g) => g.id);
  const restricted = { ...machine, gpuIds: machine.gpuIds.filter((id) => allowed.includes(id)) };
  const { threads, ramGb } = amountsOn(machine, need);
  const ownerEnds = quota ? [...new Set(quota.bookings.map((b) => b.end))].sort((a, b) => a - b) : [];
  let notBefore = need.notBefore;
  let quotaBlocked: string[] = [];
  for (let attempt = 0; attempt < 500; attempt++) {
    const fit = searchEarliestFit({ machine: restricted, bookings, request: { gpuCount: need.gpuCount, threads, ramGb, durationMs: need.durationMs }, notBefore, horizon });
    if (!fit) return { fit: null, quotaBlocked };
    const problems = quotaProblems(quota, need.gpuCount, fit.start, fit.end);
    if (problems.length === 0) return { fit, quotaBlocked: [] };
    quotaBlocked = problems;
    // Past the horizon (the latest start, which the latest end sets) no later start is allowed.
    const next = ownerEnds.find((t) => t > fit.start);
    if (next === undefined || next > horizon) return { fit: null, quotaBlocked };
    notBefore = next;
  }
  return { fit: null, quotaBlocked };
}

/** A placeholder until strandedBy runs; never compared (placements later than the earliest lose on their start). */
const NOT_MEASURED: Stranded = Object.freeze({ gpus: NaN, threads: NaN, ramGb: NaN });

/** Approved bookings grouped by machine, keeping only those that end after `from`. */
export function bookingsByMachine(bookings: readonly Booking[], from: number): Map<string, Booking[]> {
  const out = new Map<string, Booking[]>();
  for (const b of bookings) {
    if (b.end <= from) continue;
    const list = out.get(b.machineId);
    if (list) list.push(b);
    else out.set(b.machineId, [b]);
  }
  return out;
}

/**
 * Places a need on one machine: the earliest start that fits capacity and quotas (at or after
 * need.notBefore, ending by need.latestEnd, starting by `horizon`), ties broken by the fewest
 * stranded resources, then the cheapest cloud-equivalent, then the machine's name, so the same
 * inputs always give the same answer. Every other machine gets a verdict saying why it lost.
 */
export function placeByNeed(input: {
  machines: readonly PlacementMachine[];
  bookings: readonly Booking[] | Map<string, Booking[]>;
  need: Need;
  /** The latest start worth considering (e.g. how far ahead one may book). */
  horizon: number;
  quota?: QuotaContext;
  /** False skips the per-machine verdicts (the waitlist and the replay only need the placement). */
  explain?: boolean;
  /** Search only these machines (by id), known to be the only ones that can fit; impossibility is still judged on the whole fleet. */
  among?: ReadonlySet<string>;
}): PlacementResult {
  const { machines, need, quota } = input;
  const impossible = impossibleOnce(machines, need);
  const byMachine = input.bookings instanceof Map ? input.bookings : bookingsByMachine(input.bookings, need.notBefore);
  const horizon = need.latestEnd !== undefined ? Math.min(input.horizon, need.latestEnd - need.durationMs) : input.horizon;
  const candidates: Array<{ machine: PlacementMachine; placement?: Placement; window?: AssessedFit; quotaBlocked: string[] }> = [];
  for (const machine of machines) {
    if (impossible || (input.among && !input.among.has(machine.machineId)) || machine.status !== "active" || suitableGpus(machine, need).length < need.gpuCount) {
      candidates.push({ machine, quotaBlocked: [] });
      continue;
    }
    const { threads, ramGb } = amountsOn(machine, need);
    const cap = sliceCapacity(machine);
    if (threads > cap.threads || ramGb > cap.ramGb) {
      candidates.push({ machine, quotaBlocked: [] });
      continue;
    }
    const mine = byMachine.get(machine.machineId) ?? [];
    const { fit, quotaBlocked } = horizon >= need.notBefore ? earliestOn(machine, mine, need, horizon, quota) : { fit: null, quotaBlocked: [] };
    if (!fit) {
      candidates.push({ machine, quotaBlocked });
      continue;
    }
    const base = { machineId: machine.machineId, machineName: machine.name, gpuIds: fit.gpuIds, threads, ramGb, start: fit.start, end: fit.end };
    candidates.push({ machine, placement: { ...base, stranded: NOT_MEASURED, cloudMicrosPerHour: cloudMicrosPerHour(machine, fit.gpuIds, threads, ramGb) }, window: fit, quotaBlocked: [] });
  }
  // The start decides first, so stranding is measured only where it can matter: on the machines
  // sharing the earliest start, or on all of them when the verdicts explain every machine.
  const earliest = Math.min(...candidates.map((c) => c.placement?.start ?? Infinity));
  for (const c of candidates) {
    if (c.placement && c.window && (c.placement.start === earliest || input.explain !== false)) c.placement.stranded = strandedIn(c.machine, c.window, c.placement);
  }
  const placed = candidates.filter((c) => c.placement && c.placement.stranded !== NOT_MEASURED).map((c) => c.placement!);
  const best = placed.length > 0 ? placed.reduce((a, b) => (comparePlacements(b, a) < 0 ? b : a)) : null;
  const verdicts: MachineVerdict[] = input.explain === false ? [] : explainVerdicts(candidates, need, best, horizon);
  return { placement: best, verdicts, impossible: impossible ?? undefined };
}

/** "1 GPU ≥ 20 GB for 8 hours": a need in words, for messages and the audit log. */
export function describeNeed(need: Need): string {
  const memory = need.minGpuMemoryGb ? ` ≥ ${need.minGpuMemoryGb} GB` : "";
  const models = need.gpuModels && need.gpuModels.length > 0 ? ` (${need.gpuModels.join(" or ")})` : "";
  const latest = need.latestEnd !== undefined ? `, ending by ${formatUtc(need.latestEnd)}` : "";
  return `${plural(need.gpuCount, "GPU")}${memory}${models} for ${plural(need.durationMs / MS_PER_HOUR, "hour")}, from ${formatUtc(need.notBefore)}${latest}`;
}
