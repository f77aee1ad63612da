import fc from "fast-check";
import type { Booking, MachineCapacity } from "@/core/slices/types";

/**
 * fast-check generators for the slice core's properties. Times sit on a half-hour grid from
 * BASE, so overlaps, abutments and shared edges are frequent rather than astronomically rare.
 */

export const BASE = Date.UTC(2026, 10, 28, 0, 0);
export const STEP = 30 * 60_000;
export const t = (steps: number) => BASE + steps * STEP;

export const machineArb: fc.Arbitrary<MachineCapacity> = fc
  .record({
    gpus: fc.integer({ min: 0, max: 4 }),
    threads: fc.integer({ min: 1, max: 32 }),
    reservedThreads: fc.integer({ min: 0, max: 2 }),
    ramGb: fc.integer({ min: 8, max: 128 }),
    reservedRamGb: fc.integer({ min: 0, max: 8 }),
    status: fc.constantFrom("active", "active", "active", "maintenance", "retired") as fc.Arbitrary<MachineCapacity["status"]>,
  })
  .map(({ gpus, ...m }) => ({ machineId: "m", ...m, gpuIds: Array.from({ length: gpus }, (_, i) => `m-g${i}`) }));

export const activeMachineWithGpusArb = machineArb.map((m) => ({ ...m, status: "active" as const, gpuIds: m.gpuIds.length ? m.gpuIds : ["m-g0"] }));

/** Random approved-looking bookings of `machine` (not necessarily mutually consistent) plus some on another machine. */
export const bookingsArb = (machine: MachineCapacity, maxLength = 12): fc.Arbitrary<Booking[]> =>
  fc.array(
    fc.record({
      start: fc.integer({ min: 0, max: 96 }),
      len: fc.integer({ min: 1, max: 24 }),
      gpus: fc.subarray([...machine.gpuIds, "other-g0"]),
      threads: fc.integer({ min: 0, max: 12 }),
      ramGb: fc.integer({ min: 0, max: 48 }),
      otherMachine: fc.boolean(),
      user: fc.constantFrom("u1", "u2", "u3"),
      team: fc.constantFrom("t1", "t2"),
    }),
    { maxLength },
  ).map((rows) =>
    rows.map((r, i) => ({
      id: `b${i}`,
      machineId: r.otherMachine ? "other" : machine.machineId,
      gpuIds: r.gpus,
      threads: r.threads,
      ramGb: r.ramGb,
      start: t(r.start),
      end: t(r.start + r.len),
      userId: r.user,
      teamId: r.team,
    })),
  );

/** Naive: the booking's GPU overlaps a window of the same machine. */
export const holdsDuring = (b: Booking, machineId: string, gpuId: string, start: number, end: number) =>
  b.machineId === machineId && b.gpuIds.includes(gpuId) && b.start < end && start < b.end;
