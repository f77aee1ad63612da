import { describe, expect, it } from "vitest";
import { endingNotices, nextBoundary } from "./next-boundary";
import { DAY0, H, zeusDoc, zeusSlice } from "@test/core/enforcement-fixtures";

const doc = zeusDoc([zeusSlice("a", "priya", 0, 9, 19), zeusSlice("b", "marco", 1, 10, 14), zeusSlice("c", "marco", 1, 14, 16)]);

describe("nextBoundary", () => {
  it("is the next start or end strictly after the instant", () => {
    expect(nextBoundary(doc, DAY0)).toBe(DAY0 + 9 * H);
    expect(nextBoundary(doc, DAY0 + 9 * H)).toBe(DAY0 + 10 * H);
    expect(nextBoundary(doc, DAY0 + 15 * H)).toBe(DAY0 + 16 * H);
    expect(nextBoundary(doc, DAY0 + 19 * H)).toBeNull();
  });
});

describe("endingNotices", () => {
  it("warns some minutes before the end and at the end, once each within the window", () => {
    expect(endingNotices(doc, DAY0 + 18 * H, DAY0 + 19 * H, 10)).toEqual([
      { sliceId: "a", linuxUsername: "priya", end: DAY0 + 19 * H, at: DAY0 + 19 * H - 10 * 60_000, kind: "soon" },
      { sliceId: "a", linuxUsername: "priya", end: DAY0 + 19 * H, at: DAY0 + 19 * H, kind: "now" },
    ]);
    expect(endingNotices(doc, DAY0 + 19 * H, DAY0 + 20 * H, 10)).toEqual([]);
  });

  it("does not tell someone their slice ends when the next one continues it on the same GPU", () => {
    expect(endingNotices(doc, DAY0 + 13 * H, DAY0 + 14 * H, 10)).toEqual([]);
    expect(endingNotices(doc, DAY0 + 15 * H, DAY0 + 16 * H, 10).map((n) => [n.sliceId, n.kind])).toEqual([["c", "soon"], ["c", "now"]]);
  });
});
