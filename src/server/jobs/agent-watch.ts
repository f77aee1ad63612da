import type PgBoss from "pg-boss";
import type { Logger } from "pino";
import { runMinuteSweep } from "@/server/services/agent-watch";
import { QUEUES } from "./queue";

/**
 * The minute job: idle sweep and silent agents. pg-boss's cron hands each minute's job to one
 * worker across all portal processes; the sweep itself is idempotent on top of that.
 */
export async function startAgentWatch(boss: PgBoss, options: { log: Logger; schedule: boolean; pollingIntervalSeconds: number }) {
  await boss.work(QUEUES.agentWatch.name, { pollingIntervalSeconds: Math.max(options.pollingIntervalSeconds, 2) }, async () => {
    const swept = await runMinuteSweep(new Date());
    if (swept.reclaimed || swept.warnings || swept.silent.length) options.log.info(swept, "minute sweep: idle slices and silent agents");
  });
  if (options.schedule) await boss.schedule(QUEUES.agentWatch.name, "* * * * *", {}, { tz: "UTC" });
}
