import { z } from "zod";
import {
  approveSliceIn,
  cancelSliceIn,
  decideExtensionIn,
  getSliceIn,
  listSlicesIn,
  rejectSliceIn,
  releaseSliceIn,
  requestExtensionIn,
  requestSliceIn,
  scheduleIn,
  scheduleOut,
  sliceOut,
} from "@/contracts/slices";
import { approveSlice, cancelSlice, rejectSlice, releaseSlice, requestSlice } from "@/server/services/slices/lifecycle";
import { decideExtension, requestExtension } from "@/server/services/slices/extensions";
import { getSlice, listSlices } from "@/server/services/slices/list";
import { approvalQueue, listMySlices, schedule } from "@/server/services/slices/queries";
import { checkedOncePerAnswer } from "../answer-memo";
import { restEndpoint } from "../rest/meta";
import { permitted, router } from "../trpc";

const rest = restEndpoint("Slices");
const own = "slices:request (your own slices; admins any)";

export const slicesRouter = router({
  list: permitted("schedule:read")
    .meta(rest("GET", "/slices", "List slices", "schedule:read", "Newest start first. Members see their own slices and everyone's approved and pending ones; admins and leadership see all."))
    .input(listSlicesIn)
    .output(z.array(sliceOut))
    .query(({ ctx, input }) => listSlices(ctx.actor, { ...input, mine: input.requester === "me" }, ctx.now)),
  get: permitted("schedule:read")
    .meta(rest("GET", "/slices/{sliceId}", "Get a slice", "schedule:read"))
    .input(getSliceIn)
    .output(sliceOut)
    .query(({ ctx, input }) => getSlice(ctx.actor, input.sliceId, ctx.now)),
  request: permitted("slices:request")
    .meta(rest("POST", "/slices", "Request a slice", "slices:request", "Threads and RAM default to the machine's profile times the GPUs, the start to now. A request that cannot be met is refused with every reason and the earliest window that fits (details.suggestion)."))
    .input(requestSliceIn)
    .output(sliceOut)
    .mutation(({ ctx, input }) => requestSlice(ctx.actor, input, ctx.now)),
  cancel: permitted("slices:request")
    .meta(rest("POST", "/slices/{sliceId}/cancel", "Cancel a pending request or an upcoming slice", own))
    .input(cancelSliceIn)
    .output(sliceOut)
    .mutation(({ ctx, input }) => cancelSlice(ctx.actor, input, ctx.now)),
  release: permitted("slices:request")
    .meta(rest("POST", "/slices/{sliceId}/release", "Release an active slice now", own))
    .input(releaseSliceIn)
    .output(sliceOut)
    .mutation(({ ctx, input }) => releaseSlice(ctx.actor, input, ctx.now)),
  requestExtension: permitted("slices:request")
    .meta(rest("POST", "/slices/{sliceId}/extension", "Ask to extend a slice", own, "Pending until an admin decides (or the auto-approve policy approves it)."))
    .input(requestExtensionIn)
    .output(sliceOut)
    .mutation(({ ctx, input }) => requestExtension(ctx.actor, input, ctx.now)),
  approve: permitted("slices:decide")
    .meta(rest("POST", "/slices/{sliceId}/approve", "Approve a pending request", "slices:decide", "Assigns `gpuIds` (default: the free GPUs the portal proposes). A quota may be overridden with `overrideReason`; capacity never."))
    .input(approveSliceIn)
    .output(sliceOut)
    .mutation(({ ctx, input }) => approveSlice(ctx.actor, input, ctx.now)),
  reject: permitted("slices:decide")
    .meta(rest("POST", "/slices/{sliceId}/reject", "Reject a pending request", "slices:decide"))
    .input(rejectSliceIn)
    .output(sliceOut)
    .mutation(({ ctx, input }) => rejectSlice(ctx.actor, input, ctx.now)),
  decideExtension: permitted("slices:decide")
    .meta(rest("POST", "/extensions/{extensionId}/decision", "Approve or reject an extension", "slices:decide", "A rejection needs a `reason`."))
    .input(decideExtensionIn)
    .output(sliceOut)
    .mutation(({ ctx, input }) => decideExtension(ctx.actor, input, ctx.now)),
  mine: permitted("slices:request")
    .output(z.array(sliceOut))
    .query(({ ctx }) => listMySlices(ctx.actor, ctx.now)),
  queue: permitted("slices:decide").query(({ ctx }) => approvalQueue(ctx.now)),
  schedule: permitted("schedule:read")
    .input(scheduleIn)
    .output(checkedOncePerAnswer(scheduleOut))
    .query(({ ctx, input }) => schedule(input, ctx.actor, ctx.now)),
});
