import { notFound } from "@/core/errors";
import { recordAudit } from "@/server/db/audit";
import { countJobsByState, findJobs, retryFailedJob } from "@/server/db/jobs";
import { findCaughtMail } from "@/server/db/notifications";
import { read, transaction } from "@/server/db/tx";
import { env } from "@/server/env";
import type { Actor } from "./actor";

export const JOB_VIEWS = { waiting: ["created", "retry", "active"], failed: ["failed"], done: ["completed", "cancelled"] } as const;
export type JobView = keyof typeof JOB_VIEWS;

/** What admins see of the queue: counts per queue and state, and the latest jobs of one view. */
export async function listJobs(input: { view: JobView; limit: number }) {
  return read(async (client) => {
    const [counts, jobs] = await Promise.all([countJobsByState(client), findJobs(client, [...JOB_VIEWS[input.view]], input.limit)]);
    return {
      counts,
      jobs: jobs.map((j) => ({ ...j, error: j.state === "failed" || j.state === "retry" ? errorOf(j.output) : null })),
    };
  });
}

function errorOf(output: unknown): string | null {
  if (output && typeof output === "object" && "message" in output && typeof output.message === "string") return output.message;
  return output ? JSON.stringify(output) : null;
}

export async function retryJob(actor: Actor, input: { jobId: string }) {
  return transaction(async (tx) => {
    if ((await retryFailedJob(tx, input.jobId)) === 0) throw notFound("Failed job", "jobId");
    await recordAudit(tx, { actorId: actor.id, action: "job.retry", subjectType: "job", subjectId: input.jobId });
    return { id: input.jobId };
  });
}

/** The demo mail catcher's e-mails; outside demo mode there is none (real mail goes to a real server). */
export async function listOutbox(input: { limit: number }) {
  if (env().RIGSHARE_DEMO_IDP !== "1") return { demo: false, messages: [] };
  const rows = await read((client) => findCaughtMail(client, input.limit));
  return { demo: true, messages: rows.map((m) => ({ ...m, id: m.id.toString() })) };
}
