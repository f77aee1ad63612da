/**
 * Time in the cost core is epoch milliseconds (UTC) held in plain numbers, and every window is
 * half-open [from, to): a slice ending at 19:00 holds nothing at 19:00, so adjacent windows never
 * count the same millisecond twice.
 */

export interface TimeWindow {
  from: number;
  to: number;
}

export { MS_PER_DAY, MS_PER_HOUR } from "../slices/time";
/**
 * PRODUCT.md: a month is 1/12 of 365.25 days. That is a whole number of milliseconds
 * (2,629,800,000), which keeps the amortization and maintenance arithmetic exact.
 */
export const MS_PER_MONTH = 2_629_800_000;

/** Length of the intersection of [a0, a1) and [b0, b1), 0 when they do not meet. */
export function overlapMs(a0: number, a1: number, b0: number, b1: number): number {
  const from = a0 > b0 ? a0 : b0;
  const to = a1 < b1 ? a1 : b1;
  return to > from ? to - from : 0;
}
