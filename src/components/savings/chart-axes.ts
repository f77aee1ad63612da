/**
 * Axis helpers for the savings charts: date ticks on UTC calendar boundaries (a time axis whose
 * ticks fall on arbitrary milliseconds reads badly), compact labels for money and percent axes,
 * and direct labels at the ends of lines that do not overlap.
 */

const MS_PER_DAY = 86_400_000;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

type Step = { unit: "day"; days: number } | { unit: "month"; months: number };
const STEPS: Step[] = [
  { unit: "day", days: 1 },
  { unit: "day", days: 2 },
  { unit: "day", days: 7 },
  { unit: "day", days: 14 },
  ...[1, 3, 6, 12, 24, 60, 120, 240, 600, 1200].map((months) => ({ unit: "month" as const, months })),
];

function ticksOf(from: number, to: number, step: Step): number[] {
  const ticks: number[] = [];
  if (step.unit === "day") {
    // Weekly steps fall on Mondays; 1970-01-01 was a Thursday, so Mondays are 4 days after the epoch (mod 7).
    const phase = step.days >= 7 ? 4 * MS_PER_DAY : 0;
    const size = step.days * MS_PER_DAY;
    for (let t = Math.ceil((from - phase) / size) * size + phase; t <= to; t += size) ticks.push(t);
    return ticks;
  }
  const start = new Date(from);
  let index = start.getUTCFullYear() * 12 + start.getUTCMonth();
  if (Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), 1) < from) index += 1;
  index = Math.ceil(index / step.months) * step.months;
  for (let t = Date.UTC(Math.floor(index / 12), index % 12, 1); t <= to; index += step.months, t = Date.UTC(Math.floor(index / 12), index % 12, 1)) {
    ticks.push(t);
  }
  return ticks;
}

/** At most `max` ticks on UTC day, Monday, month, quarter or year starts within [from, to], and how to label them. */
export function timeTicks(from: number, to: number, max: number): { ticks: number[]; label: (t: number) => string } {
  const limit = Math.max(2, max);
  const step = STEPS.find((s) => ticksOf(from, to, s).length <= limit) ?? STEPS[STEPS.length - 1]!;
  const ticks = ticksOf(from, to, step);
  const label =
    step.unit === "month" && step.months >= 12
      ? (t: number) => String(new Date(t).getUTCFullYear())
      : step.unit === "month"
        ? (t: number) => `${MONTHS[new Date(t).getUTCMonth()]} ${new Date(t).getUTCFullYear()}`
        : (t: number) => `${new Date(t).getUTCDate()} ${MONTHS[new Date(t).getUTCMonth()]}`;
  return { ticks, label };
}

const compactUsd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", notation: "compact", minimumFractionDigits: 0, maximumFractionDigits: 1 });

/** "$12K", "-$1.5M": axis ticks only; figures themselves are shown with formatUsd. */
export function axisUsd(dollars: number): string {
  return compactUsd.format(dollars);
}

/** "45%" for 0.45. */
export function axisPercent(value: number): string {
  return `${Math.round(value)}%`;
}

/**
 * Vertical positions for labels wanted at `ys` (pixels, any order), moved apart so that any two
 * are at least `gap` apart and all stay within [top, bottom] when they fit; returned in input order.
 */
export function spreadLabels(ys: readonly number[], gap: number, top: number, bottom: number): number[] {
  const order = ys.map((y, i) => ({ y: Math.min(Math.max(y, top), bottom), i })).sort((a, b) => a.y - b.y);
  for (let k = 1; k < order.length; k++) order[k]!.y = Math.max(order[k]!.y, order[k - 1]!.y + gap);
  const overflow = order.length > 0 ? order[order.length - 1]!.y - bottom : 0;
  if (overflow > 0) {
    order[order.length - 1]!.y -= overflow;
    for (let k = order.length - 2; k >= 0; k--) order[k]!.y = Math.min(order[k]!.y, order[k + 1]!.y - gap);
  }
  const out = new Array<number>(ys.length);
  for (const { y, i } of order) out[i] = y;
  return out;
}
