import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, canonicalTimeZone, dayKey, fromInputValue, fromWallTime, isTimeZone, offsetMs, parseDayKey, startOfDay, startOfDayAt, startOfHourAt, toInputValue, wallTime } from "./zoned";

const utc = (iso: string) => Date.parse(iso);
const H = 3_600_000;
const ZONES = ["UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe", "America/Santiago", "Pacific/Chatham"];

describe("offsets", () => {
  it.each([
    ["Europe/Berlin", "2026-01-15T12:00:00Z", 1],
    ["Europe/Berlin", "2026-07-15T12:00:00Z", 2],
    ["America/New_York", "2026-01-15T12:00:00Z", -5],
    ["America/New_York", "2026-07-15T12:00:00Z", -4],
    ["Asia/Kolkata", "2026-01-15T12:00:00Z", 5.5],
    ["Asia/Kolkata", "2026-07-15T12:00:00Z", 5.5],
  ])("%s at %s is UTC%+d h", (zone, iso, hours) => {
    expect(offsetMs(utc(iso), zone)).toBe(hours * H);
  });
});

describe("wall-clock times across DST changes", () => {
  it.each([
    // zone, local wall time, the instant it names
    ["Europe/Berlin", "2026-03-29T01:59", "2026-03-29T00:59:00Z"],
    // 02:30 does not exist on Berlin's spring day: read with the winter offset, it is 03:30 CEST.
    ["Europe/Berlin", "2026-03-29T02:30", "2026-03-29T01:30:00Z"],
    ["Europe/Berlin", "2026-03-29T03:00", "2026-03-29T01:00:00Z"],
    // 02:30 happens twice on Berlin's autumn day: the earlier (CEST) one.
    ["Europe/Berlin", "2026-10-25T02:30", "2026-10-25T00:30:00Z"],
    ["Europe/Berlin", "2026-10-25T03:00", "2026-10-25T02:00:00Z"],
    ["America/New_York", "2026-03-08T02:30", "2026-03-08T07:30:00Z"],
    ["America/New_York", "2026-03-08T03:00", "2026-03-08T07:00:00Z"],
    ["America/New_York", "2026-11-01T01:30", "2026-11-01T05:30:00Z"],
    ["America/New_York", "2026-11-01T02:00", "2026-11-01T07:00:00Z"],
    ["Asia/Kolkata", "2026-03-29T00:00", "2026-03-28T18:30:00Z"],
    ["UTC", "2026-02-28T23:59", "2026-02-28T23:59:00Z"],
  ])("%s %s is %s", (zone, local, iso) => {
    expect(fromInputValue(local, zone)).toBe(utc(iso));
  });

  it("shows the second 01:30 of New York's autumn night as 01:30 too", () => {
    expect(toInputValue(utc("2026-11-01T06:30:00Z"), "America/New_York")).toBe("2026-11-01T01:30");
    expect(toInputValue(utc("2026-11-01T05:30:00Z"), "America/New_York")).toBe("2026-11-01T01:30");
  });

  it("refuses values that are not a real date and time", () => {
    for (const value of ["", "2026-02-30T10:00", "2026-13-01T00:00", "2026-01-01T24:00", "2026-01-01 10:00", "2026-01-01T10:60", "tomorrow"]) {
      expect(fromInputValue(value, "Europe/Berlin"), value).toBeNull();
    }
  });
});

