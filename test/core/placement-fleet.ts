import fc from "fast-check";
import { STEP, t } from "./slices-arbitraries";
import type { Booking } from "@/core/slices/types";
import type { PlacementGpu, PlacementMachine } from "@/core/placement/types";

/** Small fleets and schedules for the placement properties, on the half-hour grid of the slice core's arbitraries. */

const MODELS: ReadonlyArray<Omit<PlacementGpu, "id">> = [
  { model: "GTX 1080 Ti", vramGb: 11, cloudMicrosPerHour: 1_460_000 },
  { model: "RTX 4090", vramGb: 24, cloudMicrosPerHour: 2_480_000 },
  { model: "RTX 5090", vramGb: 32, cloudMicrosPerHour: 3_060_000 },
];

export const machine = (name: string, models: ReadonlyArray<Omit<PlacementGpu, "id">>, over: Partial<PlacementMachine> = {}): PlacementMachine => {
  const gpus = models.map((m, i) => ({ ...m, id: `${name}-g${i}` }));
  return {
    machineId: name, name, status: "active", threads: 16, ramGb: 128, reservedThreads: 1, reservedRamGb: 8,
    gpuIds: gpus.map((g) => g.id), gpus, cloudMicrosPerThreadHour: 31_611, cloudMicrosPerGbHour: 4_237, ...over,
  };
};

export const MODEL = { ti: MODELS[0]!, r4090: MODELS[1]!, r5090: MODELS[2]! };

export const fleetArb: fc.Arbitrary<PlacementMachine[]> = fc
  .array(
    fc.record({
      models: fc.array(fc.constantFrom(...MODELS), { minLength: 1, maxLength: 3 }),
      threads: fc.integer({ min: 4, max: 24 }),
      ramGb: fc.integer({ min: 32, max: 160 }),
      status: fc.constantFrom("active", "active", "active", "maintenance") as fc.Arbitrary<PlacementMachine["status"]>,
    }),
    { minLength: 1, maxLength: 3 },
  )
  .map((rows) => rows.map((r, i) => machine(`m${i}`, r.models, { threads: r.threads, ramGb: r.ramGb, status: r.status })));

/** Bookings that respect the invariants (each added only where it fits), so the schedule is one a portal could hold. */
export const scheduleArb = (fleet: readonly PlacementMachine[]): fc.Arbitrary<Booking[]> =>
  fc
    .array(
      fc.record({ m: fc.nat(fleet.length - 1), start: fc.integer({ min: 0, max: 40 }), len: fc.integer({ min: 1, max: 16 }), gpus: fc.integer({ min: 1, max: 3 }), threads: fc.integer({ min: 0, max: 8 }), ram: fc.integer({ min: 0, max: 60 }), team: fc.constantFrom("t1", "t2", "t3") }),
      { maxLength: 14 },
    )
    .map((rows) => {
      const out: Booking[] = [];
      rows.forEach((r, i) => {
        const m = fleet[r.m]!;
        const start = t(r.start);
        const end = t(r.start + r.len);
        const busy = out.filter((b) => b.machineId === m.machineId && b.start < end && start < b.end);
        const free = m.gpuIds.filter((g) => !busy.some((b) => b.gpuIds.includes(g)));
        const peak = (of: (b: Booking) => number) => Math.max(0, ...[start, ...busy.map((b) => b.start)].filter((x) => x >= start && x < end).map((x) => busy.filter((b) => b.start <= x && x < b.end).reduce((s, b) => s + of(b), 0)));
        if (free.length < r.gpus || peak((b) => b.threads) + r.threads > m.threads - m.reservedThreads || peak((b) => b.ramGb) + r.ram > m.ramGb - m.reservedRamGb) return;
        out.push({ id: `b${i}`, machineId: m.machineId, gpuIds: free.slice(0, r.gpus), threads: r.threads, ramGb: r.ram, start, end, userId: `u-${r.team}`, teamId: r.team });
      });
      return out;
    });

export { STEP, t };
