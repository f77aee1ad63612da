import { z } from "zod";
import { createTeam, deleteTeam, listTeams, renameTeam } from "@/server/services/teams";
import { permitted, router } from "../trpc";
import { teamName } from "@/contracts/admin";
import { id } from "@/contracts/shared";

export const teamsRouter = router({
  list: permitted("profile:read").query(() => listTeams()),
  create: permitted("teams:manage")
    .input(z.object({ name: teamName }))
    .mutation(({ ctx, input }) => createTeam(ctx.actor, input)),
  rename: permitted("teams:manage")
    .input(z.object({ teamId: id, name: teamName }))
    .mutation(({ ctx, input }) => renameTeam(ctx.actor, input)),
  delete: permitted("teams:manage")
    .input(z.object({ teamId: id }))
    .mutation(({ ctx, input }) => deleteTeam(ctx.actor, input)),
});
