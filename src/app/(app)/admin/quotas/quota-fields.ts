import type { StoredPolicy } from "@/core/slices/policy";
import type { QuotaPolicy } from "@/core/slices/quotas";

export type LimitKey = Exclude<keyof StoredPolicy, "autoApprove">;

/** The stored limits, how the page names them, and where each sits in the resolved policy. */
export const LIMIT_FIELDS: { key: LimitKey; label: string; short: string; unit: string; of: (q: QuotaPolicy) => number | undefined }[] = [
  { key: "teamMaxConcurrentGpus", label: "Team: GPUs held at once", short: "Team GPUs at once", unit: "GPUs", of: (q) => q.team.maxConcurrentGpus },
  { key: "teamMaxGpuHoursPerMonth", label: "Team: GPU-hours per calendar month (UTC)", short: "Team GPU-h / month", unit: "GPU-hours", of: (q) => q.team.maxGpuHoursPerMonth },
  { key: "teamMaxServingGpus", label: "Team: serving GPUs held at once", short: "Team serving GPUs", unit: "GPUs", of: (q) => q.team.maxServingGpus },
  { key: "userMaxConcurrentGpus", label: "Per person: GPUs held at once", short: "Person GPUs at once", unit: "GPUs", of: (q) => q.user.maxConcurrentGpus },
  { key: "userMaxSliceHours", label: "Per person: longest slice (hours)", short: "Longest slice (h)", unit: "hours", of: (q) => q.user.maxSliceHours },
  { key: "userMaxDaysAhead", label: "Per person: how far ahead one may book (days)", short: "Book ahead (days)", unit: "days", of: (q) => q.user.maxDaysAhead },
];

/** "3", or "no limit" for an unlimited (absent) value. */
export function showLimit(value: number | undefined): string {
  return value === undefined ? "no limit" : value.toLocaleString("en-US");
}

/** Form text to a stored value: blank inherits (null), a whole number 0 or more is kept (0 = no limit). */
export function parseLimit(text: string): { ok: true; value: number | null } | { ok: false } {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: true, value: null };
  if (!/^\d{1,7}$/.test(trimmed) || Number(trimmed) > 1_000_000) return { ok: false };
  return { ok: true, value: Number(trimmed) };
}
