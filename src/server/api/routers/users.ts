import { listRecentSignIns } from "@/server/services/sign-in-overview";
import { signOutEverywhere } from "@/server/services/sessions";
import { listUsers, setUserActive, updateUser } from "@/server/services/users";
import { permitted, router } from "../trpc";
import { listUsersIn, setUserActiveIn, signOutEverywhereIn, updateUserIn } from "@/contracts/admin";

export const usersRouter = router({
  list: permitted("users:read")
    .input(listUsersIn)
    .query(({ input }) => listUsers(input)),

  update: permitted("users:manage")
    .input(updateUserIn)
    .mutation(({ ctx, input }) => updateUser(ctx.actor, input)),

  setActive: permitted("users:manage")
    .input(setUserActiveIn)
    .mutation(({ ctx, input }) => setUserActive(ctx.actor, input)),

  signOutEverywhere: permitted("users:manage")
    .input(signOutEverywhereIn)
    .mutation(({ ctx, input }) => signOutEverywhere(ctx.actor, input, ctx.now)),

  /** The newest sign-ins as the IdP sent them, for the admin's Sign-in page. */
  recentSignIns: permitted("users:manage").query(() => listRecentSignIns()),
});
