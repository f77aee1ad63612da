import type { Booking, MachineCapacity } from "@/core/slices/types";

/** Builders for the slice core's tests: the seed machine and terse bookings. */

export const at = (iso: string): number => {
  const ms = Date.parse(iso.endsWith("Z") ? iso : `${iso}Z`);
  if (Number.isNaN(ms)) throw new Error(`bad test time ${iso}`);
  return ms;
};

/** PRODUCT.md's seed machine: 16 threads, 128 GB, 1 thread and 8 GB reserved, 3 GPUs. */
export const zeus = (over: Partial<MachineCapacity> = {}): MachineCapacity => ({
  machineId: "zeus",
  name: "zeus",
  status: "active",
  threads: 16,
  ramGb: 128,
  reservedThreads: 1,
  reservedRamGb: 8,
  gpuIds: ["g0", "g1", "g2"],
  ...over,
});

let seq = 0;
export const booking = (over: Partial<Booking> & Pick<Booking, "start" | "end">): Booking => ({
  id: `b${++seq}`,
  machineId: "zeus",
  gpuIds: ["g0"],
  threads: 5,
  ramGb: 40,
  userId: "alice",
  teamId: "nlp",
  userName: "Alice Moreau",
  ...over,
});
