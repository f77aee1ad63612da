import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultTopology, formatCpuSet, parseCpuSet, pickCpus, reservedCpus } from "./cpu-topology";

describe("CPU topology", () => {
  it("pairs thread i with i + cores, as Linux numbers hyperthreads", () => {
    expect(defaultTopology(4, 8)).toEqual([[0, 4], [1, 5], [2, 6], [3, 7]]);
    expect(defaultTopology(3, 3)).toEqual([[0], [1], [2]]);
    expect(defaultTopology(3, 4)).toEqual([[0], [1], [2], [3]]);
  });

  it("reserves the first threads in core order", () => {
    expect(reservedCpus(defaultTopology(4, 8), 1)).toEqual([0]);
    expect(reservedCpus(defaultTopology(4, 8), 3)).toEqual([0, 4, 1]);
  });

  it("picks whole cores first, then threads whose sibling is taken, and splits a core last", () => {
    const topology = defaultTopology(4, 8);
    expect(pickCpus(topology, new Set([1, 2, 3, 4, 5, 6, 7]), 3)).toEqual([1, 4, 5]);
    expect(pickCpus(topology, new Set([1, 2, 3, 5, 6, 7]), 2)).toEqual([1, 5]);
    expect(pickCpus(topology, new Set([1, 2, 3, 5, 6, 7]), 1)).toEqual([1]);
    expect(pickCpus(topology, new Set([2, 3, 5, 6, 7]), 1)).toEqual([5]);
    expect(pickCpus(topology, new Set([2]), 3)).toEqual([2]);
  });

  it("writes and reads CPU sets in systemd's forms", () => {
    expect(formatCpuSet([10, 1, 2, 8, 9])).toBe("1-2,8-10");
    expect(parseCpuSet("1-2 8-10")).toEqual([1, 2, 8, 9, 10]);
    expect(parseCpuSet("")).toEqual([]);
    expect(parseCpuSet("3-1")).toBeNull();
    expect(parseCpuSet("all")).toBeNull();
    fc.assert(fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 255 })), (cpus) => {
        expect(parseCpuSet(formatCpuSet(cpus))).toEqual([...cpus].sort((a, b) => a - b));
      }));
  });
});
