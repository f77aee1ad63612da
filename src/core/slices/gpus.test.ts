import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gpuLabel, proposeFreeGpus } from "./gpus";
import { bookingsArb, holdsDuring, machineArb, t } from "@test/core/slices-arbitraries";
import { at, booking, zeus } from "@test/core/slices-fixtures";

const day = { start: at("2026-11-28T09:00"), end: at("2026-11-28T18:00") };

describe("proposeFreeGpus", () => {
  it.each<[string, string[][], number, string[] | null]>([
    ["lowest indices on an empty machine", [], 2, ["g0", "g1"]],
    ["skips held GPUs", [["g0"]], 2, ["g1", "g2"]],
    ["all three when all are free", [], 3, ["g0", "g1", "g2"]],
    ["null when too few are free", [["g0", "g2"]], 2, null],
    ["null for a count below 1", [], 0, null],
  ])("%s", (_name, held, gpuCount, expected) => {
    const bookings = held.map((gpuIds) => booking({ gpuIds, ...day }));
    expect(proposeFreeGpus({ machine: zeus(), bookings, gpuCount, ...day })).toEqual(expected);
  });

  it("a GPU whose booking ends as the window starts is free (half-open)", () => {
    const before = booking({ gpuIds: ["g0"], start: at("2026-11-28T06:00"), end: day.start });
    expect(proposeFreeGpus({ machine: zeus(), bookings: [before], gpuCount: 1, ...day })).toEqual(["g0"]);
  });

  it("a GPU held for only part of the window is not free", () => {
    const part = booking({ gpuIds: ["g0"], start: at("2026-11-28T17:59"), end: at("2026-11-28T20:00") });
    expect(proposeFreeGpus({ machine: zeus(), bookings: [part], gpuCount: 1, ...day })).toEqual(["g1"]);
  });

  it("labels GPUs by index", () => {
    expect(gpuLabel(zeus(), "g2")).toBe("GPU 2");
    expect(gpuLabel(zeus(), "x")).toBe("GPU x");
  });
});

describe("proposeFreeGpus property", () => {
  it("returns the lowest-index GPUs free by a naive check, or null exactly when too few are free", () => {
    const input = machineArb.chain((machine) =>
      fc.record({
        machine: fc.constant(machine),
        bookings: bookingsArb(machine),
        start: fc.integer({ min: 0, max: 100 }),
        len: fc.integer({ min: 1, max: 30 }),
        gpuCount: fc.integer({ min: 1, max: 5 }),
      }),
    );
    fc.assert(
      fc.property(input, ({ machine, bookings, start, len, gpuCount }) => {
        const [s, e] = [t(start), t(start + len)];
        const naiveFree = machine.gpuIds.filter((g) => !bookings.some((b) => holdsDuring(b, machine.machineId, g, s, e)));
        const got = proposeFreeGpus({ machine, bookings, gpuCount, start: s, end: e });
        if (naiveFree.length < gpuCount) {
          expect(got).toBeNull();
        } else {
          expect(got).toEqual(naiveFree.slice(0, gpuCount));
          expect(new Set(got).size).toBe(gpuCount);
        }
      }),
      { numRuns: 300 },
    );
  });
});
