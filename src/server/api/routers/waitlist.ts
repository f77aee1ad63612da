import { z } from "zod";
import { previewNeed, requestByNeed } from "@/server/services/waitlist/by-need";
import { cancelWaiting, listQueue, moveWaiting, myWaitlist, setFairShare } from "@/server/services/waitlist/queue";
import { noInput } from "@/contracts/shared";
import { byNeedOut, cancelWaitingIn, fairShareOut, moveWaitingIn, myWaitlistOut, needIn, previewOut, queueItemOut, setFairShareIn, waitlistEntryOut } from "@/contracts/waitlist";
import { restEndpoint } from "../rest/meta";
import { byActor } from "../by-actor";
import { permitted, router } from "../trpc";

const rest = restEndpoint("Requests by need and the waitlist");

export const waitlistRouter = router({
  preview: permitted("slices:request")
    .meta(rest("POST", "/needs/preview", "Preview where a need would be placed", "slices:request", "Reads only: the placement and, for every machine, why it was or was not chosen."))
    .input(needIn)
    .output(previewOut)
    .mutation(byActor(previewNeed)),
  request: permitted("slices:request")
    .meta(rest("POST", "/needs", "Request GPUs by need", "slices:request", "Placed on one machine at the earliest start that fits capacity and quotas (fewest stranded resources, then the cheapest cloud-equivalent) and filed as a normal request; with `waitlist` it waits in the fair-share queue when nothing fits at once. A need no machine can ever meet is refused naming the largest available."))
    .input(needIn)
    .output(byNeedOut)
    .mutation(byActor(requestByNeed)),
  mine: permitted("slices:request")
    .meta(rest("GET", "/waitlist/mine", "My waiting requests", "slices:request", "Each with its position and estimated start, and the recent outcomes (placed, withdrawn, unmeetable)."))
    .input(noInput)
    .output(myWaitlistOut)
    .query(({ ctx }) => myWaitlist(ctx.actor, ctx.now)),
  queue: permitted("waitlist:read")
    .meta(rest("GET", "/waitlist", "The waitlist in order", "waitlist:read", "Pinned entries first, then by fair share (the team's GPU-hours over 30 days per share), then by age."))
    .input(noInput)
    .output(z.array(queueItemOut))
    .query(({ ctx }) => listQueue(ctx.now)),
  cancel: permitted("slices:request")
    .meta(rest("POST", "/waitlist/{entryId}/cancel", "Withdraw a waiting request", "slices:request (your own; admins any)"))
    .input(cancelWaitingIn)
    .output(waitlistEntryOut)
    .mutation(byActor(cancelWaiting)),
  move: permitted("slices:decide")
    .meta(rest("POST", "/waitlist/{entryId}/move", "Move a waiting request to a position", "slices:decide", "The reason is kept in the audit log."))
    .input(moveWaitingIn)
    .output(z.array(queueItemOut))
    .mutation(byActor(moveWaiting)),
  setShare: permitted("teams:manage")
    .meta(rest("POST", "/teams/{teamId}/fair-share", "Set a team's fair share", "teams:manage", "A relative weight (1 by default): a team with share 2 may use twice the GPU-hours of a team with 1 before the queue puts it behind."))
    .input(setFairShareIn)
    .output(fairShareOut)
    .mutation(byActor(setFairShare)),
});
