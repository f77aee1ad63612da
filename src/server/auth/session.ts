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
  // Headers first: reading them is what makes every page that asks for the person render per
  // request. Returning before it (no secret at build time) let Next prerender pages signed out.
  const requestHeaders = await headers();
  const secret = env().AUTH_SECRET ?? process.env.AUTH_SECRET;
  if (!secret) return null;
  const now = new Date();
  const sid = await sessionIdOfCookie(requestHeaders, secret, now);
  return sid ? actorForSession(sid, now) : null;
});
