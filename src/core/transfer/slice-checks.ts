import { machineCapacity, windowConflicts } from "@/core/slices/capacity";
import { formatUtc } from "@/core/slices/format";
import { effectiveEnd } from "@/core/slices/lifecycle";
import { peakLoad } from "@/core/slices/sweep";
import { sliceCapacity } from "@/core/slices/capacity";
import type { Booking, MachineCapacity } from "@/core/slices/types";
import { keys, type MachineRecord, type SliceRecord, type UserRecord } from "./records";
import type { Problem } from "./plan-model";

/** A slice of the merged world: stored, or listed in the document (`path`). */
export interface SliceEntry {
  /** The slice id when known (stored, or given by an externalId); null for a new slice. */
  id: string | null;
  record: SliceRecord;
  before: SliceRecord | null;
  path?: string;
  /** Created or changed by the import: only these (and changed machines) are checked. */
  changed: boolean;
  /** Position in the document; -1 for stored slices it leaves out. */
  order: number;
}

export interface MachineEntry {
  record: MachineRecord;
  path?: string;
  changed: boolean;
}

const gpuId = (machine: string, index: number) => `${keys.machine(machine)}#${index}`;

/** The slice core's view of a machine record; its GPUs are named by machine and index. */
export function machineCapacityOf(m: MachineRecord): MachineCapacity {
  return machineCapacity(m, keys.machine(m.name), m.gpus.map((g) => gpuId(m.name, g.index)));
}

const FIELD_OF_CONFLICT: Record<string, string> = { GPU_HELD: "gpus", CPU_EXCEEDED: "threads", RAM_EXCEEDED: "ramGb" };

/**
 * The invariants of PRODUCT.md over the merged slices, for what the import creates or changes:
 * a sound window and status; approved slices inside their machine's service (and none newly
 * approved ahead on a machine that is not active); no GPU in two approved slices at once and
 * threads and RAM within capacity at every instant (checked by the slice core, against stored and
 * listed slices alike). Imported history may lie in the past: that is its point.
 */
export function sliceProblems(input: { slices: readonly SliceEntry[]; machines: Map<string, MachineEntry>; users: Map<string, UserRecord>; now: number }): Problem[] {
  const problems: Problem[] = [];
  const sound = new Set<SliceEntry>();
  for (const entry of input.slices) {
    if (!entry.changed || !entry.path) continue;
    const found = shapeProblems(entry, input.machines.get(keys.machine(entry.record.machine))!.record, input.now);
    problems.push(...found.map((p) => ({ path: `${entry.path}${p.field ? `.${p.field}` : ""}`, message: p.message })));
    if (found.length === 0) sound.add(entry);
  }

  const byMachine = new Map<string, { entry: SliceEntry; booking: Booking }[]>();
  input.slices.forEach((entry, n) => {
    const s = entry.record;
    const start = Date.parse(s.start);
    const end = effectiveEnd(Date.parse(s.end), s.releasedAt === null ? null : Date.parse(s.releasedAt));
    if (s.status !== "approved" || !(end > start) || (entry.changed && !sound.has(entry))) return;
    const machineKey = keys.machine(s.machine);
    const booking: Booking = {
      id: entry.id ?? `new-${n}`,
      machineId: machineKey,
      gpuIds: s.gpus.map((i) => gpuId(s.machine, i)),
      threads: s.threads,
      ramGb: s.ramGb,
      start,
      end,
      userId: keys.user(s.requester),
      teamId: s.team,
      userName: input.users.get(keys.user(s.requester))?.name ?? s.requester,
    };
    byMachine.set(machineKey, [...(byMachine.get(machineKey) ?? []), { entry, booking }]);
  });

  for (const [machineKey, held] of byMachine) {
    const machine = input.machines.get(machineKey)!;
    const capacity = machineCapacityOf(machine.record);
    held.sort((a, b) => a.booking.start - b.booking.start);
    const longest = Math.max(...held.map((h) => h.booking.end - h.booking.start));
    const starts = held.map((h) => h.booking.start);
    const pathOf = new Map(held.map((h) => [h.booking.id, h.entry.path]));
    for (const { entry, booking } of held) {
      if (!entry.changed) continue;
      // Only bookings starting within `longest` before this one can still overlap it.
      // Changed slices are checked as if requested in document order, so a clash is reported once, at the later one.
      const others: Booking[] = [];
      for (let i = lowerBound(starts, booking.start - longest); i < held.length && starts[i]! < booking.end; i++) {
        const other = held[i]!;
        if (other.booking !== booking && other.booking.end > booking.start && !(other.entry.changed && other.entry.order > entry.order)) others.push(other.booking);
      }
      if (others.length === 0) continue;
      const request = { gpuIds: booking.gpuIds, gpuCount: booking.gpuIds.length, threads: booking.threads, ramGb: booking.ramGb, start: booking.start, end: booking.end };
      for (const conflict of windowConflicts(capacity, others, request)) {
        const otherPath = "bookingId" in conflict ? pathOf.get(conflict.bookingId) : undefined;
        problems.push({ path: `${entry.path}.${FIELD_OF_CONFLICT[conflict.code] ?? "gpus"}`, message: `${conflict.message}${otherPath ? ` (${otherPath})` : ""}` });
      }
    }
    if (machine.changed && machine.path) problems.push(...shrunkMachineProblems(machine, capacity, held.filter((h) => !h.entry.changed).map((h) => h.booking), input.now));
  }
  return problems;
}

