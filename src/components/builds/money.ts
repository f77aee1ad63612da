import { MAX_BUILD_MICROS } from "@/core/builds/parts";
import { formatUsd } from "@/core/costs/money";
import { dollarsInputText as inputText, parseDollars as parse } from "../money";

// The build editor keeps micro-dollars as numbers (exact: a build stays under $1 billion, far
// below 2^53); these adapt the one money module (src/components/money.ts) to them.

/** "$5,992.00" for an exact micro-dollar amount. */
export const usd = (micros: number): string => formatUsd(BigInt(micros));

/** Typed dollars to micro-dollars, exactly, at most $1 billion (the server's bound). */
export function parseDollars(text: string): { micros: number } | { error: string } {
  const parsed = parse(text, { max: BigInt(MAX_BUILD_MICROS), example: "699 or 1,299.99" });
  return parsed.ok ? { micros: Number(parsed.micros) } : { error: parsed.error };
}

/** The text an amount input starts with: "699.00", or every decimal when there are sub-cent ones ("0.031611"). */
export const dollarsInputText = (micros: number): string => inputText(BigInt(micros));
