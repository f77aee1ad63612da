import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

/** What the telemetry procedures return, as the pages receive it (types only). */
export type TelemetryOutputs = inferRouterOutputs<AppRouter>["telemetry"];
