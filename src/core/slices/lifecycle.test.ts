import { describe, expect, it } from "vitest";
import { canCancel, canRelease, canRequestExtension, canTransition, effectiveEnd, SLICE_STATUSES, sliceState, timeState, type SliceStatus } from "./lifecycle";

const slice = { start: 100, end: 200 };

describe("timeState (derived from the clock, half-open)", () => {
  it.each([
    [99, "upcoming"],
    [100, "active"],
    [199, "active"],
    [200, "ended"],
    [500, "ended"],
  ] as const)("at %i it is %s", (now, expected) => expect(timeState(slice, now)).toBe(expected));
});

describe("effectiveEnd", () => {
  it.each([
    [undefined, 200],
    [null, 200],
    [150, 150],
    [250, 200],
  ] as const)("released at %s -> %i", (releasedAt, expected) => expect(effectiveEnd(200, releasedAt)).toBe(expected));
});

describe("status transitions", () => {
  const allowed: Array<[SliceStatus, SliceStatus]> = [["pending", "approved"], ["pending", "rejected"], ["pending", "cancelled"], ["approved", "cancelled"]];
  for (const from of SLICE_STATUSES) {
    for (const to of SLICE_STATUSES) {
      const ok = allowed.some(([f, t]) => f === from && t === to);
      it(`${from} -> ${to} is ${ok ? "allowed" : "refused"}`, () => expect(canTransition(from, to)).toBe(ok));
    }
  }
});

describe("what a holder may do, by status and clock", () => {
  it.each<[SliceStatus, number, string, boolean, boolean, boolean]>([
    // status, now, label, cancel, release, extend
    ["pending", 50, "pending", true, false, false],
    ["approved", 50, "upcoming", true, false, true],
    ["approved", 150, "active", false, true, true],
    ["approved", 200, "ended", false, false, false],
    ["rejected", 50, "rejected", false, false, false],
    ["cancelled", 150, "cancelled", false, false, false],
  ])("%s at %i", (status, now, label, cancel, release, extend) => {
    const s = { ...slice, status };
    expect(sliceState(s, now)).toBe(label);
    expect(canCancel(s, now)).toBe(cancel);
    expect(canRelease(s, now)).toBe(release);
    expect(canRequestExtension(s, now)).toBe(extend);
  });
});
