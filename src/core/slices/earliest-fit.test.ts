import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findCapacityConflicts } from "./capacity";
import { findEarliestFit, type FitRequest } from "./earliest-fit";
import { proposeFreeGpus } from "./gpus";
import { activeMachineWithGpusArb, bookingsArb, STEP, t } from "@test/core/slices-arbitraries";
import { at, booking, zeus } from "@test/core/slices-fixtures";
import type { Booking, MachineCapacity } from "./types";

const H = 3_600_000;
const notBefore = at("2026-11-28T08:00");
const oneGpu = (hours: number, over: Partial<FitRequest> = {}): FitRequest => ({ gpuCount: 1, threads: 5, ramGb: 40, durationMs: hours * H, ...over });
const allGpus = (start: string, end: string): Booking[] =>
  ["g0", "g1", "g2"].map((g) => booking({ gpuIds: [g], start: at(start), end: at(end) }));
const fit = (request: FitRequest, bookings: Booking[], horizon = at("2026-12-28T00:00"), machine: MachineCapacity = zeus()) =>
  findEarliestFit({ machine, bookings, request, notBefore, horizon });

describe("findEarliestFit", () => {
  const twoBlocks = [...allGpus("2026-11-28T09:00", "2026-11-28T12:00"), ...allGpus("2026-11-28T14:00", "2026-11-28T18:00")];

  it.each<[string, FitRequest, Booking[], { start: string; end: string; gpuIds: string[] } | null, number?]>([
    ["notBefore itself when it fits", oneGpu(1), twoBlocks, { start: "2026-11-28T08:00", end: "2026-11-28T09:00", gpuIds: ["g0"] }],
    ["the gap between bookings, abutting both", oneGpu(2), twoBlocks, { start: "2026-11-28T12:00", end: "2026-11-28T14:00", gpuIds: ["g0"] }],
    ["after the last booking when the gap is too short", oneGpu(3), twoBlocks, { start: "2026-11-28T18:00", end: "2026-11-28T21:00", gpuIds: ["g0"] }],
    ["after the last booking", oneGpu(1), allGpus("2026-11-28T08:00", "2026-11-28T20:00"), { start: "2026-11-28T20:00", end: "2026-11-28T21:00", gpuIds: ["g0"] }],
    ["at the horizon itself (inclusive)", oneGpu(1), allGpus("2026-11-28T08:00", "2026-11-28T20:00"), { start: "2026-11-28T20:00", end: "2026-11-28T21:00", gpuIds: ["g0"] }, at("2026-11-28T20:00")],
    ["none within the horizon", oneGpu(1), allGpus("2026-11-28T08:00", "2026-11-28T20:00"), null, at("2026-11-28T19:59")],
    ["none when the horizon is before notBefore, even on an idle machine", oneGpu(1), [], null, at("2026-11-28T07:59")],
    [
      "threads, not GPUs, are the bottleneck",
      oneGpu(2),
      [booking({ gpuIds: ["g0"], threads: 14, ramGb: 10, start: at("2026-11-28T07:00"), end: at("2026-11-28T12:00") })],
      { start: "2026-11-28T12:00", end: "2026-11-28T14:00", gpuIds: ["g0"] },
    ],
    [
      "RAM, not GPUs, is the bottleneck",
      oneGpu(2),
      [booking({ gpuIds: ["g2"], threads: 1, ramGb: 100, start: at("2026-11-28T07:00"), end: at("2026-11-28T10:30") })],
      { start: "2026-11-28T10:30", end: "2026-11-28T12:30", gpuIds: ["g0"] },
    ],
    ["proposes free GPUs, lowest index first", oneGpu(1, { gpuCount: 2 }), [booking({ gpuIds: ["g0"], start: at("2026-11-28T07:00"), end: at("2026-11-28T20:00") })], { start: "2026-11-28T08:00", end: "2026-11-28T09:00", gpuIds: ["g1", "g2"] }],
    ["a request bigger than the machine fits nowhere", oneGpu(1, { threads: 16 }), [], null],
    ["more GPUs than the machine has fit nowhere", oneGpu(1, { gpuCount: 4 }), [], null],
    ["a zero duration is no request", oneGpu(0), [], null],
  ])("%s", (_name, request, bookings, expected, horizon) => {
    const got = fit(request, bookings, horizon);
    expect(got).toEqual(expected && { start: at(expected.start), end: at(expected.end), gpuIds: expected.gpuIds });
  });

  it("nothing fits on a machine in maintenance", () => {
    expect(fit(oneGpu(1), [], undefined, zeus({ status: "maintenance" }))).toBeNull();
  });

  it("leaves out the booking being re-checked", () => {
    const mine = allGpus("2026-11-28T07:00", "2026-11-28T20:00");
    const got = findEarliestFit({ machine: zeus(), bookings: mine, request: oneGpu(1), notBefore, horizon: at("2026-12-01T00:00"), excludeBookingId: mine[0]!.id });
    expect(got).toEqual({ start: notBefore, end: notBefore + H, gpuIds: ["g0"] });
  });

  it("finds the first gap after 3,000 back-to-back bookings", () => {
    const busy = Array.from({ length: 1000 }, (_, i) => allGpus(new Date(notBefore + i * H).toISOString(), new Date(notBefore + (i + 1) * H).toISOString())).flat();
    expect(busy).toHaveLength(3000);
    expect(fit(oneGpu(2), busy, notBefore + 2000 * H)).toEqual({ start: notBefore + 1000 * H, end: notBefore + 1002 * H, gpuIds: ["g0"] });
  });
});

describe("findEarliestFit property", () => {
  it("returns a conflict-free window, and no earlier start on the grid fits (brute force)", () => {
    const input = activeMachineWithGpusArb.chain((machine) =>
      fc.record({
        machine: fc.constant(machine),
        bookings: bookingsArb(machine, 15),
        notBefore: fc.integer({ min: 0, max: 40 }),
        horizonSteps: fc.integer({ min: 0, max: 100 }),
        gpuCount: fc.integer({ min: 1, max: machine.gpuIds.length }),
        threads: fc.integer({ min: 0, max: 10 }),
        ramGb: fc.integer({ min: 0, max: 40 }),
        steps: fc.integer({ min: 1, max: 20 }),
      }),
    );
    fc.assert(
      fc.property(input, (c) => {
        const request = { gpuCount: c.gpuCount, threads: c.threads, ramGb: c.ramGb, durationMs: c.steps * STEP };
        const [from, horizon] = [t(c.notBefore), t(c.notBefore + c.horizonSteps)];
        const got = findEarliestFit({ machine: c.machine, bookings: c.bookings, request, notBefore: from, horizon });
        // Every edge is on the grid, so a fitting start implies a fitting grid start at or before it.
        const fitsAt = (start: number) =>
          findCapacityConflicts({ machine: c.machine, bookings: c.bookings, request: { ...request, start, end: start + request.durationMs }, now: from }).length === 0;
        let brute: number | null = null;
        for (let s = from; s <= horizon; s += STEP) if (fitsAt(s)) { brute = s; break; }

        expect(got?.start ?? null).toBe(brute);
        if (got) {
          expect(got.end - got.start).toBe(request.durationMs);
          expect(got.gpuIds).toEqual(proposeFreeGpus({ machine: c.machine, bookings: c.bookings, gpuCount: c.gpuCount, start: got.start, end: got.end }));
          const assigned = { ...request, gpuIds: got.gpuIds, start: got.start, end: got.end };
          expect(findCapacityConflicts({ machine: c.machine, bookings: c.bookings, request: assigned, now: from })).toEqual([]);
        }
      }),
      { numRuns: 200 },
    );
  });
});
