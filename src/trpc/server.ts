import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { requestContext } from "@/server/api/context";
import { createCaller } from "@/server/api/root";
import { currentActor } from "@/server/auth/session";
import { requestIdOf } from "@/server/request-id";

/** A tRPC caller for server components: same procedures, permissions and validation as the browser gets. */
export const api = cache(async () => {
  const requestId = requestIdOf(await headers());
  const actor = await currentActor();
  // Pages render beside their layout: without this, a page opened with no session would throw
  // "Please sign in." (and log its stack) while the layout redirects to the sign-in page.
  if (!actor) redirect("/sign-in");
  return createCaller(requestContext({ actor, requestId }));
});
