import { describe, expect, it } from "vitest";
import { formatGpuHours, formatPercent, formatRate, gpuHoursDecimal, percentDecimal, periodLabel } from "./format";

describe("savings formats", () => {
  it("writes GPU-hours for people and for CSV", () => {
    expect(formatGpuHours(5_400_000)).toBe("1.5");
    expect(formatGpuHours(12_345.6 * 3_600_000)).toBe("12,346");
    expect(gpuHoursDecimal(5_400_000)).toBe("1.500");
  });

  it("writes utilization, with a dash when nothing was in service", () => {
    expect(formatPercent(0.43219)).toBe("43.2%");
    expect(formatPercent(null)).toBe("—");
    expect(percentDecimal(0.43219)).toBe("43.22");
    expect(percentDecimal(null)).toBeNull();
  });

  it("writes catalog rates with their significant decimals", () => {
    expect(formatRate(1_460_000n)).toBe("$1.46");
    expect(formatRate(31_611n)).toBe("$0.031611");
    expect(formatRate(130_000n)).toBe("$0.13");
    expect(formatRate(6_000_000_000n)).toBe("$6,000.00");
    expect(formatRate(2_933_908n)).toBe("$2.933908");
  });
});

describe("periodLabel", () => {
  const d = (s: string) => new Date(`${s}T00:00:00Z`);
  it("names whole months, weeks and days", () => {
    expect(periodLabel(d("2018-06-01"), d("2018-07-01"), "month")).toBe("Jun 2018");
    expect(periodLabel(d("2018-12-01"), d("2019-01-01"), "month")).toBe("Dec 2018");
    expect(periodLabel(d("2018-07-02"), d("2018-07-09"), "week")).toBe("Week of 2 Jul 2018");
    expect(periodLabel(d("2018-07-02"), d("2018-07-03"), "day")).toBe("2 Jul 2018");
  });

  it("spells out periods the window cuts short", () => {
    expect(periodLabel(d("2018-06-15"), d("2018-07-01"), "month")).toBe("15 Jun 2018 – 30 Jun 2018");
    expect(periodLabel(d("2026-11-01"), new Date("2026-11-27T10:00:00Z"), "month")).toBe("1 Nov 2026 – 27 Nov 2026");
  });
});
