/**
 * Money in the cost core is integer micro-dollars in `bigint` ($1 = 1_000_000n). Catalog prices
 * such as $0.031611 per vCPU-hour are whole micro-dollars, but a price times a duration is not:
 * the ledger computes in a finer exact unit (see `ledgerUnit`) and rounds to micro-dollars only
 * when it reports a figure, half away from zero.
 */

export const MICROS_PER_DOLLAR = 1_000_000n;
/** The most a kWh may cost: $10 (a typo guard on the machine cost form and API). */
export const MAX_KWH_MICROS = 10_000_000n;
const MICROS_PER_CENT = 10_000n;

/** numerator / denominator rounded to the nearest integer, ties away from zero (denominator > 0). */
export function roundHalfAwayFromZero(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new RangeError("roundHalfAwayFromZero needs a positive denominator");
  const quotient = numerator / denominator; // bigint division truncates toward zero
  const remainder = numerator % denominator; // and the remainder takes the numerator's sign
  const twice = remainder < 0n ? -2n * remainder : 2n * remainder;
  if (twice < denominator) return quotient;
  return numerator < 0n ? quotient - 1n : quotient + 1n;
}

/** Smallest integer >= numerator / denominator, for non-negative numerator and positive denominator. */
export function ceilDiv(numerator: bigint, denominator: bigint): bigint {
  return (numerator + denominator - 1n) / denominator;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

function formatFixed(units: bigint, decimals: number, grouped: boolean, symbol: string): string {
  const negative = units < 0n;
  const abs = negative ? -units : units;
  const scale = 10n ** BigInt(decimals);
  const whole = (abs / scale).toString();
  const fraction = (abs % scale).toString().padStart(decimals, "0");
  const wholeText = grouped ? groupThousands(whole) : whole;
  return `${negative ? "-" : ""}${symbol}${wholeText}${decimals > 0 ? `.${fraction}` : ""}`;
}

/** "$11.76": rounded half away from zero to cents, thousands grouped, "-$0.50" when negative. */
export function formatUsd(micros: bigint): string {
  return formatFixed(roundHalfAwayFromZero(micros, MICROS_PER_CENT), 2, true, "$");
}

/** "$11.762648": every micro-dollar shown, for tooltips and audits. */
export function formatUsdPrecise(micros: bigint): string {
  return formatFixed(micros, 6, true, "$");
}

/** "11.762648": plain decimal dollars without symbol or grouping, for CSV and JSON exports. */
export function formatMicrosDecimal(micros: bigint): string {
  return formatFixed(micros, 6, false, "");
}
