import { formatUsd, MICROS_PER_DOLLAR } from "@/core/costs/money";

/**
 * Money in the forms: typed dollars to integer micro-dollars and back, the one place the UI
 * parses an amount. Figures are shown with formatUsd (src/core/costs/money.ts).
 */

const MICRO_DIGITS = 6;

export type ParsedDollars = { ok: true; micros: bigint } | { ok: false; error: string };

/**
 * Typed dollars to micro-dollars, exactly: the text is read digit by digit, never through a
 * float, so "0.13" is 130000n and "1,299.99" is 1299990000n. A leading "$" and thousands commas
 * are accepted; negative amounts and more than six decimals are refused. `example` is what the
 * refusal of something that is no amount suggests.
 */
export function parseDollars(text: string, { max, example = "0.13 or 6,000" }: { max?: bigint; example?: string } = {}): ParsedDollars {
  const trimmed = text.trim().replace(/^\$\s*/, "");
  if (trimmed === "") return { ok: false, error: "must not be empty" };
  const match = /^(\d{1,3}(?:,\d{3})+|\d*)(?:\.(\d*))?$/.exec(trimmed);
  if (!match || (match[1] === "" && !match[2])) return { ok: false, error: `must be an amount in dollars, like ${example}` };
  const fraction = match[2] ?? "";
  if (fraction.length > MICRO_DIGITS) return { ok: false, error: "must have at most 6 decimals (a micro-dollar)" };
  const micros = BigInt(match[1]!.replaceAll(",", "") || "0") * MICROS_PER_DOLLAR + BigInt(fraction.padEnd(MICRO_DIGITS, "0"));
  if (max !== undefined && micros > max) return { ok: false, error: `must be at most ${formatUsd(max)}` };
  return { ok: true, micros };
}

/** What an amount field starts with: "0.13", "6000.00", "0.031611" — at least cents, every significant decimal. */
export function dollarsInputText(micros: bigint): string {
  const negative = micros < 0n;
  const abs = negative ? -micros : micros;
  const fraction = (abs % MICROS_PER_DOLLAR).toString().padStart(MICRO_DIGITS, "0").replace(/0+$/, "").padEnd(2, "0");
  return `${negative ? "-" : ""}${abs / MICROS_PER_DOLLAR}.${fraction}`;
}
