import type { WeeklyDigest } from "@/core/notifications/events";
import { transaction } from "@/server/db/tx";
import { savingsReport, savingsSummary } from "@/server/services/savings";
import { notify, type NotifyConfig } from "./notify";

const WEEK_MS = 7 * 86_400_000;

/** Monday 00:00 UTC of the week holding `at`. */
function weekStartOf(at: Date): number {
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  return day.getTime() - ((day.getUTCDay() + 6) % 7) * 86_400_000;
}

/**
 * The figures of the last full week (Monday to Monday, UTC). Used-vs-held utilization and the
 * idle-held cost need the machines' telemetry: they stay null until it exists, and this is the
 * one function to extend then.
 */
export async function gatherWeeklyDigest(now: Date): Promise<WeeklyDigest> {
  const weekEnd = weekStartOf(now);
  const weekStart = weekEnd - WEEK_MS;
  const [week, summary] = await Promise.all([
    savingsReport({ from: new Date(weekStart), to: new Date(weekEnd), bucket: "week", groupBy: "fleet" }, now),
    savingsSummary(now),
  ]);
  const total = week.fleet.total;
  return {
    weekStart,
    weekEnd,
    savingsWeekMicros: Number(total.savingsMicros),
    savingsToDateMicros: Number(summary.savingsToDateMicros),
    heldGpuHours: total.heldGpuHours,
    capacityGpuHours: total.utilization ? total.heldGpuHours / total.utilization : 0,
    usedGpuHours: null,
    topIdleHeld: null,
  };
}

export async function sendWeeklyDigest(now: Date, config?: NotifyConfig): Promise<WeeklyDigest> {
  const digest = await gatherWeeklyDigest(now);
  await transaction((tx) => notify(tx, { kind: "weekly-digest", digest }, now, config));
  return digest;
}
