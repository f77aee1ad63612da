import { describe, expect, it } from "vitest";
import { scheduleWindow, shiftWindow, windowAround, windowParams, zoomOf } from "./schedule-window";

const now = Date.UTC(2026, 10, 28, 15, 30);

describe("scheduleWindow", () => {
  it("defaults to 14 days back and 7 days ahead of today, in whole days of the viewer's zone", () => {
    const w = scheduleWindow({}, now, "UTC");
    expect(new Date(w.from).toISOString()).toBe("2026-11-14T00:00:00.000Z");
    expect(new Date(w.to).toISOString()).toBe("2026-12-06T00:00:00.000Z");
    expect(w.days).toBe(22);
    expect(windowParams(w)).toEqual({ from: "2026-11-14", to: "2026-12-05" });
    expect(zoomOf(w)).toBe("weeks");

    const kolkata = scheduleWindow({}, Date.UTC(2026, 10, 28, 20, 0), "Asia/Kolkata");
    // 20:00 UTC is already 29 November in Kolkata: "today" is the 29th there.
    expect(windowParams(kolkata)).toEqual({ from: "2026-11-15", to: "2026-12-06" });
    expect(new Date(kolkata.from).toISOString()).toBe("2026-11-14T18:30:00.000Z");
  });

  it("reads the URL's days, the last one included", () => {
    const w = scheduleWindow({ from: "2026-11-01", to: "2026-11-07" }, now, "UTC");
    expect(w).toEqual({ from: Date.UTC(2026, 10, 1), to: Date.UTC(2026, 10, 8), days: 7, firstDay: "2026-11-01", lastDay: "2026-11-07" });
    expect(zoomOf(w)).toBe("week");
  });

  it("has a 25-hour day where the zone falls back", () => {
    const w = scheduleWindow({ from: "2026-10-25", to: "2026-10-25" }, now, "Europe/Berlin");
    expect(w.days).toBe(1);
    expect(w.to - w.from).toBe(25 * 3_600_000);
    expect(new Date(w.from).toISOString()).toBe("2026-10-24T22:00:00.000Z");
  });

  it.each([
    [{ from: "2026-11-10", to: "2026-11-01" }],
    [{ from: "2026-01-01", to: "2026-12-31" }],
    [{ from: "2026-11-31", to: "2026-12-05" }],
    [{ from: ["2026-11-01"], to: "2026-11-07" }],
  ])("falls back to the default for %j", (params) => {
    expect(scheduleWindow(params, now, "America/New_York")).toEqual(windowAround(now, "weeks", "America/New_York"));
  });

  it("moves by whole days and keeps its length", () => {
    const w = shiftWindow(scheduleWindow({}, now, "UTC"), -7, "UTC");
    expect(windowParams(w)).toEqual({ from: "2026-11-07", to: "2026-11-28" });
    expect(w.days).toBe(22);
  });

  it("zooms to a week with today on its third day", () => {
    expect(windowParams(windowAround(now, "week", "UTC"))).toEqual({ from: "2026-11-26", to: "2026-12-02" });
  });
});
