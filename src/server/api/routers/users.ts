import { z } from "zod";
import { listRecentSignIns } from "@/server/services/sign-in-overview";
import { signOutEverywhere } from "@/server/services/sessions";
import { listUsers, setUserActive, updateUser } from "@/server/services/users";
import { permitted, router } from "../trpc";
import { linuxUsername, roles } from "@/contracts/admin";
import { id, reason, search } from "@/contracts/shared";

export const usersRouter = router({
  list: permitted("users:read")
    .input(
      z.object({
        search,
        teamId: id.optional(),
        active: z.boolean().optional(),
        page: z.number().int().min(1).max(10_000).default(1),
        pageSize: z.number().int().min(1).max(100).default(25),
      }),
    )
    .query(({ input }) => listUsers(input)),

  update: permitted("users:manage")
    .input(z.object({ userId: id, teamId: id.optional(), teamPinned: z.boolean().optional(), assignedRoles: roles.optional(), linuxUsername: linuxUsername.optional() }))
    .mutation(({ ctx, input }) => updateUser(ctx.actor, input)),

  setActive: permitted("users:manage")
    .input(z.object({ userId: id, active: z.boolean(), reason: reason.optional() }))
    .mutation(({ ctx, input }) => setUserActive(ctx.actor, input)),

  signOutEverywhere: permitted("users:manage")
    .input(z.object({ userId: id, reason: reason.optional() }))
    .mutation(({ ctx, input }) => signOutEverywhere(ctx.actor, input, new Date())),

  /** The newest sign-ins as the IdP sent them, for the admin's Sign-in page. */
  recentSignIns: permitted("users:manage").query(() => listRecentSignIns()),
});
