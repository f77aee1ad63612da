import { cache } from "react";
import { actorForSession } from "@/server/services/users";
import { auth } from "./config";

/**
 * The signed-in, active person for this request, or null. The user row is read on every request
 * so a deactivation or a role change takes effect at once, not when the session cookie expires.
 */
export const currentActor = cache(async () => {
  const session = await auth();
  const userId = session?.user?.id;
  return userId ? actorForSession(userId) : null;
});
