/**
 * What a build saved against buying a vendor machine, and a first estimate of when it pays for
 * itself against the cloud. The ledger in the cost core prices real slices over time; these are
 * the quick numbers shown beside a parts list. All amounts are integer micro-dollars.
 */

export interface VendorQuote {
  vendor: string;
  description: string;
  priceMicros: number;
}

/** Quote minus build total: positive when building was cheaper, negative when the vendor was. */
export function premiumAvoided(buildTotalMicros: number, quoteMicros: number): number {
  return quoteMicros - buildTotalMicros;
}

export interface BreakEvenInput {
  /** What the machine cost (the build total or purchase price). */
  capexMicros: number;
  /** What the same work costs in the cloud per hour of use (e.g. GPUs x GPU-hour rate + VM). */
  cloudRateMicrosPerHour: number;
  /** Electricity per hour of use. */
  energyMicrosPerHour: number;
}

/**
 * Hours of use until the cloud bill avoided covers the capex and the energy burnt meanwhile:
 * the smallest whole h with h x cloud >= capex + h x energy, i.e. ceil(capex / (cloud - energy)).
 * null when every hour costs at least as much in energy as it saves in cloud spend, since the
 * machine then never pays for itself. Ignores amortization, idle time and price changes.
 *
 * Math.ceil of one double division is exact here: for safe integers a < 2^53 and b >= 1 the
 * rounding error of a / b is below 1/b, the least distance of a non-integer quotient from an
 * integer, so the division never lands on the wrong side of a whole number.
 */
export function breakEvenHoursEstimate({
  capexMicros,
  cloudRateMicrosPerHour,
  energyMicrosPerHour,
}: BreakEvenInput): number | null {
  const savedPerHour = cloudRateMicrosPerHour - energyMicrosPerHour;
  if (savedPerHour <= 0) return null;
  if (capexMicros <= 0) return 0;
  return Math.ceil(capexMicros / savedPerHour);
}
