import { describe, expect, it } from "vitest";
import { effectiveSliceEnd } from "./slices";
import { HOUR, utc } from "@test/core/costs-fixtures";

describe("effectiveSliceEnd", () => {
  const start = utc("2018-07-02T09:00Z");
  const end = utc("2018-07-02T19:00Z");

  it.each([
    ["not released", undefined, end],
    ["released as null", null, end],
    ["released early", start + 3 * HOUR, start + 3 * HOUR],
    ["released exactly at the end", end, end],
    ["released after the end (clock skew)", end + HOUR, end],
    ["released before it started", start - HOUR, start],
  ])("%s", (_, releasedAt, expected) => {
    expect(effectiveSliceEnd({ start, end, releasedAt })).toBe(expected);
  });
});
