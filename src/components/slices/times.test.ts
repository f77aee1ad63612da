import { describe, expect, it } from "vitest";
import { formatDuration, parseInstantParam } from "./times";

describe("parseInstantParam", () => {
  it("reads ISO instants by their offset and datetime-local text in the viewer's zone", () => {
    expect(parseInstantParam("2026-11-28T14:00:00.000Z", "Asia/Kolkata")?.toISOString()).toBe("2026-11-28T14:00:00.000Z");
    expect(parseInstantParam("2026-11-28T16:00+02:00", "UTC")?.toISOString()).toBe("2026-11-28T14:00:00.000Z");
    expect(parseInstantParam("2026-11-28T14:00", "UTC")?.toISOString()).toBe("2026-11-28T14:00:00.000Z");
    expect(parseInstantParam("2026-11-28T14:00", "America/New_York")?.toISOString()).toBe("2026-11-28T19:00:00.000Z");
  });

  it("ignores anything else", () => {
    expect(parseInstantParam(undefined, "UTC")).toBeNull();
    expect(parseInstantParam(["2026-11-28T14:00Z"], "UTC")).toBeNull();
    expect(parseInstantParam("1764338400000", "UTC")).toBeNull();
    expect(parseInstantParam("tomorrow", "UTC")).toBeNull();
    expect(parseInstantParam("2026-02-30T10:00", "UTC")).toBeNull();
  });
});

describe("formatDuration", () => {
  it("formats durations", () => {
    expect(formatDuration(4 * 3_600_000)).toBe("4 h");
    expect(formatDuration(90 * 60_000)).toBe("1 h 30 min");
    expect(formatDuration(50 * 3_600_000)).toBe("2 days 2 h");
    expect(formatDuration(0)).toBe("0 min");
  });
});
