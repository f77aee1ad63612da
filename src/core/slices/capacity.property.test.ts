import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findCapacityConflicts, sliceCapacity, type SliceRequest } from "./capacity";
import { proposeFreeGpus } from "./gpus";
import { machineArb, t } from "@test/core/slices-arbitraries";
import type { Booking, MachineCapacity } from "./types";

const now = t(4);

/**
 * Requests on a half-hour grid, many of them competing for the same hours. Most are well formed
 * (a named subset of the machine's GPUs, or a count), so many get approved and the schedule
 * fills up to its limits; a few name foreign or repeated GPUs, are backdated or have empty windows.
 */
const requestsArb = (machine: MachineCapacity) => {
  const gpuChoice = machine.gpuIds.length
    ? fc.oneof(
        { weight: 3, arbitrary: fc.constant(undefined) },
        { weight: 3, arbitrary: fc.subarray([...machine.gpuIds], { minLength: 1 }) },
        { weight: 1, arbitrary: fc.array(fc.constantFrom(...machine.gpuIds, "foreign"), { maxLength: 4 }) },
      )
    : fc.constant(undefined);
  return fc.array(
    fc.record({
      start: fc.integer({ min: 0, max: 60 }),
      len: fc.integer({ min: -1, max: 16 }),
      gpuCount: fc.integer({ min: 0, max: machine.gpuIds.length + 1 }),
      named: gpuChoice,
      // Up to about half the machine each, so two or three requests reach its limits together.
      threads: fc.integer({ min: 0, max: Math.ceil(sliceCapacity(machine).threads / 2) + 1 }),
      ramGb: fc.integer({ min: 0, max: Math.ceil(sliceCapacity(machine).ramGb / 2) + 1 }),
    }),
    { minLength: 10, maxLength: 40 },
  ).map((rows) =>
    rows.map((r): SliceRequest => ({
      gpuIds: r.named,
      gpuCount: r.named ? r.named.length : r.gpuCount,
      threads: r.threads,
      ramGb: r.ramGb,
      start: t(r.start),
      end: t(r.start + r.len),
    })),
  );
};

describe("approving only conflict-free requests keeps the invariants", () => {
  it("no GPU double-booked, threads and RAM within capacity at every booking start", () => {
    const input = machineArb.chain((machine) => fc.tuple(fc.constant(machine), requestsArb(machine)));
    fc.assert(
      fc.property(input, ([machine, requests]) => {
        const approved: Booking[] = [];
        for (const [i, request] of requests.entries()) {
          if (findCapacityConflicts({ machine, bookings: approved, request, now }).length > 0) continue;
          const gpuIds = request.gpuIds ?? proposeFreeGpus({ machine, bookings: approved, gpuCount: request.gpuCount, start: request.start, end: request.end });
          // No conflicts without named GPUs means enough are free: the proposal must exist.
          expect(gpuIds).not.toBeNull();
          approved.push({ id: `r${i}`, machineId: machine.machineId, gpuIds: gpuIds ?? [], threads: request.threads, ramGb: request.ramGb, start: request.start, end: request.end, userId: "u", teamId: "t" });
        }

        if (machine.status !== "active") expect(approved).toEqual([]);
        for (const b of approved) {
          expect(b.end).toBeGreaterThan(b.start);
          expect(b.gpuIds.length).toBeGreaterThanOrEqual(1);
          for (const g of b.gpuIds) expect(machine.gpuIds).toContain(g);
        }
        // Naive O(n²): no two overlapping bookings share a GPU.
        for (const a of approved) for (const b of approved) {
          if (a === b || !(a.start < b.end && b.start < a.end)) continue;
          expect(a.gpuIds.filter((g) => b.gpuIds.includes(g))).toEqual([]);
        }
        // Load only rises at a booking start, so checking every start checks every instant.
        const cap = sliceCapacity(machine);
        for (const s of approved) {
          const live = approved.filter((b) => b.start <= s.start && s.start < b.end);
          expect(live.reduce((n, b) => n + b.threads, 0)).toBeLessThanOrEqual(cap.threads);
          expect(live.reduce((n, b) => n + b.ramGb, 0)).toBeLessThanOrEqual(cap.ramGb);
        }
      }),
      { numRuns: 200 },
    );
  });
});
