import PgBoss from "pg-boss";
import type { Logger } from "pino";
import { createPrismaClient } from "@/server/db/client";
import { deliverOne } from "@/server/notifications/deliver";
import { sendWeeklyDigest } from "@/server/notifications/digest";
import type { NotifyConfig } from "@/server/notifications/notify";
import { fireReminder, type ReminderJob } from "@/server/notifications/reminders";
import { createSenders, type SendConfig } from "@/server/notifications/senders";
import { startAgentWatch } from "./agent-watch";
import { ensureQueues, QUEUE_SCHEMA, QUEUES } from "./queue";

export interface BackgroundOptions {
  databaseUrl: string;
  log: Logger;
  notify: NotifyConfig;
  send: SendConfig;
  /** How often an idle worker asks for jobs; a reminder is late by at most about this. */
  pollingIntervalSeconds?: number;
  /** Deliveries fetched per round by each of `deliveryWorkers` workers. */
  deliveryBatchSize?: number;
  deliveryWorkers?: number;
  /** Monday 08:00 UTC: the weekly digest (off in tests). */
  schedule?: boolean;
}

export interface Background {
  boss: PgBoss;
  stop(options?: { graceful?: boolean }): Promise<void>;
}

/**
 * Starts the job queue's workers in this process: deliveries, reminders and the weekly digest.
 * Any number of processes may run them on one database: pg-boss hands each job to one worker
 * (SELECT … FOR UPDATE SKIP LOCKED), and every job is idempotent on top of that.
 */
export async function startBackgroundWork(options: BackgroundOptions): Promise<Background> {
  const { log } = options;
  const prisma = createPrismaClient(options.databaseUrl);
  const senders = createSenders(options.send);
  const boss = new PgBoss({ connectionString: options.databaseUrl, schema: QUEUE_SCHEMA, max: 6, schedule: options.schedule ?? true });
  boss.on("error", (err) => log.error({ err }, "job queue error"));
  await boss.start();
  await ensureQueues(boss);
  const pollingIntervalSeconds = options.pollingIntervalSeconds ?? 1;

  const work = { pollingIntervalSeconds, includeMetadata: true as const };
  for (let i = 0; i < (options.deliveryWorkers ?? 2); i++) {
    await boss.work<{ deliveryId: string }>(QUEUES.deliver.name, { ...work, batchSize: options.deliveryBatchSize ?? 25 }, async (jobs) => {
      const outcomes = await Promise.allSettled(
        jobs.map((job) => deliverOne(prisma, senders, job.data.deliveryId, { now: () => new Date(), finalAttempt: job.retryCount >= job.retryLimit })),
      );
      // One failed delivery must not fail (and resend) the others of its batch.
      for (const [i, outcome] of outcomes.entries()) {
        if (outcome.status === "fulfilled") continue;
        const job = jobs[i]!;
        const message = outcome.reason instanceof Error ? outcome.reason.message : String(outcome.reason);
        log.warn({ deliveryId: job.data.deliveryId, retry: job.retryCount, err: message }, "delivery failed; it will be retried");
        await boss.fail(QUEUES.deliver.name, job.id, { message });
      }
    });
  }
  // Reminders fall due together (every slice starting on the hour): a batch fires side by side,
  // each in its own transaction, so a busy minute is not served one reminder at a time.
  await boss.work<ReminderJob>(QUEUES.reminder.name, { ...work, batchSize: 50 }, async (jobs) => {
    const outcomes = await Promise.allSettled(jobs.map((job) => fireReminder(job.data, new Date(), options.notify)));
    for (const [i, outcome] of outcomes.entries()) {
      if (outcome.status === "fulfilled") continue;
      const job = jobs[i]!;
      const message = outcome.reason instanceof Error ? outcome.reason.message : String(outcome.reason);
      log.warn({ sliceId: job.data.sliceId, kind: job.data.kind, err: message }, "reminder failed; it will be retried");
      await boss.fail(QUEUES.reminder.name, job.id, { message });
    }
  });
  await boss.work(QUEUES.weeklyDigest.name, { ...work, pollingIntervalSeconds: 30 }, async () => {
    await sendWeeklyDigest(new Date(), options.notify);
  });
  if (options.schedule ?? true) await boss.schedule(QUEUES.weeklyDigest.name, "0 8 * * 1", {}, { tz: "UTC" });
  await startAgentWatch(boss, { log, schedule: options.schedule ?? true, pollingIntervalSeconds });

  return {
    boss,
    async stop({ graceful = true } = {}) {
      await boss.stop({ graceful, wait: true, timeout: 10_000 });
      senders.close();
      await prisma.$disconnect();
    },
  };
}
