import { z } from "zod";
import { EVENT_KIND_NAMES } from "@/core/notifications/kinds";
import { JOB_VIEWS, listJobs, listOutbox, retryJob } from "@/server/services/jobs";
import { createTeamWebhook, deleteTeamWebhook, listTeamWebhooks } from "@/server/services/notification-settings";
import { id } from "@/contracts/shared";
import { byActor } from "../by-actor";
import { permitted, router } from "../trpc";
import { webhookFormat, webhookUrl } from "./notifications";

const jobView = z.enum(Object.keys(JOB_VIEWS) as (keyof typeof JOB_VIEWS)[]);

/** Admins: team webhooks, the job queue, and (demo mode) the mail catcher's Outbox. */
export const backgroundRouter = router({
  teamWebhooks: permitted("teams:manage").query(() => listTeamWebhooks()),
  createTeamWebhook: permitted("teams:manage")
    .input(z.object({ teamId: id, url: webhookUrl, format: webhookFormat, kinds: z.array(z.enum(EVENT_KIND_NAMES)).min(1, "choose at least one kind of message").max(EVENT_KIND_NAMES.length) }))
    .mutation(byActor(createTeamWebhook)),
  deleteTeamWebhook: permitted("teams:manage")
    .input(z.object({ webhookId: id }))
    .mutation(byActor(deleteTeamWebhook)),
  jobs: permitted("jobs:manage")
    .input(z.object({ view: jobView.default("waiting"), limit: z.number().int().min(1).max(200).default(50) }))
    .query(({ input }) => listJobs(input)),
  retryJob: permitted("jobs:manage")
    .input(z.object({ jobId: id }))
    .mutation(byActor(retryJob)),
  outbox: permitted("jobs:manage")
    .input(z.object({ limit: z.number().int().min(1).max(200).default(50) }))
    .query(({ input }) => listOutbox(input)),
});
