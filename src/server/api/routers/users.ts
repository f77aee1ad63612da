import { listRecentSignIns } from "@/server/services/sign-in-overview";
import { signOutEverywhere } from "@/server/services/sessions";
import { listUsers, setUserActive, updateUser } from "@/server/services/users";
import { byActor } from "../by-actor";
import { permitted, router } from "../trpc";
import { listUsersIn, setUserActiveIn, signOutEverywhereIn, updateUserIn } from "@/contracts/admin";

const manage = permitted("users:manage");

export const usersRouter = router({
  list: permitted("users:read")
    .input(listUsersIn)
    .query(({ input }) => listUsers(input)),

  update: manage.input(updateUserIn).mutation(byActor(updateUser)),
  setActive: manage.input(setUserActiveIn).mutation(byActor(setUserActive)),
  signOutEverywhere: manage.input(signOutEverywhereIn).mutation(byActor(signOutEverywhere)),

  /** The newest sign-ins as the IdP sent them, for the admin's Sign-in page. */
  recentSignIns: manage.query(() => listRecentSignIns()),
});