/** Problems of one slice on its own, each with the field at fault. */
function shapeProblems(entry: SliceEntry, machine: MachineRecord, now: number): { field?: string; message: string }[] {
  const s = entry.record;
  const out: { field?: string; message: string }[] = [];
  const start = Date.parse(s.start);
  const end = Date.parse(s.end);
  if (!(end > start)) out.push({ field: "end", message: `must be after the start (${s.start})` });
  if (s.gpuCount > machine.gpus.length) out.push({ field: "gpuCount", message: `${machine.name} has ${machine.gpus.length} GPUs; ${s.gpuCount} asked` });
  if (s.status === "rejected" && !s.decisionReason) out.push({ field: "decisionReason", message: "a rejected slice needs the reason it was rejected" });
  if (s.status !== "approved") {
    if (s.gpus.length > 0) out.push({ field: "gpus", message: `only an approved slice holds GPUs; this one is ${s.status}` });
    if (s.releasedAt !== null) out.push({ field: "releasedAt", message: `only an approved slice can be released; this one is ${s.status}` });
    return out;
  }
  if (s.gpus.length !== s.gpuCount) out.push({ field: "gpus", message: `an approved slice names the ${s.gpuCount} GPU index(es) it held; ${s.gpus.length} given` });
  if (new Set(s.gpus).size !== s.gpus.length) out.push({ field: "gpus", message: "lists a GPU twice" });
  for (const index of s.gpus) {
    if (!machine.gpus.some((g) => g.index === index)) out.push({ field: "gpus", message: `${machine.name} has no GPU ${index}` });
  }
  const released = s.releasedAt === null ? null : Date.parse(s.releasedAt);
  if (released !== null && !(released > start && released <= end)) out.push({ field: "releasedAt", message: "must lie after the start and no later than the end" });
  const inService = Date.parse(machine.inServiceAt);
  const retired = machine.retiredAt === null ? null : Date.parse(machine.retiredAt);
  if (start < inService) out.push({ field: "start", message: `is before ${machine.name} went into service (${formatUtc(inService)})` });
  const heldUntil = effectiveEnd(end, released);
  if (retired !== null && heldUntil > retired) out.push({ field: "end", message: `is after ${machine.name} was retired (${formatUtc(retired)})` });
  if (entry.before === null && heldUntil > now && machine.status !== "active") {
    out.push({ field: "status", message: `${machine.name} is ${machine.status === "retired" ? "retired" : "in maintenance"}; nothing can be approved on it from now on` });
  }
  return out;
}

/** A changed machine must still hold the stored slices that have not ended (as an admin's edit must). */
function shrunkMachineProblems(machine: MachineEntry, capacity: MachineCapacity, stored: Booking[], now: number): Problem[] {
  const cap = sliceCapacity(capacity);
  const window = { start: now, end: Number.POSITIVE_INFINITY };
  const out: Problem[] = [];
  for (const [field, limit, unit, of] of [
    ["threads", cap.threads, "threads", (b: Booking) => b.threads],
    ["ramGb", cap.ramGb, "GB of RAM", (b: Booking) => b.ramGb],
  ] as const) {
    const peak = peakLoad(stored.map((b) => ({ start: b.start, end: b.end, weight: of(b) })), window);
    if (peak.peak > limit) {
      out.push({ path: `${machine.path}.${field}`, message: `approved slices on ${machine.record.name} need ${peak.peak} ${unit} at ${formatUtc(peak.at)}, but only ${limit} would be left for slices` });
    }
  }
  return out;
}

function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
