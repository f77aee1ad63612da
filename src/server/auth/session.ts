import { headers } from "next/headers";
import { cache } from "react";
import { env } from "@/server/env";
import { actorForSession } from "@/server/services/sessions";
import { sessionIdOfCookie } from "./session-token";

/**
 * The signed-in, active person for this request, or null. The session row (with its user) decides
 * on every request, so a sign-out, an admin's "sign out everywhere", a deactivation or a role
 * change takes effect at once, not when the session cookie expires (the row is cached until a
 * change to it is announced: db/identity-cache.ts).
 */
export const currentActor = cache(async () => {
  const secret = env().AUTH_SECRET ?? process.env.AUTH_SECRET;
  if (!secret) return null;
  const now = new Date();
  const sid = await sessionIdOfCookie(await headers(), secret, now);
  return sid ? actorForSession(sid, now) : null;
});
