import { describe, expect, it } from "vitest";
import { summarizeDemand, utcWeekStart, type DemandRecord } from "./demand";

const H = 3_600_000;
const monday = Date.UTC(2026, 10, 23);
const rec = (over: Partial<DemandRecord>): DemandRecord => ({ teamId: "v", teamName: "Vision", createdAt: monday, askedStart: monday, start: monday, status: "placed", gpuCount: 1, durationMs: 8 * H, ...over });

describe("summarizeDemand", () => {
  it("gives the median and 90th percentile wait per week and team, and the GPU-hours that waited or went unserved", () => {
    const records = [
      rec({ start: monday }),
      rec({ start: monday + 2 * H }),
      rec({ start: monday + 10 * H, gpuCount: 2 }),
      rec({ teamId: "n", teamName: "NLP", start: null, status: "waiting" }),
      rec({ status: "unmeetable", start: null, gpuCount: 3 }),
      rec({ createdAt: monday + 7 * 24 * H, askedStart: monday + 7 * 24 * H, start: monday + 7 * 24 * H + H }),
    ];
    const d = summarizeDemand(records, monday + 5 * H);
    expect(d.weeks).toEqual([
      { week: monday, teamId: "n", teamName: "NLP", requests: 1, medianWaitHours: 5, p90WaitHours: 5 },
      { week: monday, teamId: "v", teamName: "Vision", requests: 3, medianWaitHours: 2, p90WaitHours: 10 },
      { week: monday + 7 * 24 * H, teamId: "v", teamName: "Vision", requests: 1, medianWaitHours: 1, p90WaitHours: 1 },
    ]);
    expect(d.waitlistedGpuHours).toBe(8 + 16 + 8 + 8);
    expect(d.refusedGpuHours).toBe(24);
    expect(d.overall).toEqual({ requests: 5, medianWaitHours: 2, p90WaitHours: 10 });
  });

  it("starts weeks on Monday, UTC", () => {
    expect(new Date(utcWeekStart(Date.UTC(2026, 11, 6, 23))).toISOString()).toBe("2026-11-30T00:00:00.000Z");
    expect(utcWeekStart(monday)).toBe(monday);
  });
});
