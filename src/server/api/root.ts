import { auditRouter } from "./routers/audit";
import { buildsRouter } from "./routers/builds";
import { capacityRouter } from "./routers/capacity";
import { inventoryRouter } from "./routers/inventory";
import { meRouter } from "./routers/me";
import { quotasRouter } from "./routers/quotas";
import { savingsRouter } from "./routers/savings";
import { slicesRouter } from "./routers/slices";
import { teamsRouter } from "./routers/teams";
import { tokensRouter } from "./routers/tokens";
import { transferRouter } from "./routers/transfer";
import { usersRouter } from "./routers/users";
import { waitlistRouter } from "./routers/waitlist";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  me: meRouter,
  users: usersRouter,
  teams: teamsRouter,
  audit: auditRouter,
  inventory: inventoryRouter,
  builds: buildsRouter,
  slices: slicesRouter,
  quotas: quotasRouter,
  savings: savingsRouter,
  tokens: tokensRouter,
  transfer: transferRouter,
  waitlist: waitlistRouter,
  capacity: capacityRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
