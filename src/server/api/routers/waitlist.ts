import { z } from "zod";
import { SLICE_KINDS } from "@/core/slices/kinds";
import { previewNeed, requestByNeed } from "@/server/services/waitlist/by-need";
import { cancelWaiting, listQueue, moveWaiting, myWaitlist, setFairShare } from "@/server/services/waitlist/queue";
import { byNeedOut, myWaitlistOut, previewOut, queueItemOut, waitlistEntryOut } from "@/contracts/waitlist";
import { restEndpoint } from "../rest/meta";
import { permitted, router } from "../trpc";
import { id, instantIn, reason } from "@/contracts/shared";

const whole = (label: string, min: number, max: number) =>
  z.number({ message: `must be a number of ${label}` }).int(`must be a whole number of ${label}`).min(min, `must be at least ${min}`).max(max, `must be at most ${max}`);

const needInput = z
  .object({
    gpuCount: whole("GPUs", 1, 64),
    minGpuMemoryGb: whole("GB", 1, 1024).optional(),
    gpuModels: z.array(z.string().trim().min(1, "must name a model").max(100)).max(20).optional(),
    threadsPerGpu: whole("threads", 0, 1024).optional(),
    ramGbPerGpu: whole("GB", 0, 65_536).optional(),
    durationHours: z.number({ message: "must be a number of hours" }).positive("must be more than 0 hours").max(24 * 366, "must be at most a year").multipleOf(0.25, "must be in quarters of an hour"),
    earliestStart: instantIn.optional(),
    latestEnd: instantIn.optional(),
    purpose: z.string().trim().min(3, "must say in a few words what the slice is for").max(500),
    kind: z.enum(SLICE_KINDS).default("training"),
    waitlist: z.boolean().default(true).meta({ description: "As soon as possible: wait in the queue when nothing fits at the earliest start. False books the earliest window found instead." }),
  })
  .refine((n) => !n.latestEnd || !n.earliestStart || n.latestEnd > n.earliestStart, { message: "must be after the earliest start", path: ["latestEnd"] });

const now = () => new Date();
const rest = restEndpoint("Requests by need and the waitlist");

export const waitlistRouter = router({
  preview: permitted("slices:request")
    .meta(rest("POST", "/needs/preview", "Preview where a need would be placed", "slices:request", "Reads only: the placement and, for every machine, why it was or was not chosen."))
    .input(needInput)
    .output(previewOut)
    .mutation(({ ctx, input }) => previewNeed(ctx.actor, input, now())),
  request: permitted("slices:request")
    .meta(rest("POST", "/needs", "Request GPUs by need", "slices:request", "Placed on one machine at the earliest start that fits capacity and quotas (fewest stranded resources, then the cheapest cloud-equivalent) and filed as a normal request; with `waitlist` it waits in the fair-share queue when nothing fits at once. A need no machine can ever meet is refused naming the largest available."))
    .input(needInput)
    .output(byNeedOut)
    .mutation(({ ctx, input }) => requestByNeed(ctx.actor, input, now())),
  mine: permitted("slices:request")
    .meta(rest("GET", "/waitlist/mine", "My waiting requests", "slices:request", "Each with its position and estimated start, and the recent outcomes (placed, withdrawn, unmeetable)."))
    .input(z.object({}).optional())
    .output(myWaitlistOut)
    .query(({ ctx }) => myWaitlist(ctx.actor, now())),
  queue: permitted("waitlist:read")
    .meta(rest("GET", "/waitlist", "The waitlist in order", "waitlist:read", "Pinned entries first, then by fair share (the team's GPU-hours over 30 days per share), then by age."))
    .input(z.object({}).optional())
    .output(z.array(queueItemOut))
    .query(() => listQueue(now())),
  cancel: permitted("slices:request")
    .meta(rest("POST", "/waitlist/{entryId}/cancel", "Withdraw a waiting request", "slices:request (your own; admins any)"))
    .input(z.object({ entryId: id, reason: reason.optional() }))
    .output(waitlistEntryOut)
    .mutation(({ ctx, input }) => cancelWaiting(ctx.actor, input, now())),
  move: permitted("slices:decide")
    .meta(rest("POST", "/waitlist/{entryId}/move", "Move a waiting request to a position", "slices:decide", "The reason is kept in the audit log."))
    .input(z.object({ entryId: id, position: whole("positions", 1, 10_000), reason }))
    .output(z.array(queueItemOut))
    .mutation(({ ctx, input }) => moveWaiting(ctx.actor, input, now())),
  setShare: permitted("teams:manage")
    .meta(rest("POST", "/teams/{teamId}/fair-share", "Set a team's fair share", "teams:manage", "A relative weight (1 by default): a team with share 2 may use twice the GPU-hours of a team with 1 before the queue puts it behind."))
    .input(z.object({ teamId: id, share: whole("shares", 1, 1000), reason: reason.optional() }))
    .output(z.object({ id: z.string(), name: z.string(), fairShare: z.number().int() }))
    .mutation(({ ctx, input }) => setFairShare(ctx.actor, input)),
});
