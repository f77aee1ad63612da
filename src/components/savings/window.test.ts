import { describe, expect, it } from "vitest";
import { resolveWindow, windowDays, windowSearch } from "./window";

const now = new Date("2026-11-27T10:00:00Z");
const since = new Date("2018-06-15T00:00:00Z");
const iso = (d: Date) => d.toISOString();

function windowOf(params: Record<string, string>) {
  const choice = resolveWindow(params, { now, since });
  if (!choice.ok) throw new Error(choice.error);
  return { from: iso(choice.window.from), to: iso(choice.window.to), bucket: choice.window.bucket };
}

describe("resolveWindow", () => {
  it("defaults to all time since the first in-service date, by month", () => {
    expect(windowOf({})).toEqual({ from: "2018-06-15T00:00:00.000Z", to: "2026-11-27T10:00:00.000Z", bucket: "month" });
  });

  it.each([
    ["year", "2026-01-01T00:00:00.000Z", "2026-11-27T10:00:00.000Z"],
    ["12m", "2025-12-01T00:00:00.000Z", "2026-11-27T10:00:00.000Z"],
    ["quarter", "2026-07-01T00:00:00.000Z", "2026-10-01T00:00:00.000Z"],
  ])("resolves %s", (preset, from, to) => {
    expect(windowOf({ window: preset, bucket: "week" })).toEqual({ from, to, bucket: "week" });
  });

  it("takes last quarter from the previous year in the first quarter", () => {
    const choice = resolveWindow({ window: "quarter" }, { now: new Date("2027-02-10T00:00:00Z"), since });
    expect(choice.ok && [iso(choice.window.from), iso(choice.window.to)]).toEqual(["2026-10-01T00:00:00.000Z", "2027-01-01T00:00:00.000Z"]);
  });

  it("includes both days of a custom window and cuts it off at now", () => {
    expect(windowOf({ window: "custom", from: "2025-01-01", to: "2025-12-31", bucket: "day" })).toEqual({
      from: "2025-01-01T00:00:00.000Z",
      to: "2026-01-01T00:00:00.000Z",
      bucket: "day",
    });
    expect(windowOf({ window: "custom", from: "2026-11-01", to: "2026-12-31" }).to).toBe(iso(now));
  });

  it.each([
    [{ from: "", to: "2025-01-01" }, "Enter a start and an end date (YYYY-MM-DD, UTC)."],
    [{ from: "2025-02-30", to: "2025-03-01" }, "Enter a start and an end date (YYYY-MM-DD, UTC)."],
    [{ from: "2025-03-02", to: "2025-03-01" }, "The end date must be on or after the start date."],
    [{ from: "2026-12-01", to: "2026-12-31" }, "The window must start before now: nothing has accrued in the future yet."],
  ])("explains a custom window it cannot use: %j", (dates, error) => {
    const choice = resolveWindow({ window: "custom", ...dates }, { now, since });
    expect(choice).toMatchObject({ ok: false, error, request: { preset: "custom", fromDay: dates.from, toDay: dates.to } });
  });

  it("falls back to defaults for unknown values", () => {
    expect(resolveWindow({ window: "forever", bucket: "hour" }, { now, since }).request).toMatchObject({ preset: "all", bucket: "month" });
  });
});

describe("windowSearch and windowDays", () => {
  it("keeps dates only for custom windows", () => {
    expect(windowSearch({ preset: "year", bucket: "week", fromDay: "2025-01-01", toDay: "2025-02-01" })).toBe("window=year&bucket=week");
    expect(windowSearch({ preset: "custom", bucket: "day", fromDay: "2025-01-01", toDay: "2025-02-01" })).toBe(
      "window=custom&bucket=day&from=2025-01-01&to=2025-02-01",
    );
  });

  it("names the last day included", () => {
    expect(windowDays({ from: new Date("2025-01-01T00:00:00Z"), to: new Date("2026-01-01T00:00:00Z") })).toEqual({ first: "2025-01-01", last: "2025-12-31" });
  });
});
