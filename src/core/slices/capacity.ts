import type { CapacityConflict, NotEnoughFreeGpusConflict } from "./conflicts";
import { formatAmount, formatUtc, plural } from "./format";
import { freeGpuIds, gpuHoldsIn, gpuLabel, machineBookingsIn, type GpuHold } from "./gpus";
import { peakLoad, type PeakLoad } from "./sweep";
import { MS_PER_MINUTE } from "./time";
import type { Booking, MachineCapacity } from "./types";
import { asSentence } from "../sentence";

/**
 * How far in the past a start may lie and still count as "now". The request form fills the start
 * with the time the page was loaded, and API clients' clocks drift; five minutes absorbs both
 * without letting anyone book a window that has meaningfully begun already.
 */
export const BACKDATE_TOLERANCE_MS = 5 * MS_PER_MINUTE;

export interface SliceRequest {
  /** Specific GPUs (an admin approving); when absent, any `gpuCount` GPUs free for the window will do. */
  gpuIds?: readonly string[];
  gpuCount: number;
  threads: number;
  ramGb: number;
  start: number;
  end: number;
  /** A booking to leave out, e.g. the slice itself when its extension is re-checked as a whole. */
  excludeBookingId?: string;
}

/** The capacity fields every spelling of a machine (a row, an import record) shares. */
export type CapacityFields = Pick<MachineCapacity, "status" | "threads" | "ramGb" | "reservedThreads" | "reservedRamGb"> & { name: string };

/** The slice core's view of a machine, from its capacity fields and how its id and GPUs are named. */
export function machineCapacity(machine: CapacityFields, machineId: string, gpuIds: readonly string[]): MachineCapacity & { name: string } {
  const { name, status, threads, ramGb, reservedThreads, reservedRamGb } = machine;
  return { machineId, name, status, threads, ramGb, reservedThreads, reservedRamGb, gpuIds };
}

/** The slice core's view of a machine row (any object with these fields and its GPUs in index order). */
export function toMachineCapacity(machine: CapacityFields & { id: string; gpus: readonly { id: string }[] }): MachineCapacity {
  return machineCapacity(machine, machine.id, machine.gpus.map((gpu) => gpu.id));
}

/** Threads and RAM available to slices: the machine's amounts minus what the system keeps. */
export function sliceCapacity(machine: MachineCapacity): { threads: number; ramGb: number } {
  return {
    threads: Math.max(0, machine.threads - machine.reservedThreads),
    ramGb: Math.max(0, machine.ramGb - machine.reservedRamGb),
  };
}

/**
 * Per-GPU share of a machine (PRODUCT.md): floor((threads - reserved) / GPUs) threads and
 * floor((RAM - reserved) / GPUs) GB; the seed machine gives 5 threads and 40 GB. A machine
 * without GPUs has no slices, so its profile is zero rather than a division by zero.
 */
export function defaultSliceProfile(machine: MachineCapacity): { threads: number; ramGb: number } {
  const gpus = machine.gpuIds.length;
  if (gpus === 0) return { threads: 0, ramGb: 0 };
  const cap = sliceCapacity(machine);
  return { threads: Math.floor(cap.threads / gpus), ramGb: Math.floor(cap.ramGb / gpus) };
}

/** The request form's default amounts: the profile times the GPUs asked for. */
export function defaultSliceAmounts(machine: MachineCapacity, gpuCount: number): { threads: number; ramGb: number } {
  const p = defaultSliceProfile(machine);
  return { threads: p.threads * gpuCount, ramGb: p.ramGb * gpuCount };
}

const machineName = (m: MachineCapacity) => m.name ?? "this machine";
const isCount = (n: number, min: number) => Number.isInteger(n) && n >= min;

/**
 * Every reason the request cannot be approved on the machine, empty when it fits. Checks the
 * three invariants of PRODUCT.md: no GPU in two overlapping approved slices; threads and RAM
 * within capacity at every instant; nothing on a machine out of service, no empty window, no
 * backdating. All problems are reported at once, so a user fixes them in one go. `bookings` are
 * approved slices (any machine; others are ignored) with their effective ends.
 */
