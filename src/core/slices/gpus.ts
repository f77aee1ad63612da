import { overlaps, type TimeWindow } from "./time";
import type { Booking, MachineCapacity } from "./types";

/** A booking of this machine that holds `gpuId` at some instant of the window. */
export interface GpuHold {
  gpuId: string;
  gpuIndex: number;
  booking: Booking;
}

/** "GPU 1" for the machine's second GPU; the raw id for a GPU the machine does not have. */
export function gpuLabel(machine: MachineCapacity, gpuId: string): string {
  const index = machine.gpuIds.indexOf(gpuId);
  return index >= 0 ? `GPU ${index}` : `GPU ${gpuId}`;
}

/** Bookings of this machine whose window overlaps `window`, minus the one being re-checked. */
export function machineBookingsIn(
  machine: MachineCapacity,
  bookings: readonly Booking[],
  window: TimeWindow,
  excludeBookingId?: string,
): Booking[] {
  return bookings.filter(
    (b) => b.machineId === machine.machineId && b.id !== excludeBookingId && overlaps(b, window),
  );
}

/**
 * Every hold on the machine's GPUs during the window, ordered by GPU index then booking start,
 * so messages list them in a stable, readable order.
 */
export function gpuHoldsIn(machine: MachineCapacity, overlapping: readonly Booking[]): GpuHold[] {
  const holds: GpuHold[] = [];
  machine.gpuIds.forEach((gpuId, gpuIndex) => {
    for (const booking of overlapping) if (booking.gpuIds.includes(gpuId)) holds.push({ gpuId, gpuIndex, booking });
  });
  return holds.sort((a, b) => a.gpuIndex - b.gpuIndex || a.booking.start - b.booking.start);
}

/** GPUs of the machine that no overlapping booking holds at any instant of the window, by index. */
export function freeGpuIds(machine: MachineCapacity, overlapping: readonly Booking[]): string[] {
  const held = new Set(overlapping.flatMap((b) => b.gpuIds));
  return machine.gpuIds.filter((id) => !held.has(id));
}

/**
 * The GPUs to assign to a request: the `gpuCount` lowest-index GPUs free for the whole window,
 * or null when fewer are free (or the count is not a positive whole number). Lowest index first
 * keeps the proposal deterministic, so two admins looking at the same request see the same GPUs.
 */
export function proposeFreeGpus(input: {
  machine: MachineCapacity;
  bookings: readonly Booking[];
  gpuCount: number;
  start: number;
  end: number;
  excludeBookingId?: string;
}): string[] | null {
  const { machine, bookings, gpuCount, start, end, excludeBookingId } = input;
  if (!Number.isInteger(gpuCount) || gpuCount < 1 || !(end > start)) return null;
  const free = freeGpuIds(machine, machineBookingsIn(machine, bookings, { start, end }, excludeBookingId));
  return free.length >= gpuCount ? free.slice(0, gpuCount) : null;
}
