import { RETENTION } from "@/core/agent/rollup";
import { pruneOlderThan } from "@/server/db/telemetry";
import { read } from "@/server/db/tx";
import { log } from "@/server/log";

const DAY_MS = 86_400_000;

/**
 * Keeps telemetry small: raw samples (and their processes and sequence ledger) for
 * RETENTION.rawDays, per-minute aggregates for RETENTION.minuteDays, per-hour for ever. The
 * aggregates are maintained at ingest, so pruning is the whole routine. One entry point, so a
 * job queue can schedule it later instead of the ingest path.
 */
export async function pruneTelemetry(now: Date) {
  const rawBefore = new Date(now.getTime() - RETENTION.rawDays * DAY_MS);
  const minuteBefore = new Date(now.getTime() - RETENTION.minuteDays * DAY_MS);
  return read(async (client) => ({
    gpuSamples: await pruneOlderThan(client, "gpu_sample", "at", rawBefore),
    processSamples: await pruneOlderThan(client, "gpu_process_sample", "at", rawBefore),
    ledger: await pruneOlderThan(client, "telemetry_sample", "at", rawBefore),
    minutes: await pruneOlderThan(client, "gpu_usage_minute", "start", minuteBefore),
  }));
}

const PRUNE_EVERY_MS = 15 * 60_000;
let lastPrune = 0;
let running: Promise<unknown> | null = null;

/** Runs the prune from the ingest path at most every 15 minutes per process, in the background. */
export function maybePruneTelemetry(now: Date) {
  if (running || now.getTime() - lastPrune < PRUNE_EVERY_MS) return;
  lastPrune = now.getTime();
  running = pruneTelemetry(now)
    .then((pruned) => log.info({ pruned }, "telemetry pruned"))
    .catch((err) => log.error({ err }, "telemetry prune failed"))
    .finally(() => {
      running = null;
    });
}
