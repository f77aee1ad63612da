import { MICROS_PER_DOLLAR } from "@/core/builds/parts";
import { formatUsd } from "@/core/costs/money";

/** The most a unit price or quote may be, as the server bounds it ($1 billion). */
const MAX_DOLLARS = 1_000_000_000n;
const MICRO_DIGITS = 6;

/** "$5,992.00" for an exact micro-dollar amount. */
export const usd = (micros: number): string => formatUsd(BigInt(micros));

/**
 * Typed dollars to micro-dollars, exactly: "1,299.99", "$699" and "0.031611" parse digit by
 * digit (never through a float), so $0.10 is 100,000 micro-dollars and not 99,999.
 */
export function parseDollars(text: string): { micros: number } | { error: string } {
  const trimmed = text.trim().replace(/^\$\s*/, "");
  if (trimmed === "") return { error: "must not be empty" };
  const match = /^(\d{1,3}(?:,\d{3})+|\d*)(?:\.(\d*))?$/.exec(trimmed);
  if (!match || (match[1] === "" && !match[2])) return { error: "must be an amount in dollars, like 699 or 1,299.99" };
  const fraction = match[2] ?? "";
  if (fraction.length > MICRO_DIGITS) return { error: "must have at most 6 decimals" };
  const whole = BigInt(match[1]!.replaceAll(",", "") || "0");
  if (whole > MAX_DOLLARS || (whole === MAX_DOLLARS && /[1-9]/.test(fraction))) return { error: "must be at most $1,000,000,000" };
  const micros = whole * BigInt(MICROS_PER_DOLLAR) + BigInt(fraction.padEnd(MICRO_DIGITS, "0"));
  return { micros: Number(micros) };
}

/** The text an amount input starts with: "699.00", or every decimal when there are sub-cent ones ("0.031611"). */
export function dollarsInputText(micros: number): string {
  const rest = micros % MICROS_PER_DOLLAR;
  const whole = (micros - rest) / MICROS_PER_DOLLAR;
  const fraction = String(rest).padStart(MICRO_DIGITS, "0");
  const shown = fraction.slice(2).replace(/0+$/, "") === "" ? fraction.slice(0, 2) : fraction.replace(/0+$/, "");
  return `${whole}.${shown}`;
}
