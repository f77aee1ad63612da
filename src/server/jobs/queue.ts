import { createHash } from "node:crypto";
import PgBoss from "pg-boss";
import { jobExecutor } from "@/server/db/jobs";
import type { Db } from "@/server/db/tx";

/** pg-boss keeps its tables in this schema of the portal's database (created at its start). */
export const QUEUE_SCHEMA = "pgboss";

/**
 * The queues and their retry policy. Deliveries back off exponentially from 5 s (5, 10, 20, …
 * about 10 minutes in all over 7 tries), so an SMTP server or webhook that is down for a few
 * minutes still gets each message, once.
 */
export const QUEUES = {
  deliver: { name: "deliver", retryLimit: 7, retryDelay: 5, retryBackoff: true, expireInSeconds: 120 },
  reminder: { name: "reminder", retryLimit: 5, retryDelay: 2, retryBackoff: true, expireInSeconds: 60 },
  weeklyDigest: { name: "weekly-digest", retryLimit: 3, retryDelay: 60, retryBackoff: true, expireInSeconds: 600 },
  // Every minute; a failed minute is not retried: the next one judges since the last mark anyway.
  agentWatch: { name: "agent-watch", retryLimit: 0, retryDelay: 0, retryBackoff: false, expireInSeconds: 300 },
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES]["name"];

export interface QueuedJob {
  id: string;
  name: QueueName;
  data: object;
  startAfter?: Date;
}

// An instance that never connects: it only lends pg-boss's own job INSERT to a caller's transaction.
const inserter = new PgBoss({ schema: QUEUE_SCHEMA, db: { executeSql: async () => ({ rows: [] }) } });

/**
 * Queues jobs inside the caller's transaction (pg-boss's `db` option), so a rolled-back decision
 * leaves no job behind and a committed one always has its jobs. A job id that exists already is
 * skipped: the id is the idempotency key.
 */
export async function enqueue(tx: Db, jobs: QueuedJob[]): Promise<void> {
  if (jobs.length === 0) return;
  await inserter.insert(
    jobs.map((job) => ({ id: job.id, name: job.name, data: job.data, startAfter: job.startAfter })),
    { db: jobExecutor(tx) },
  );
}

/** A stable UUID from a text key, for jobs that must exist once (a reminder for one instant). */
export function uuidFromKey(key: string): string {
  const h = createHash("sha256").update(key).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Creates the queues a fresh pg-boss schema lacks (pg-boss 10 refuses jobs for unknown queues). */
export async function ensureQueues(boss: PgBoss): Promise<void> {
  for (const queue of Object.values(QUEUES)) {
    if (!(await boss.getQueue(queue.name))) await boss.createQueue(queue.name, { ...queue });
  }
}

/** Creates pg-boss's schema and our queues without starting any worker (tests, migrations). */
export async function installQueue(databaseUrl: string): Promise<void> {
  const boss = new PgBoss({ connectionString: databaseUrl, schema: QUEUE_SCHEMA, supervise: false, schedule: false, max: 2 });
  await boss.start();
  try {
    await ensureQueues(boss);
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}
