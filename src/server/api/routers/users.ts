import { z } from "zod";
import { listUsers, setUserActive, updateUser } from "@/server/services/users";
import { permitted, router } from "../trpc";
import { id, reason, roles, search } from "../schemas";

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
    .input(z.object({ userId: id, teamId: id.optional(), assignedRoles: roles.optional() }))
    .mutation(({ ctx, input }) => updateUser(ctx.actor, input)),

  setActive: permitted("users:manage")
    .input(z.object({ userId: id, active: z.boolean(), reason: reason.optional() }))
    .mutation(({ ctx, input }) => setUserActive(ctx.actor, input)),
});
