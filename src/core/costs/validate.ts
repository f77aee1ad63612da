import { AppError } from "../errors";

/** Bad ledger input is the caller's data, so it surfaces as VALIDATION naming the field. */
export function invalid(message: string, field: string, details?: Record<string, unknown>): AppError {
  return new AppError("VALIDATION", message, { field, details });
}

export function requireInstant(value: number, field: string): void {
  if (!Number.isSafeInteger(value)) throw invalid(`${field} must be a whole number of epoch milliseconds.`, field);
}

export function requireWholeNonNegative(value: number, field: string): void {
  if (!Number.isSafeInteger(value) || value < 0) throw invalid(`${field} must be a whole number >= 0.`, field);
}

export function requireNonNegativeMicros(value: bigint, field: string): void {
  if (value < 0n) throw invalid(`${field} must not be negative.`, field);
}

export function isoOf(t: number): string {
  return Number.isFinite(t) ? new Date(t).toISOString() : String(t);
}
