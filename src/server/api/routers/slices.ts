import { z } from "zod";
import { approveSlice, cancelSlice, rejectSlice, releaseSlice, requestSlice } from "@/server/services/slices/lifecycle";
import { decideExtension, requestExtension } from "@/server/services/slices/extensions";
import { approvalQueue, listMySlices, schedule } from "@/server/services/slices/queries";
import { permitted, router } from "../trpc";
import { id, reason } from "../schemas";

const MAX_DATE = new Date("2100-01-01T00:00:00Z");
const instant = z.coerce
  .date({ message: "must be a date and time" })
  .refine((d) => d.getTime() > Date.UTC(2000, 0, 1) && d < MAX_DATE, "must be between the year 2000 and 2100");
const count = (label: string, max: number) => z.number({ message: `must be a number of ${label}` }).int(`must be a whole number of ${label}`).min(0).max(max);

const now = () => new Date();

export const slicesRouter = router({
  request: permitted("slices:request")
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
    .mutation(({ ctx, input }) => requestSlice(ctx.actor, input, now())),
  cancel: permitted("slices:request")
    .input(z.object({ sliceId: id, reason: reason.optional() }))
    .mutation(({ ctx, input }) => cancelSlice(ctx.actor, input, now())),
  release: permitted("slices:request")
    .input(z.object({ sliceId: id }))
    .mutation(({ ctx, input }) => releaseSlice(ctx.actor, input, now())),
  requestExtension: permitted("slices:request")
    .input(z.object({ sliceId: id, end: instant, reason }))
    .mutation(({ ctx, input }) => requestExtension(ctx.actor, input, now())),
  approve: permitted("slices:decide")
    .input(z.object({ sliceId: id, gpuIds: z.array(id).min(1).max(64).optional(), overrideReason: reason.optional() }))
    .mutation(({ ctx, input }) => approveSlice(ctx.actor, input, now())),
  reject: permitted("slices:decide")
    .input(z.object({ sliceId: id, reason }))
    .mutation(({ ctx, input }) => rejectSlice(ctx.actor, input, now())),
  decideExtension: permitted("slices:decide")
    .input(z.object({ extensionId: id, approve: z.boolean(), reason: reason.optional(), overrideReason: reason.optional() }))
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
