import { z } from "zod";
import { listQuotaPolicies, updateQuotaPolicy } from "@/server/services/quotas";
import { permitted, router } from "../trpc";
import { id, reason } from "../schemas";

const limit = z.number().int("must be a whole number").min(0, "must be 0 (no limit) or more").max(1_000_000).nullable();

export const quotasRouter = router({
  list: permitted("schedule:read").query(() => listQuotaPolicies()),
  update: permitted("quotas:manage")
    .input(
      z.object({
        teamId: id.optional(),
        values: z.object({
          teamMaxConcurrentGpus: limit,
          teamMaxGpuHoursPerMonth: limit,
          // Optional so clients written before serving slices keep working (absent = inherit).
          teamMaxServingGpus: limit.optional(),
          userMaxConcurrentGpus: limit,
          userMaxSliceHours: limit,
          userMaxDaysAhead: limit,
          autoApprove: z.boolean().nullable(),
        }),
        reason: reason.optional(),
      }),
    )
    .mutation(({ ctx, input }) => updateQuotaPolicy(ctx.actor, input)),
});
