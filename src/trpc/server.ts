import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { createCaller } from "@/server/api/root";
import { currentActor } from "@/server/auth/session";
import { log } from "@/server/log";
import { requestIdOf } from "@/server/request-id";

/** A tRPC caller for server components: same procedures, permissions and validation as the browser gets. */
export const api = cache(async () => {
  const requestId = requestIdOf(await headers());
  return createCaller({ actor: await currentActor(), requestId, log });
});
