import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { BUCKET_SIZES, bucketIndexAt, bucketsOf } from "./buckets";
import { utc } from "@test/core/costs-fixtures";

const iso = (w: { from: number; to: number }) => [new Date(w.from).toISOString(), new Date(w.to).toISOString()];

describe("bucketsOf", () => {
  it("cuts days at UTC midnight and clips the ends to the window", () => {
    const buckets = bucketsOf({ from: utc("2018-07-01T18:00Z"), to: utc("2018-07-03T06:30Z") }, "day");
    expect(buckets.map(iso)).toEqual([
      ["2018-07-01T18:00:00.000Z", "2018-07-02T00:00:00.000Z"],
      ["2018-07-02T00:00:00.000Z", "2018-07-03T00:00:00.000Z"],
      ["2018-07-03T00:00:00.000Z", "2018-07-03T06:30:00.000Z"],
    ]);
  });

  it("starts weeks on Monday (2018-07-02 and 2018-07-09 are Mondays)", () => {
    const buckets = bucketsOf({ from: utc("2018-06-28T00:00Z"), to: utc("2018-07-12T00:00Z") }, "week");
    expect(buckets.map(iso)).toEqual([
      ["2018-06-28T00:00:00.000Z", "2018-07-02T00:00:00.000Z"],
      ["2018-07-02T00:00:00.000Z", "2018-07-09T00:00:00.000Z"],
      ["2018-07-09T00:00:00.000Z", "2018-07-12T00:00:00.000Z"],
    ]);
  });

  it("keeps a window starting on a Monday in one week; weeks before 1970 also start on Monday", () => {
    expect(bucketsOf({ from: utc("2018-07-02T00:00Z"), to: utc("2018-07-09T00:00Z") }, "week")).toHaveLength(1);
    const [first] = bucketsOf({ from: utc("1969-12-31T00:00Z"), to: utc("1970-01-10T00:00Z") }, "week");
    expect(new Date(first!.to).toISOString()).toBe("1970-01-05T00:00:00.000Z");
  });

  it("follows calendar months, leap February included", () => {
    const buckets = bucketsOf({ from: utc("2020-01-15T00:00Z"), to: utc("2020-03-10T00:00Z") }, "month");
    expect(buckets.map(iso)).toEqual([
      ["2020-01-15T00:00:00.000Z", "2020-02-01T00:00:00.000Z"],
      ["2020-02-01T00:00:00.000Z", "2020-03-01T00:00:00.000Z"],
      ["2020-03-01T00:00:00.000Z", "2020-03-10T00:00:00.000Z"],
    ]);
    expect(buckets[1]!.to - buckets[1]!.from).toBe(29 * 86_400_000);
  });

  it("gives no bucket for an empty window and refuses a reversed one", () => {
    expect(bucketsOf({ from: 5, to: 5 }, "day")).toEqual([]);
    expect(() => bucketsOf({ from: 6, to: 5 }, "day")).toThrow(/window.to/);
    expect(() => bucketsOf({ from: 0.5, to: 5 }, "day")).toThrow(/window.from/);
  });

  it("tiles any window with buckets that each sit inside one calendar unit", () => {
    const instant = fc.integer({ min: utc("1960-01-01T00:00Z"), max: utc("2040-01-01T00:00Z") });
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 200 * 86_400_000 }), fc.constantFrom(...BUCKET_SIZES), (from, length, size) => {
        const window = { from, to: from + length };
        const buckets = bucketsOf(window, size);
        let t = window.from;
        const bad = buckets.filter((b) => {
          const contiguous = b.from === t && b.to > b.from;
          t = b.to;
          // The last millisecond of a bucket lies in the same calendar unit as its first.
          const [a, z] = [new Date(b.from), new Date(b.to - 1)];
          if (size === "day") return !contiguous || z.toISOString().slice(0, 10) !== a.toISOString().slice(0, 10);
          if (size === "month") return !contiguous || z.toISOString().slice(0, 7) !== a.toISOString().slice(0, 7);
          return !contiguous || b.to - b.from > 7 * 86_400_000 || (z.getUTCDay() + 6) % 7 < (a.getUTCDay() + 6) % 7;
        });
        expect(bad).toEqual([]);
        expect(t).toBe(window.to);
        if (buckets.length > 0) expect(bucketIndexAt(buckets, from + Math.floor(length / 2))).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 150 },
    );
  });
});

describe("bucketIndexAt", () => {
  const buckets = bucketsOf({ from: utc("2018-07-01T12:00Z"), to: utc("2018-07-04T00:00Z") }, "day");
  it.each([
    ["2018-07-01T11:59Z", -1],
    ["2018-07-01T12:00Z", 0],
    ["2018-07-01T23:59Z", 0],
    ["2018-07-02T00:00Z", 1],
    ["2018-07-03T23:59Z", 2],
  ])("%s -> %s", (at, index) => {
    expect(bucketIndexAt(buckets, utc(at))).toBe(index);
  });
});
