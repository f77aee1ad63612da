import { z } from "zod";
import { listAuditEntries } from "@/server/services/audit";
import { getProfile } from "@/server/services/users";
import { protectedProcedure, router } from "../trpc";

/** What everyone may see about themselves. */
export const meRouter = router({
  profile: protectedProcedure.query(({ ctx }) => getProfile(ctx.actor.id)),
  activity: protectedProcedure
    .input(z.object({ limit: z.number().int().min(1).max(50).default(20) }))
    .query(({ ctx, input }) => listAuditEntries({ involving: ctx.actor.id, limit: input.limit })),
});
