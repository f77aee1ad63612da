import { auditRouter } from "./routers/audit";
import { meRouter } from "./routers/me";
import { teamsRouter } from "./routers/teams";
import { usersRouter } from "./routers/users";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  me: meRouter,
  users: usersRouter,
  teams: teamsRouter,
  audit: auditRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
