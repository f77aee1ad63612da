import { describe, expect, it } from "vitest";
import { assignLanes, dayTicks, fractionOf, requestAtClick, spanOf } from "./timeline-geometry";

const H = 3_600_000;
const range = { from: Date.UTC(2026, 10, 1), to: Date.UTC(2026, 10, 3) }; // two days, 48 h

describe("spanOf", () => {
  it("places a window in percent of the range", () => {
    expect(spanOf(range, range.from + 12 * H, range.from + 24 * H)).toEqual({ left: 25, width: 25, clippedStart: false, clippedEnd: false });
  });

  it("clips windows that stick out and drops those outside", () => {
    expect(spanOf(range, range.from - 5 * H, range.from + 24 * H)).toEqual({ left: 0, width: 50, clippedStart: true, clippedEnd: false });
    expect(spanOf(range, range.to - 12 * H, range.to + 12 * H)).toEqual({ left: 75, width: 25, clippedStart: false, clippedEnd: true });
    expect(spanOf(range, range.to, range.to + H)).toBeNull();
    expect(spanOf(range, range.from - H, range.from)).toBeNull();
  });
});

describe("fractionOf and dayTicks", () => {
  it("finds now in the range", () => {
    expect(fractionOf(range, range.from + 12 * H)).toBe(0.25);
    expect(fractionOf(range, range.to + 1)).toBeNull();
  });

  it("ticks each day of the viewer's zone", () => {
    const hours = (start: number) => [6, 12, 18].map((h) => ({ label: String(h).padStart(2, "0"), at: start + h * H }));
    expect(dayTicks(range, "UTC")).toEqual([
      { start: range.from, end: range.from + 24 * H, day: 1, weekday: 0, month: 10, year: 2026, hours: hours(range.from) },
      { start: range.from + 24 * H, end: range.to, day: 2, weekday: 1, month: 10, year: 2026, hours: hours(range.from + 24 * H) },
    ]);
  });

  it("makes New York's fall-back day 25 hours long, its 06:00 five hours after midnight", () => {
    const from = Date.UTC(2026, 10, 1, 4); // midnight in New York (EDT)
    const [first, second] = dayTicks({ from, to: from + 49 * H }, "America/New_York");
    expect(first).toMatchObject({ start: from, end: from + 25 * H, day: 1, weekday: 0 });
    expect(first!.hours[0]).toEqual({ label: "06", at: from + 7 * H });
    expect(second).toMatchObject({ start: from + 25 * H, day: 2 });
  });
});

describe("requestAtClick", () => {
  const now = range.from + 10.5 * H;

  it("asks for four hours from the clicked whole hour", () => {
    expect(requestAtClick(range, 0.5 + 0.3 / 48, now, "UTC")).toEqual({ start: range.from + 24 * H, end: range.from + 28 * H });
  });

  it("starts now when the current hour is clicked", () => {
    expect(requestAtClick(range, 10.9 / 48, now, "UTC")).toEqual({ start: null, end: range.from + 14 * H });
  });

  it("starts on the viewer's whole hour: Kolkata's hours begin at :30 UTC", () => {
    expect(requestAtClick(range, 24.7 / 48, now, "Asia/Kolkata")).toEqual({ start: range.from + 24.5 * H, end: range.from + 28.5 * H });
  });

  it("asks for nothing in the past or outside the range", () => {
    expect(requestAtClick(range, 9.9 / 48, now, "UTC")).toBeNull();
    expect(requestAtClick(range, 1.2, now, "UTC")).toBeNull();
    expect(requestAtClick(range, Number.NaN, now, "UTC")).toBeNull();
  });
});

describe("assignLanes", () => {
  it("stacks overlapping windows and reuses freed lanes", () => {
    const a = { id: "a", start: 0, end: 10 };
    const b = { id: "b", start: 5, end: 15 };
    const c = { id: "c", start: 10, end: 20 };
    const d = { id: "d", start: 12, end: 13 };
    const { lanes, placed } = assignLanes([c, b, a, d]);
    expect(lanes).toBe(3);
    expect(placed.map((p) => [p.item.id, p.lane])).toEqual([["a", 0], ["b", 1], ["c", 0], ["d", 2]]);
  });

  it("has no lanes for nothing", () => {
    expect(assignLanes([])).toEqual({ lanes: 0, placed: [] });
  });
});
