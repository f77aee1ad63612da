import { z } from "zod";
import { listAuditEntries } from "@/server/services/audit";
import { listMySessions, revokeMySession } from "@/server/services/sessions";
import { getProfile, updateMyLinuxUsername } from "@/server/services/users";
import { protectedProcedure, router } from "../trpc";
import { id, linuxUsername } from "../schemas";

/** What everyone may see about themselves. */
export const meRouter = router({
  profile: protectedProcedure.query(({ ctx }) => getProfile(ctx.actor.id)),
  activity: protectedProcedure
    .input(z.object({ limit: z.number().int().min(1).max(50).default(20) }))
    .query(({ ctx, input }) => listAuditEntries({ involving: ctx.actor.id, limit: input.limit })),
  sessions: protectedProcedure.query(({ ctx }) => listMySessions(ctx.actor, new Date())),
  revokeSession: protectedProcedure
    .input(z.object({ sessionId: id }))
    .mutation(({ ctx, input }) => revokeMySession(ctx.actor, input, new Date())),
  setLinuxUsername: protectedProcedure
    .input(z.object({ linuxUsername }))
    .mutation(({ ctx, input }) => updateMyLinuxUsername(ctx.actor, input)),
});
