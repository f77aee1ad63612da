import { describe, expect, it } from "vitest";
import { formatAmount, formatUtc, plural } from "./format";
import { at } from "@test/core/slices-fixtures";
import { clipToWindow, gpuHours, monthStartsUtc, overlapMs, overlaps, splitByUtcMonth } from "./time";

const w = (a: string, b: string) => ({ start: at(a), end: at(b) });

describe("overlaps (half-open windows)", () => {
  it.each([
    ["disjoint", w("2026-11-28T09:00", "2026-11-28T10:00"), w("2026-11-28T11:00", "2026-11-28T12:00"), false],
    ["abutting: one ends when the other starts", w("2026-11-28T09:00", "2026-11-28T10:00"), w("2026-11-28T10:00", "2026-11-28T12:00"), false],
    ["one minute of overlap", w("2026-11-28T09:00", "2026-11-28T10:01"), w("2026-11-28T10:00", "2026-11-28T12:00"), true],
    ["containment", w("2026-11-28T09:00", "2026-11-28T18:00"), w("2026-11-28T10:00", "2026-11-28T11:00"), true],
    ["identical", w("2026-11-28T09:00", "2026-11-28T10:00"), w("2026-11-28T09:00", "2026-11-28T10:00"), true],
    ["empty window overlaps nothing", w("2026-11-28T10:00", "2026-11-28T10:00"), w("2026-11-28T09:00", "2026-11-28T12:00"), false],
  ])("%s", (_name, a, b, expected) => {
    expect(overlaps(a, b)).toBe(expected);
    expect(overlaps(b, a)).toBe(expected);
  });
});

describe("clipToWindow / overlapMs / gpuHours", () => {
  const day = w("2026-11-28T00:00", "2026-11-29T00:00");
  it("clips a window that straddles the start", () => {
    expect(clipToWindow(w("2026-11-27T20:00", "2026-11-28T02:00"), day)).toEqual(w("2026-11-28T00:00", "2026-11-28T02:00"));
  });
  it("returns null outside, and for an abutting window", () => {
    expect(clipToWindow(w("2026-11-27T20:00", "2026-11-28T00:00"), day)).toBeNull();
    expect(overlapMs(w("2026-11-27T20:00", "2026-11-28T00:00"), day)).toBe(0);
  });
  it("counts GPUs x hours, clipped to the window", () => {
    const b = { ...w("2026-11-28T22:00", "2026-11-29T04:00"), gpuIds: ["a", "b"] };
    expect(gpuHours(b)).toBe(12);
    expect(gpuHours(b, day)).toBe(4);
    expect(gpuHours({ ...w("2026-11-28T09:00", "2026-11-28T09:30"), gpuIds: ["a"] })).toBe(0.5);
  });
});

describe("UTC months", () => {
  it("lists every month touched, and only those", () => {
    expect(monthStartsUtc(at("2026-11-30T20:00"), at("2026-12-01T00:00"))).toEqual([at("2026-11-01T00:00")]);
    expect(monthStartsUtc(at("2026-11-30T20:00"), at("2026-12-01T00:01"))).toEqual([at("2026-11-01T00:00"), at("2026-12-01T00:00")]);
    expect(monthStartsUtc(at("2026-12-31T00:00"), at("2027-02-01T12:00"))).toEqual([at("2026-12-01T00:00"), at("2027-01-01T00:00"), at("2027-02-01T00:00")]);
    expect(monthStartsUtc(at("2026-11-30T20:00"), at("2026-11-30T20:00"))).toEqual([]);
  });
  it("splits a window at month boundaries into pieces that add up", () => {
    const parts = splitByUtcMonth(at("2028-02-28T12:00"), at("2028-03-01T06:00"));
    expect(parts).toEqual([
      { month: w("2028-02-01T00:00", "2028-03-01T00:00"), part: w("2028-02-28T12:00", "2028-03-01T00:00") },
      { month: w("2028-03-01T00:00", "2028-04-01T00:00"), part: w("2028-03-01T00:00", "2028-03-01T06:00") },
    ]);
  });
});

describe("formatUtc", () => {
  it.each([
    ["2026-11-28T18:00:00Z", "2026-11-28 18:00 UTC"],
    ["2018-07-02T09:05:00Z", "2018-07-02 09:05 UTC"],
    ["2026-11-28T18:00:30Z", "2026-11-28 18:00:30 UTC"],
  ])("%s -> %s", (iso, expected) => expect(formatUtc(Date.parse(iso))).toBe(expected));
  it("does not throw on a non-time", () => expect(formatUtc(Number.NaN)).toBe("an invalid time"));
  it("formats amounts and plurals", () => {
    expect(formatAmount(32)).toBe("32");
    expect(formatAmount(2.5)).toBe("2.5");
    expect(formatAmount(1 / 3)).toBe("0.33");
    expect(plural(1, "GPU")).toBe("1 GPU");
    expect(plural(3, "GPU")).toBe("3 GPUs");
  });
});
