import { describe, expect, it } from "vitest";
import { scheduleWindow, shiftWindow, windowAround, windowParams, zoomOf } from "./schedule-window";

const now = Date.UTC(2026, 10, 28, 15, 30);

describe("scheduleWindow", () => {
  it("defaults to 14 days back and 7 days ahead of today, in whole UTC days", () => {
    const w = scheduleWindow({}, now);
    expect(new Date(w.from).toISOString()).toBe("2026-11-14T00:00:00.000Z");
    expect(new Date(w.to).toISOString()).toBe("2026-12-06T00:00:00.000Z");
    expect(w.days).toBe(22);
    expect(windowParams(w)).toEqual({ from: "2026-11-14", to: "2026-12-05" });
    expect(zoomOf(w)).toBe("weeks");
  });

  it("reads the URL's days, the last one included", () => {
    const w = scheduleWindow({ from: "2026-11-01", to: "2026-11-07" }, now);
    expect(w).toEqual({ from: Date.UTC(2026, 10, 1), to: Date.UTC(2026, 10, 8), days: 7 });
    expect(zoomOf(w)).toBe("week");
  });

  it.each([
    [{ from: "2026-11-10", to: "2026-11-01" }],
    [{ from: "2026-01-01", to: "2026-12-31" }],
    [{ from: "2026-11-31", to: "2026-12-05" }],
    [{ from: ["2026-11-01"], to: "2026-11-07" }],
  ])("falls back to the default for %j", (params) => {
    expect(scheduleWindow(params, now)).toEqual(windowAround(now, "weeks"));
  });

  it("moves by whole days and keeps its length", () => {
    const w = shiftWindow(scheduleWindow({}, now), -7);
    expect(windowParams(w)).toEqual({ from: "2026-11-07", to: "2026-11-28" });
    expect(w.days).toBe(22);
  });

  it("zooms to a week with today on its third day", () => {
    expect(windowParams(windowAround(now, "week"))).toEqual({ from: "2026-11-26", to: "2026-12-02" });
  });
});
