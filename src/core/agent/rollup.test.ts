import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { aggregate, HOUR_MS, merge, MINUTE_MS, realUse, rollUp, type GpuPoint } from "./rollup";

const t0 = Date.UTC(2026, 11, 7, 10, 0, 0);
const point = (gpuId: string, s: number, utilPct: number | null, memUsedMib = 1000): GpuPoint => ({ gpuId, at: new Date(t0 + s * 1000), utilPct, memUsedMib, powerW: 100, tempC: 50 });

describe("rollups", () => {
  it("sums, counts and keeps maxima per GPU and bucket", () => {
    const [b] = aggregate([point("g", 0, 50, 800), point("g", 10, 0, 1200), point("g", 20, null)], MINUTE_MS);
    expect(b).toMatchObject({ samples: 3, utilSamples: 2, utilSum: 50, utilMax: 50, idleSamples: 1, memMaxMib: 1200, powerSum: 300, tempMax: 50 });
  });

  it("merging per-minute buckets gives the hour bucket, in any split (property)", () => {
    const pointArb = fc.record({ s: fc.integer({ min: 0, max: 3599 }), util: fc.option(fc.integer({ min: 0, max: 100 })), mem: fc.integer({ min: 0, max: 80_000 }) });
    fc.assert(
      fc.property(fc.array(pointArb, { minLength: 1, maxLength: 200 }), fc.integer({ min: 0, max: 200 }), (raw, cut) => {
        const points = raw.map((r) => point("g", r.s, r.util, r.mem));
        const [hour] = aggregate(points, HOUR_MS);
        // Two deliveries (e.g. live, then a replay of the rest) merge into the same hour.
        const parts = [aggregate(points.slice(0, cut), HOUR_MS), aggregate(points.slice(cut), HOUR_MS)].flat();
        expect(parts.reduce(merge)).toEqual(hour);
        const minutes = aggregate(points, MINUTE_MS);
        expect({ ...minutes.reduce(merge), start: hour!.start }).toEqual(hour);
        expect(rollUp(minutes, HOUR_MS)).toEqual([hour]);
      }),
    );
  });

  it("leaves the buckets it rolls up and merges as they were", () => {
    const minutes = aggregate([point("g", 0, 50), point("g", 60, 0), point("h", 0, 20)], MINUTE_MS);
    const before = structuredClone(minutes);
    const [hour] = rollUp(minutes, HOUR_MS);
    expect(merge(minutes[0]!, minutes[1]!)).toMatchObject({ samples: 2, utilSum: 50 });
    expect(minutes).toEqual(before);
    expect(hour).toMatchObject({ gpuId: "g", samples: 2, utilSum: 50, start: new Date(t0) });
  });

  it("gives a slice's real use: average and peak utilization, peak memory, idle minutes, used GPU-hours", () => {
    const points = [
      ...Array.from({ length: 6 }, (_, i) => point("a", i * 10, 90, 20_000)), // minute 0: busy
      ...Array.from({ length: 6 }, (_, i) => point("a", 60 + i * 10, 0, 20_000)), // minute 1: idle on a...
      ...Array.from({ length: 6 }, (_, i) => point("b", 60 + i * 10, 0, 500)), // ...and on b
      ...Array.from({ length: 6 }, (_, i) => point("b", 120 + i * 10, i < 3 ? 0 : 60)), // minute 2: half busy
    ];
    const use = realUse(aggregate(points, MINUTE_MS));
    expect(use.avgUtilPct).toBeCloseTo((6 * 90 + 3 * 60) / 24);
    expect(use).toMatchObject({ samples: 24, peakUtilPct: 90, peakMemMib: 20_000, idleMinutes: 1 });
    expect(use.measuredGpuHours).toBeCloseTo(4 / 60);
    expect(use.usedGpuHours).toBeCloseTo(1.5 / 60);
  });

  it("says nothing about a window without telemetry", () => {
    expect(realUse([])).toEqual({ samples: 0, avgUtilPct: null, peakUtilPct: null, peakMemMib: null, idleMinutes: 0, measuredGpuHours: 0, usedGpuHours: 0 });
  });
});
