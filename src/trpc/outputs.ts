import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

/** What each procedure returns, for pages and components (create-t3-app's RouterOutputs). */
export type RouterOutputs = inferRouterOutputs<AppRouter>;