export function findCapacityConflicts(input: {
  machine: MachineCapacity;
  bookings: readonly Booking[];
  request: SliceRequest;
  now: number;
}): CapacityConflict[] {
  const { machine, bookings, request, now } = input;
  const conflicts = requestShapeConflicts(machine, request);
  const { start, end } = request;
  const windowValid = Number.isFinite(start) && Number.isFinite(end) && end > start;
  if (!windowValid) {
    conflicts.push({
      code: "INVALID_WINDOW",
      field: "end",
      message: `The end (${formatUtc(end)}) must be after the start (${formatUtc(start)}).`,
    });
    return conflicts;
  }
  const earliestAllowed = now - BACKDATE_TOLERANCE_MS;
  if (start < earliestAllowed) {
    conflicts.push({
      code: "BACKDATED",
      field: "start",
      start,
      earliestAllowed,
      message: `The start (${formatUtc(start)}) is in the past (it is now ${formatUtc(now)}); slices cannot be backdated.`,
    });
  }
  conflicts.push(...windowConflicts(machine, bookings, request));
  return conflicts;
}

/**
 * Problems that do not depend on time or on other bookings: the machine's status, malformed
 * amounts, too many GPUs, and a GPU selection that does not belong to the machine.
 */
export function requestShapeConflicts(machine: MachineCapacity, request: SliceRequest): CapacityConflict[] {
  const out: CapacityConflict[] = [];
  const name = machineName(machine);
  if (machine.status !== "active") {
    const why = machine.status === "retired" ? "is retired" : "is in maintenance";
    out.push({ code: "MACHINE_UNAVAILABLE", field: "machineId", status: machine.status, message: `${name} ${why}; nothing can be booked on it.` });
  }
  const available = machine.gpuIds.length;
  if (!isCount(request.gpuCount, 1)) {
    out.push({ code: "INVALID_REQUEST", field: "gpuCount", message: `The number of GPUs must be a whole number of at least 1 (got ${request.gpuCount}).` });
  } else if (request.gpuCount > available) {
    out.push({
      code: "TOO_MANY_GPUS",
      field: "gpuCount",
      requested: request.gpuCount,
      available,
      message: available === 0 ? `${name} has no GPUs.` : `${name} has ${plural(available, "GPU")}; ${request.gpuCount} were requested.`,
    });
  }
  if (!isCount(request.threads, 0)) out.push({ code: "INVALID_REQUEST", field: "threads", message: `CPU threads must be a whole number of at least 0 (got ${request.threads}).` });
  if (!isCount(request.ramGb, 0)) out.push({ code: "INVALID_REQUEST", field: "ramGb", message: `RAM must be a whole number of GB, at least 0 (got ${request.ramGb}).` });

  if (request.gpuIds) {
    for (const gpuId of new Set(request.gpuIds)) {
      if (!machine.gpuIds.includes(gpuId)) out.push({ code: "GPU_NOT_ON_MACHINE", field: "gpuIds", gpuId, message: `GPU ${gpuId} is not a GPU of ${name}.` });
    }
    if (new Set(request.gpuIds).size !== request.gpuIds.length) {
      out.push({ code: "INVALID_REQUEST", field: "gpuIds", message: "A GPU is listed more than once." });
    }
    if (request.gpuIds.length !== request.gpuCount) {
      out.push({ code: "INVALID_REQUEST", field: "gpuIds", message: `${plural(request.gpuIds.length, "GPU")} assigned, but ${request.gpuCount} requested.` });
    }
  }
  return out;
}

/** "held by Alice Moreau until …", or "from … until …" when the hold begins inside the window. */
function describeHold(hold: GpuHold, requestStart: number): string {
  const who = hold.booking.userName ?? hold.booking.userId;
  const from = hold.booking.start > requestStart ? ` from ${formatUtc(hold.booking.start)}` : "";
  return `is held by ${who}${from} until ${formatUtc(hold.booking.end)}`;
}

/** The window as the request would find it: numbers only, so searching many windows stays cheap. */
export interface WindowAssessment {
  /** Holds on the machine's GPUs during the window, by GPU index then start. */
  holds: GpuHold[];
  /** GPUs no booking holds at any instant of the window, by index. */
  free: string[];
  /** Peak threads and RAM of the other bookings over the window, with the earliest peak instant. */
  threads: PeakLoad;
  ramGb: PeakLoad;
}

/** Assesses a valid window against the approved bookings of the machine. O(n log n). */
export function assessWindow(machine: MachineCapacity, bookings: readonly Booking[], request: SliceRequest): WindowAssessment {
  const window = { start: request.start, end: request.end };
  const overlapping = machineBookingsIn(machine, bookings, window, request.excludeBookingId);
  const load = (of: (b: Booking) => number) => peakLoad(overlapping.map((b) => ({ start: b.start, end: b.end, weight: of(b) })), window);
  return { holds: gpuHoldsIn(machine, overlapping), free: freeGpuIds(machine, overlapping), threads: load((b) => b.threads), ramGb: load((b) => b.ramGb) };
}

