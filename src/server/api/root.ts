import { auditRouter } from "./routers/audit";
import { backgroundRouter } from "./routers/background";
import { buildsRouter } from "./routers/builds";
import { enforcementRouter } from "./routers/enforcement";
import { capacityRouter } from "./routers/capacity";
import { inventoryRouter } from "./routers/inventory";
import { meRouter } from "./routers/me";
import { notificationsRouter } from "./routers/notifications";
import { quotasRouter } from "./routers/quotas";
import { savingsRouter } from "./routers/savings";
import { setupRouter } from "./routers/setup";
import { slicesRouter } from "./routers/slices";
import { teamsRouter } from "./routers/teams";
import { telemetryRouter } from "./routers/telemetry";
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
  setup: setupRouter,
  telemetry: telemetryRouter,
  enforcement: enforcementRouter,
  notifications: notificationsRouter,
  background: backgroundRouter,
  waitlist: waitlistRouter,
  capacity: capacityRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
