// Hourly aggregates as the ingest would have written them for the per-minute rows a test inserted
// directly: the minutes rolled up into their hours, with the hours' minute marks.
import { hourMarks } from "@/core/agent/hour-marks";
import { HOUR_MS, rollUp } from "@/core/agent/rollup";
import { db } from "@/server/db/client";
import { mergeHourBuckets } from "@/server/db/telemetry";
import { findBuckets } from "@/server/db/telemetry-views";

export async function rollMinutesIntoHours(gpuIds: string[], from: Date, to: Date) {
  const minutes = await findBuckets(db(), "minute", gpuIds, from, to);
  await mergeHourBuckets(db(), rollUp(minutes, HOUR_MS), hourMarks(minutes.map((m) => ({ gpuId: m.gpuId, start: m.start, before: null, after: m }))));
}
