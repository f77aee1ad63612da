import { z } from "zod";
import { SLICE_STATUSES } from "@/core/slices/lifecycle";
import { approveSlice, cancelSlice, rejectSlice, releaseSlice, requestSlice } from "@/server/services/slices/lifecycle";
import { decideExtension, requestExtension } from "@/server/services/slices/extensions";
import { getSlice, listSlices } from "@/server/services/slices/list";
import { approvalQueue, listMySlices, schedule } from "@/server/services/slices/queries";
import { sliceOut } from "../outputs/slices";
import { restEndpoint } from "../rest/meta";
import { permitted, router } from "../trpc";
import { id, reason } from "../schemas";

const MAX_DATE = new Date("2100-01-01T00:00:00Z");
const instant = z.coerce
  .date({ message: "must be a date and time" })
  .refine((d) => d.getTime() > Date.UTC(2000, 0, 1) && d < MAX_DATE, "must be between the year 2000 and 2100")
  .meta({ override: { type: "string", format: "date-time" } });
const count = (label: string, max: number) => z.number({ message: `must be a number of ${label}` }).int(`must be a whole number of ${label}`).min(0).max(max);

const now = () => new Date();
const rest = restEndpoint("Slices");
const own = "slices:request (your own slices; admins any)";

export const slicesRouter = router({
  list: permitted("schedule:read")
    .meta(rest("GET", "/slices", "List slices", "schedule:read", "Newest start first. Members see their own slices and everyone's approved and pending ones; admins and leadership see all."))
    .input(
      z
        .object({
          status: z.enum(SLICE_STATUSES).optional(),
          machineId: id.optional(),
          requester: z.enum(["me", "anyone"]).default("anyone"),
          from: instant.optional(),
          to: instant.optional(),
          limit: z.number().int("must be a whole number").min(1, "must be at least 1").max(1000, "must be at most 1000").default(100),
        })
        .refine((w) => !w.from || !w.to || w.to > w.from, { message: "must be after 'from'", path: ["to"] }),
    )
    .output(z.array(sliceOut))
    .query(({ ctx, input }) => listSlices(ctx.actor, { ...input, mine: input.requester === "me" }, now())),
  get: permitted("schedule:read")
    .meta(rest("GET", "/slices/{sliceId}", "Get a slice", "schedule:read"))
    .input(z.object({ sliceId: id }))
    .output(sliceOut)
    .query(({ ctx, input }) => getSlice(ctx.actor, input.sliceId, now())),
  request: permitted("slices:request")
    .meta(rest("POST", "/slices", "Request a slice", "slices:request", "Threads and RAM default to the machine's profile times the GPUs, the start to now. A request that cannot be met is refused with every reason and the earliest window that fits (details.suggestion)."))
    .input(
      z
        .object({
          machineId: id,
          gpuCount: count("GPUs", 64).min(1, "must be at least 1 GPU"),
          threads: count("threads", 1024).optional(),
          ramGb: count("GB", 65_536).optional(),
          start: instant.optional(),
          end: instant,
          purpose: z.string().trim().min(3, "must say in a few words what the slice is for").max(500),
          quotaException: reason.optional(),
        })
        .refine((r) => !r.start || r.end > r.start, { message: "must be after the start", path: ["end"] }),
    )
    .output(sliceOut)
    .mutation(({ ctx, input }) => requestSlice(ctx.actor, input, now())),
  cancel: permitted("slices:request")
    .meta(rest("POST", "/slices/{sliceId}/cancel", "Cancel a pending request or an upcoming slice", own))
    .input(z.object({ sliceId: id, reason: reason.optional() }))
    .output(sliceOut)
    .mutation(({ ctx, input }) => cancelSlice(ctx.actor, input, now())),
  release: permitted("slices:request")
    .meta(rest("POST", "/slices/{sliceId}/release", "Release an active slice now", own))
    .input(z.object({ sliceId: id }))
    .output(sliceOut)
    .mutation(({ ctx, input }) => releaseSlice(ctx.actor, input, now())),
  requestExtension: permitted("slices:request")
    .meta(rest("POST", "/slices/{sliceId}/extension", "Ask to extend a slice", own, "Pending until an admin decides (or the auto-approve policy approves it)."))
    .input(z.object({ sliceId: id, end: instant, reason }))
    .output(sliceOut)
    .mutation(({ ctx, input }) => requestExtension(ctx.actor, input, now())),
  approve: permitted("slices:decide")
    .meta(rest("POST", "/slices/{sliceId}/approve", "Approve a pending request", "slices:decide", "Assigns `gpuIds` (default: the free GPUs the portal proposes). A quota may be overridden with `overrideReason`; capacity never."))
    .input(z.object({ sliceId: id, gpuIds: z.array(id).min(1).max(64).optional(), overrideReason: reason.optional() }))
    .output(sliceOut)
    .mutation(({ ctx, input }) => approveSlice(ctx.actor, input, now())),
  reject: permitted("slices:decide")
    .meta(rest("POST", "/slices/{sliceId}/reject", "Reject a pending request", "slices:decide"))
    .input(z.object({ sliceId: id, reason }))
    .output(sliceOut)
    .mutation(({ ctx, input }) => rejectSlice(ctx.actor, input, now())),
  decideExtension: permitted("slices:decide")
    .meta(rest("POST", "/extensions/{extensionId}/decision", "Approve or reject an extension", "slices:decide", "A rejection needs a `reason`."))
    .input(z.object({ extensionId: id, approve: z.boolean(), reason: reason.optional(), overrideReason: reason.optional() }))
    .output(sliceOut)
    .mutation(({ ctx, input }) => decideExtension(ctx.actor, input, now())),
  mine: permitted("slices:request").query(({ ctx }) => listMySlices(ctx.actor, now())),
  queue: permitted("slices:decide").query(() => approvalQueue(now())),
  schedule: permitted("schedule:read")
    .input(
      z
        .object({ from: instant, to: instant, machineId: id.optional() })
        .refine((w) => w.to > w.from, { message: "must be after 'from'", path: ["to"] })
        .refine((w) => w.to.getTime() - w.from.getTime() <= 120 * 86_400_000, { message: "the window may span at most 120 days", path: ["to"] }),
    )
    .query(({ ctx, input }) => schedule(input, ctx.actor, now())),
});
