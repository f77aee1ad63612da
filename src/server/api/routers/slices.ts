import { z } from "zod";
import type { OpenApiMeta } from "trpc-to-openapi";
import type { Action } from "@/core/permissions";
import {
  approvalQueueOut,
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
  type SliceOut,
} from "@/contracts/slices";
import { approveSlice, cancelSlice, rejectSlice, releaseSlice, requestSlice } from "@/server/services/slices/lifecycle";
import { decideExtension, requestExtension } from "@/server/services/slices/extensions";
import { getSlice, listSlices } from "@/server/services/slices/list";
import { approvalQueue, listMySlices, schedule } from "@/server/services/slices/queries";
import { checkedOncePerAnswer } from "../answer-memo";
import type { ActorService } from "../by-actor";
import { restEndpoint } from "../rest/meta";
import { permitted, router } from "../trpc";

const rest = restEndpoint("Slices");
const own = "slices:request (your own slices; admins any)";

/** Every change to a slice is a REST endpoint too and answers with the slice as it now is. */
function sliceChange<S extends z.ZodType>(action: Action, meta: OpenApiMeta, input: S, service: ActorService<z.output<S>, SliceOut>) {
  // tRPC cannot resolve a generic schema's output type, though it is exactly z.output<S>.
  return permitted(action).meta(meta).input(input).output(sliceOut).mutation(({ ctx, input }) => service(ctx.actor, input as z.output<S>, ctx.now));
}

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
  request: sliceChange(
    "slices:request",
    rest("POST", "/slices", "Request a slice", "slices:request", "Threads and RAM default to the machine's profile times the GPUs, the start to now. A request that cannot be met is refused with every reason and the earliest window that fits (details.suggestion)."),
    requestSliceIn,
    requestSlice,
  ),
  cancel: sliceChange("slices:request", rest("POST", "/slices/{sliceId}/cancel", "Cancel a pending request or an upcoming slice", own), cancelSliceIn, cancelSlice),
  release: sliceChange("slices:request", rest("POST", "/slices/{sliceId}/release", "Release an active slice now", own), releaseSliceIn, releaseSlice),
  requestExtension: sliceChange(
    "slices:request",
    rest("POST", "/slices/{sliceId}/extension", "Ask to extend a slice", own, "Pending until an admin decides (or the auto-approve policy approves it)."),
    requestExtensionIn,
    requestExtension,
  ),
  approve: sliceChange(
    "slices:decide",
    rest("POST", "/slices/{sliceId}/approve", "Approve a pending request", "slices:decide", "Assigns `gpuIds` (default: the free GPUs the portal proposes). A quota may be overridden with `overrideReason`; capacity never."),
    approveSliceIn,
    approveSlice,
  ),
  reject: sliceChange("slices:decide", rest("POST", "/slices/{sliceId}/reject", "Reject a pending request", "slices:decide"), rejectSliceIn, rejectSlice),
  decideExtension: sliceChange(
    "slices:decide",
    rest("POST", "/extensions/{extensionId}/decision", "Approve or reject an extension", "slices:decide", "A rejection needs a `reason`."),
    decideExtensionIn,
    decideExtension,
  ),
  mine: permitted("slices:request")
    .output(z.array(sliceOut))
    .query(({ ctx }) => listMySlices(ctx.actor, ctx.now)),
  queue: permitted("slices:decide")
    .output(approvalQueueOut)
    .query(({ ctx }) => approvalQueue(ctx.now)),
  schedule: permitted("schedule:read")
    .input(scheduleIn)
    .output(checkedOncePerAnswer(scheduleOut))
    .query(({ ctx, input }) => schedule(input, ctx.actor, ctx.now)),
});
