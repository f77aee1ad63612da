import { formatUsdPrecise } from "@/core/costs/money";

const MS_PER_HOUR = 3_600_000;
const hours = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });
const wholeHours = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/** "1,234.5" GPU-hours from GPU-milliseconds; whole hours from 10,000 up, where a tenth is noise. */
export function formatGpuHours(ms: number): string {
  const h = ms / MS_PER_HOUR;
  return (h >= 10_000 ? wholeHours : hours).format(h);
}

/** GPU-hours for CSV: three decimals, no grouping. */
export function gpuHoursDecimal(ms: number): string {
  return (ms / MS_PER_HOUR).toFixed(3);
}

/** "43.2%", or "—" when nothing was in service. */
export function formatPercent(ratio: number | null): string {
  return ratio === null ? "—" : `${(ratio * 100).toFixed(1)}%`;
}

/** Percent for CSV: two decimals, empty when nothing was in service. */
export function percentDecimal(ratio: number | null): string | null {
  return ratio === null ? null : (ratio * 100).toFixed(2);
}

/** A catalog rate with its significant decimals: "$1.46", "$0.031611", "$0.13". */
export function formatRate(micros: bigint): string {
  return formatUsdPrecise(micros).replace(/(\.\d\d\d*?)0+$/, "$1");
}

export const UNIT_LABELS = { "gpu-hour": "GPU-hour", "vcpu-hour": "vCPU-hour", "gb-hour": "GB-hour" } as const;
export type CatalogUnit = keyof typeof UNIT_LABELS;

const monthYear = new Intl.DateTimeFormat("en-GB", { month: "short", year: "numeric", timeZone: "UTC" });
const dayMonthYear = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

/**
 * A report period as people name it: "Jun 2018", "Week of 2 Jul 2018", "2 Jul 2018"; a period
 * the window cuts short shows its first and last day ("15 – 30 Jun 2018" style ranges).
 */
export function periodLabel(from: Date, to: Date, bucket: "day" | "week" | "month"): string {
  const last = new Date(to.getTime() - 1);
  const fullMonth = from.getUTCDate() === 1 && to.getUTCDate() === 1 && to.getTime() > from.getTime() && to.getTime() - from.getTime() <= 31 * 86_400_000;
  if (bucket === "day") return dayMonthYear.format(from);
  if (bucket === "month" && fullMonth) return monthYear.format(from);
  if (bucket === "week" && to.getTime() - from.getTime() === 7 * 86_400_000) return `Week of ${dayMonthYear.format(from)}`;
  return `${dayMonthYear.format(from)} – ${dayMonthYear.format(last)}`;
}