describe("days", () => {
  it("are 23 and 25 hours long on the DST days, 24 elsewhere", () => {
    const length = (key: string, zone: string) => (startOfDay(addDays(key, 1), zone) - startOfDay(key, zone)) / H;
    expect(length("2026-03-29", "Europe/Berlin")).toBe(23);
    expect(length("2026-10-25", "Europe/Berlin")).toBe(25);
    expect(length("2026-03-08", "America/New_York")).toBe(23);
    expect(length("2026-11-01", "America/New_York")).toBe(25);
    expect(length("2026-03-29", "Asia/Kolkata")).toBe(24);
    expect(length("2026-03-29", "UTC")).toBe(24);
  });

  it("start at the zone's midnight, or where a zone skips midnight, at the first time after it", () => {
    expect(startOfDay("2026-03-29", "Asia/Kolkata")).toBe(utc("2026-03-28T18:30:00Z"));
    expect(startOfDay("2026-12-07", "America/New_York")).toBe(utc("2026-12-07T05:00:00Z"));
    // Santiago moves its clocks at midnight: 2026-09-06 begins at 01:00 local.
    expect(wallTime(startOfDay("2026-09-06", "America/Santiago"), "America/Santiago")).toMatchObject({ day: 6, hour: 1, minute: 0 });
  });

  it("name the calendar day of an instant in a zone", () => {
    const instant = utc("2026-12-07T20:00:00Z");
    expect(dayKey(instant, "UTC")).toBe("2026-12-07");
    expect(dayKey(instant, "Asia/Kolkata")).toBe("2026-12-08");
    expect(dayKey(utc("2026-12-07T03:00:00Z"), "America/New_York")).toBe("2026-12-06");
  });

  it("parses only real days and adds calendar days across months and years", () => {
    expect(parseDayKey("2028-02-29")).toEqual({ year: 2028, month: 2, day: 29 });
    expect(parseDayKey("2026-02-29")).toBeNull();
    expect(parseDayKey("2026-1-01")).toBeNull();
    expect(addDays("2026-12-30", 3)).toBe("2027-01-02");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });
});

describe("hours", () => {
  it("start on the zone's whole hour", () => {
    expect(startOfHourAt(utc("2026-12-07T10:10:00Z"), "Asia/Kolkata")).toBe(utc("2026-12-07T09:30:00Z"));
    expect(startOfHourAt(utc("2026-12-07T10:10:00Z"), "Europe/Berlin")).toBe(utc("2026-12-07T10:00:00Z"));
    // The second 01:xx of New York's autumn night starts at 06:00 UTC, not at the first 01:00.
    expect(startOfHourAt(utc("2026-11-01T06:20:00Z"), "America/New_York")).toBe(utc("2026-11-01T06:00:00Z"));
  });
});

describe("zones", () => {
  it("knows IANA names and refuses others", () => {
    expect(isTimeZone("Europe/Berlin")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
    expect(isTimeZone("")).toBe(false);
    expect(isTimeZone(42)).toBe(false);
    expect(canonicalTimeZone("Asia/Kolkata")).toMatch(/^Asia\/(Kolkata|Calcutta)$/);
    expect(canonicalTimeZone("nope")).toBeNull();
  });
});

describe("properties", () => {
  const instant = fc.integer({ min: utc("2000-01-01T00:00:00Z"), max: utc("2040-01-01T00:00:00Z") });
  const zone = fc.constantFrom(...ZONES);

  it("a wall time read back names the same wall time, at or before the instant (the earlier of a repeated hour)", () => {
    fc.assert(
      fc.property(instant, zone, (t, z) => {
        const minute = t - (t % 60_000);
        const back = fromInputValue(toInputValue(t, z), z)!;
        expect(toInputValue(back, z)).toBe(toInputValue(t, z));
        expect(back).toBeLessThanOrEqual(minute);
        expect(minute - back).toBeLessThanOrEqual(2 * H);
      }),
    );
  });

  it("every instant lies in its day, which starts on that day and ends where the next begins", () => {
    fc.assert(
      fc.property(instant, zone, (t, z) => {
        const start = startOfDayAt(t, z);
        const next = startOfDay(addDays(dayKey(t, z), 1), z);
        expect(start).toBeLessThanOrEqual(t);
        expect(t).toBeLessThan(next);
        expect(dayKey(start, z)).toBe(dayKey(t, z));
        expect(next - start).toBeGreaterThanOrEqual(22 * H);
        expect(next - start).toBeLessThanOrEqual(26 * H);
      }),
    );
  });

  it("the start of the hour is at most an hour back and on a whole hour of the zone's clock", () => {
    fc.assert(
      fc.property(instant, zone, (t, z) => {
        const start = startOfHourAt(t, z);
        expect(t - start).toBeGreaterThanOrEqual(0);
        expect(t - start).toBeLessThan(H);
        expect(wallTime(start, z)).toMatchObject({ minute: 0, second: 0 });
      }),
    );
  });

  it("fromWallTime inverts wallTime", () => {
    fc.assert(
      fc.property(instant, zone, (t, z) => {
        const w = wallTime(t, z);
        const back = fromWallTime(w, z);
        expect(wallTime(back, z)).toEqual(w);
      }),
    );
  });
});
