import { MS_PER_MINUTE } from "./time";

/**
 * "2026-11-28 18:00 UTC". Messages name instants to the minute, since slices are booked in
 * minutes; seconds appear only when the instant has some, so a message never rounds a time
 * into a false claim ("held until 18:00" when it is held until 18:00:30).
 */
export function formatUtc(ms: number): string {
  if (!Number.isFinite(ms)) return "an invalid time";
  const iso = new Date(ms).toISOString(); // 2026-11-28T18:00:30.000Z
  const date = iso.slice(0, 10);
  const minutes = iso.slice(11, 16);
  const hasSeconds = ms % MS_PER_MINUTE !== 0;
  return `${date} ${hasSeconds ? iso.slice(11, 19) : minutes} UTC`;
}

/** A quantity for a message: whole numbers as is, otherwise at most two decimals ("12.5", "0.33"). */
export function formatAmount(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return String(Math.round(n * 100) / 100);
}

/** "1 GPU", "3 GPUs". */
export function plural(n: number, unit: string): string {
  return `${formatAmount(n)} ${unit}${n === 1 ? "" : "s"}`;
}
