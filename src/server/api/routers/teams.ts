import { createTeam, deleteTeam, listTeams, renameTeam } from "@/server/services/teams";
import { byActor } from "../by-actor";
import { permitted, router } from "../trpc";
import { createTeamIn, deleteTeamIn, renameTeamIn } from "@/contracts/admin";

const manage = permitted("teams:manage");

export const teamsRouter = router({
  list: permitted("profile:read").query(() => listTeams()),
  create: manage.input(createTeamIn).mutation(byActor(createTeam)),
  rename: manage.input(renameTeamIn).mutation(byActor(renameTeam)),
  delete: manage.input(deleteTeamIn).mutation(byActor(deleteTeam)),
});
