import { createTeam, deleteTeam, listTeams, renameTeam } from "@/server/services/teams";
import { permitted, router } from "../trpc";
import { createTeamIn, deleteTeamIn, renameTeamIn } from "@/contracts/admin";

export const teamsRouter = router({
  list: permitted("profile:read").query(() => listTeams()),
  create: permitted("teams:manage")
    .input(createTeamIn)
    .mutation(({ ctx, input }) => createTeam(ctx.actor, input)),
  rename: permitted("teams:manage")
    .input(renameTeamIn)
    .mutation(({ ctx, input }) => renameTeam(ctx.actor, input)),
  delete: permitted("teams:manage")
    .input(deleteTeamIn)
    .mutation(({ ctx, input }) => deleteTeam(ctx.actor, input)),
});