/**
 * Whether a well-formed request fits an assessed window: its GPUs (named, or any gpuCount) are
 * free, and its amounts, which it holds over the whole window, stay within capacity even at the
 * others' peak. The single definition of "fits" behind windowConflicts and findEarliestFit.
 */
export function fitsAssessment(machine: MachineCapacity, request: SliceRequest, a: WindowAssessment): boolean {
  const wanted = request.gpuIds;
  const gpusFree = wanted ? !a.holds.some((h) => wanted.includes(h.gpuId)) : a.free.length >= request.gpuCount;
  const cap = sliceCapacity(machine);
  return gpusFree && a.threads.peak + request.threads <= cap.threads && a.ramGb.peak + request.ramGb <= cap.ramGb;
}

/** GPU, thread and RAM conflicts with the approved bookings during a valid window, with messages. */
export function windowConflicts(machine: MachineCapacity, bookings: readonly Booking[], request: SliceRequest): CapacityConflict[] {
  const out: CapacityConflict[] = [];
  const a = assessWindow(machine, bookings, request);
  const name = machineName(machine);

  if (request.gpuIds) {
    const wanted = new Set(request.gpuIds);
    for (const hold of a.holds.filter((h) => wanted.has(h.gpuId))) {
      out.push({
        code: "GPU_HELD",
        field: "gpuIds",
        gpuId: hold.gpuId,
        gpuIndex: hold.gpuIndex,
        bookingId: hold.booking.id,
        holderUserId: hold.booking.userId,
        holderName: hold.booking.userName ?? hold.booking.userId,
        from: hold.booking.start,
        until: hold.booking.end,
        message: `${gpuLabel(machine, hold.gpuId)} ${describeHold(hold, request.start)}.`,
      });
    }
  } else if (isCount(request.gpuCount, 1) && request.gpuCount <= machine.gpuIds.length && a.free.length < request.gpuCount) {
    out.push(notEnoughFree(machine, name, request, a.free, a.holds));
  }

  const cap = sliceCapacity(machine);
  const dims = [
    { code: "CPU_EXCEEDED", field: "threads", asked: request.threads, limit: cap.threads, others: a.threads, unit: "CPU threads" },
    { code: "RAM_EXCEEDED", field: "ramGb", asked: request.ramGb, limit: cap.ramGb, others: a.ramGb, unit: "GB of RAM" },
  ] as const;
  for (const d of dims) {
    if (!isCount(d.asked, 0)) continue;
    // The request covers its whole window, so its amount adds to the others' peak wherever it is.
    const peak = d.others.peak + d.asked;
    if (peak <= d.limit) continue;
    out.push({
      code: d.code,
      field: d.field,
      limit: d.limit,
      peak,
      excess: peak - d.limit,
      at: d.others.at,
      message: `${d.unit} on ${name} would peak at ${formatAmount(peak)} of the ${formatAmount(d.limit)} available (at ${formatUtc(d.others.at)}), ${formatAmount(peak - d.limit)} over.`,
    });
  }
  return out;
}

/** Holds a refusal's sentence names; a window over years can cross hundreds, all of them in `holds`. */
export const HOLDS_NAMED = 5;

function notEnoughFree(machine: MachineCapacity, name: string, request: SliceRequest, free: string[], holds: GpuHold[]): NotEnoughFreeGpusConflict {
  const reasons = holds.slice(0, HOLDS_NAMED).map((h) => `${gpuLabel(machine, h.gpuId)} ${describeHold(h, request.start)}`);
  if (holds.length > HOLDS_NAMED) reasons.push(`${plural(holds.length - HOLDS_NAMED, "more hold")} in the window`);
  const total = machine.gpuIds.length;
  return {
    code: "NOT_ENOUGH_FREE_GPUS",
    field: "gpuCount",
    requested: request.gpuCount,
    freeGpuIds: free,
    holds: holds.map((h) => ({
      gpuId: h.gpuId,
      gpuIndex: h.gpuIndex,
      bookingId: h.booking.id,
      holderName: h.booking.userName ?? h.booking.userId,
      from: h.booking.start,
      until: h.booking.end,
    })),
    message: `Only ${free.length} of the ${plural(total, "GPU")} of ${name} ${free.length === 1 ? "is" : "are"} free for the whole window; ${request.gpuCount} requested. ${asSentence(reasons.join("; "))}`,
  };
}
