import { describe, expect, it } from "vitest";
import { formatDateTime, formatUtc, formatWindow, zoneAbbreviation } from "./format";

const at = (iso: string) => new Date(iso);

describe("times in the viewer's zone", () => {
  it("name the zone", () => {
    expect(formatDateTime(at("2026-12-07T09:30:00Z"), "Europe/Berlin")).toBe("7 Dec 2026, 10:30 CET");
    expect(formatDateTime(at("2026-07-07T09:30:00Z"), "Europe/Berlin")).toBe("7 Jul 2026, 11:30 CEST");
    expect(formatDateTime(at("2026-12-07T09:30:00Z"), "Asia/Kolkata")).toBe("7 Dec 2026, 15:00 GMT+5:30");
    expect(formatDateTime(at("2026-12-07T09:30:00Z"), "America/New_York")).toBe("7 Dec 2026, 04:30 GMT-5");
    expect(formatDateTime(at("2026-12-07T09:30:00Z"), "UTC")).toBe("7 Dec 2026, 09:30 UTC");
    expect(zoneAbbreviation(at("2026-12-07T09:30:00Z"), "UTC")).toBe("UTC");
  });

  it("write windows on one day once, and both days when the zone's midnight lies inside", () => {
    expect(formatWindow(at("2026-12-07T13:00:00Z"), at("2026-12-07T17:00:00Z"), "Europe/Berlin")).toBe("Mon 7 Dec 2026, 14:00 → 18:00 CET");
    expect(formatWindow(at("2026-12-07T17:00:00Z"), at("2026-12-07T21:00:00Z"), "Asia/Kolkata")).toBe("Mon 7 Dec 2026, 22:30 → Tue 8 Dec 2026, 02:30 GMT+5:30");
  });

  it("name each end's offset across a DST change", () => {
    expect(formatWindow(at("2026-10-24T22:00:00Z"), at("2026-10-25T04:00:00Z"), "Europe/Berlin")).toBe("Sun 25 Oct 2026, 00:00 CEST → 05:00 CET");
  });

  it("give the UTC time for titles", () => {
    expect(formatUtc(at("2026-12-07T09:30:12Z"))).toBe("2026-12-07 09:30 UTC");
  });
});
