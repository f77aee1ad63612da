import { describe, expect, it } from "vitest";
import { formatDuration, formatUtcWindow, fromUtcInputValue, parseInstantParam, parseUtcDay, startOfUtcDay, toUtcInputValue, utcDay } from "./utc-time";

describe("datetime-local values are UTC", () => {
  it("round-trips an instant to the minute", () => {
    const instant = new Date("2026-11-28T14:05:00Z");
    expect(toUtcInputValue(instant)).toBe("2026-11-28T14:05");
    expect(fromUtcInputValue("2026-11-28T14:05")?.toISOString()).toBe("2026-11-28T14:05:00.000Z");
  });

  it("drops seconds when writing and keeps them when reading", () => {
    expect(toUtcInputValue(Date.UTC(2026, 0, 1, 23, 59, 59, 999))).toBe("2026-01-01T23:59");
    expect(fromUtcInputValue("2026-01-01T23:59:30")?.toISOString()).toBe("2026-01-01T23:59:30.000Z");
  });

  it.each(["", "2026-11-28", "2026-11-28 14:05", "2026-02-30T10:00", "2026-11-28T24:00", "2026-13-01T00:00", "garbage"])("refuses %j", (value) => {
    expect(fromUtcInputValue(value)).toBeNull();
  });

  it("accepts a leap day only in a leap year", () => {
    expect(fromUtcInputValue("2028-02-29T00:00")).not.toBeNull();
    expect(fromUtcInputValue("2027-02-29T00:00")).toBeNull();
  });
});

describe("parseInstantParam", () => {
  it("reads ISO instants with a zone and datetime-local text as UTC", () => {
    expect(parseInstantParam("2026-11-28T14:00:00.000Z")?.toISOString()).toBe("2026-11-28T14:00:00.000Z");
    expect(parseInstantParam("2026-11-28T16:00+02:00")?.toISOString()).toBe("2026-11-28T14:00:00.000Z");
    expect(parseInstantParam("2026-11-28T14:00")?.toISOString()).toBe("2026-11-28T14:00:00.000Z");
  });

  it("ignores anything else", () => {
    expect(parseInstantParam(undefined)).toBeNull();
    expect(parseInstantParam(["2026-11-28T14:00Z"])).toBeNull();
    expect(parseInstantParam("1764338400000")).toBeNull();
    expect(parseInstantParam("tomorrow")).toBeNull();
  });
});

describe("UTC days", () => {
  it("finds the start of the UTC day", () => {
    expect(new Date(startOfUtcDay(new Date("2026-11-28T23:59:59Z"))).toISOString()).toBe("2026-11-28T00:00:00.000Z");
    expect(new Date(startOfUtcDay(Date.UTC(1969, 11, 31, 12))).toISOString()).toBe("1969-12-31T00:00:00.000Z");
    expect(utcDay(Date.UTC(2026, 10, 28, 23))).toBe("2026-11-28");
  });

  it("parses only real days", () => {
    expect(parseUtcDay("2026-11-28")).toBe(Date.UTC(2026, 10, 28));
    expect(parseUtcDay("2026-11-31")).toBeNull();
    expect(parseUtcDay("2026-11-28T00:00")).toBeNull();
  });
});

describe("labels", () => {
  it("formats a window on one day and across midnight", () => {
    expect(formatUtcWindow(Date.UTC(2026, 10, 28, 14), Date.UTC(2026, 10, 28, 18))).toBe("Sat 28 Nov 2026, 14:00 → 18:00 UTC");
    expect(formatUtcWindow(Date.UTC(2026, 10, 28, 22), Date.UTC(2026, 10, 29, 2))).toBe("Sat 28 Nov 2026, 22:00 → Sun 29 Nov 2026, 02:00 UTC");
  });

  it("formats durations", () => {
    expect(formatDuration(4 * 3_600_000)).toBe("4 h");
    expect(formatDuration(90 * 60_000)).toBe("1 h 30 min");
    expect(formatDuration(50 * 3_600_000)).toBe("2 days 2 h");
    expect(formatDuration(0)).toBe("0 min");
  });
});
