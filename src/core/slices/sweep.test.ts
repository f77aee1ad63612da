import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { peakLoad, type WeightedInterval } from "./sweep";

const iv = (start: number, end: number, weight: number): WeightedInterval => ({ start, end, weight });

describe("peakLoad", () => {
  it.each<[string, WeightedInterval[], { start: number; end: number }, { peak: number; at: number }]>([
    ["nothing overlaps: 0 at the window start", [iv(0, 5, 3)], { start: 10, end: 20 }, { peak: 0, at: 10 }],
    ["abutting intervals never add up", [iv(0, 10, 3), iv(10, 20, 4)], { start: 0, end: 20 }, { peak: 4, at: 10 }],
    ["overlap adds up, earliest instant reported", [iv(0, 10, 3), iv(5, 20, 4), iv(15, 30, 3)], { start: 0, end: 30 }, { peak: 7, at: 5 }],
    ["an interval begun before the window counts at its start", [iv(-10, 5, 2), iv(0, 3, 1)], { start: 0, end: 10 }, { peak: 3, at: 0 }],
    ["a peak after the window is ignored", [iv(0, 10, 1), iv(10, 20, 9)], { start: 0, end: 10 }, { peak: 1, at: 0 }],
    ["equal peaks: the first one", [iv(0, 2, 5), iv(4, 6, 5)], { start: 0, end: 10 }, { peak: 5, at: 0 }],
  ])("%s", (_name, intervals, window, expected) => {
    expect(peakLoad(intervals, window)).toEqual(expected);
  });
});

/** Naive: the load only rises at an interval start or the window start, so check each one. */
function naivePeak(intervals: WeightedInterval[], window: { start: number; end: number }) {
  const instants = [window.start, ...intervals.map((i) => i.start)].filter((t) => t >= window.start && t < window.end).sort((a, b) => a - b);
  let best = { peak: 0, at: window.start };
  for (const t of instants) {
    const load = intervals.filter((i) => i.start <= t && t < i.end).reduce((s, i) => s + i.weight, 0);
    if (load > best.peak) best = { peak: load, at: t };
  }
  return best;
}

describe("peakLoad property", () => {
  it("equals the naive peak, at the same earliest instant", () => {
    const interval = fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 20 }), fc.integer({ min: 0, max: 8 })).map(([s, len, wt]) => iv(s, s + len, wt));
    const window = fc.tuple(fc.integer({ min: 0, max: 70 }), fc.integer({ min: 1, max: 30 })).map(([s, len]) => ({ start: s, end: s + len }));
    fc.assert(
      fc.property(fc.array(interval, { maxLength: 30 }), window, (intervals, win) => {
        expect(peakLoad(intervals, win)).toEqual(naivePeak(intervals, win));
      }),
      { numRuns: 300 },
    );
  });
});
