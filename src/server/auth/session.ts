import { cache } from "react";
import { actorForSession } from "@/server/services/sessions";
import { auth } from "./config";

/**
 * The signed-in, active person for this request, or null. The session row (with its user) is read
 * on every request, so a sign-out, an admin's "sign out everywhere", a deactivation or a role
 * change takes effect at once, not when the session cookie expires.
 */
export const currentActor = cache(async () => {
  const session = await auth();
  return session?.sid ? actorForSession(session.sid, new Date()) : null;
});
