import { z } from "zod";
import { listAuditEntries } from "@/server/services/audit";
import { listMySessions, revokeMySession } from "@/server/services/sessions";
import { canonicalTimeZone } from "@/core/time/zoned";
import { getProfile, setOwnTimeZone, updateMyLinuxUsername } from "@/server/services/users";
import { byActor } from "../by-actor";
import { protectedProcedure, router } from "../trpc";
import { linuxUsername } from "@/contracts/admin";
import { id } from "@/contracts/shared";

/** What everyone may see about themselves. */
export const meRouter = router({
  profile: protectedProcedure.query(({ ctx }) => getProfile(ctx.actor.id)),
  activity: protectedProcedure
    .input(z.object({ limit: z.number().int().min(1).max(50).default(20) }))
    .query(({ ctx, input }) => listAuditEntries({ involving: ctx.actor.id, limit: input.limit })),
  sessions: protectedProcedure.query(({ ctx }) => listMySessions(ctx.actor, ctx.now)),
  revokeSession: protectedProcedure
    .input(z.object({ sessionId: id }))
    .mutation(byActor(revokeMySession)),
  setLinuxUsername: protectedProcedure
    .input(z.object({ linuxUsername }))
    .mutation(byActor(updateMyLinuxUsername)),
  /** The zone the pages show times in; null follows the browser's. */
  setTimeZone: protectedProcedure
    .input(
      z.object({
        timeZone: z
          .string()
          .max(64, "must be at most 64 characters")
          .refine((zone) => canonicalTimeZone(zone) !== null, "must be an IANA time zone such as Europe/Berlin")
          .transform((zone) => canonicalTimeZone(zone)!)
          .nullable(),
      }),
    )
    .mutation(({ ctx, input }) => setOwnTimeZone(ctx.actor, input.timeZone)),
});
