import { describe, expect, it } from "vitest";
import { generateHistory } from "./history";

const machines = [
  { id: "zeus", inServiceAt: new Date("2018-06-15T00:00:00Z"), gpuIds: ["z0", "z1", "z2"], profile: { threads: 5, ramGb: 40 } },
  { id: "atlas", inServiceAt: new Date("2023-03-01T00:00:00Z"), gpuIds: ["a0", "a1"], profile: { threads: 15, ramGb: 62 } },
];
const users = [
  { id: "u1", teamId: "t1" },
  { id: "u2", teamId: "t2" },
];
const until = new Date("2026-11-27T00:00:00Z");

describe("generateHistory", () => {
  it("is deterministic for a seed", () => {
    expect(generateHistory({ machines, users, until, seed: 7 })).toEqual(generateHistory({ machines, users, until, seed: 7 }));
  });

  it("never double-books a GPU, stays within service dates and ends before `until`", () => {
    const slices = generateHistory({ machines, users, until });
    expect(slices.length).toBeGreaterThan(1000);
    const byGpu = new Map<string, typeof slices>();
    for (const s of slices) byGpu.set(s.gpuId, [...(byGpu.get(s.gpuId) ?? []), s]);
    for (const [gpuId, held] of byGpu) {
      const machine = machines.find((m) => m.gpuIds.includes(gpuId))!;
      const sorted = held.toSorted((a, b) => a.startAt.getTime() - b.startAt.getTime());
      expect(sorted[0]!.startAt.getTime()).toBeGreaterThanOrEqual(machine.inServiceAt.getTime());
      for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.startAt.getTime()).toBeGreaterThanOrEqual(sorted[i - 1]!.endAt.getTime());
      expect(sorted.at(-1)!.endAt.getTime()).toBeLessThan(until.getTime());
    }
    for (const s of slices) {
      expect(s.endAt > s.startAt).toBe(true);
      if (s.releasedAt) expect(s.releasedAt > s.startAt && s.releasedAt < s.endAt).toBe(true);
    }
  });

  it("can be made dense enough for the benchmark's 50,000 slices", () => {
    const dense = generateHistory({ machines, users, until, meanHoldHours: 6, meanGapHours: 3 });
    expect(dense.length).toBeGreaterThan(25_000);
  });
});
