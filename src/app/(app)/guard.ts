import { can, rolesAllowedTo, type Action } from "@/core/permissions";
import { currentActor } from "@/server/auth/session";

/** For pages: the actor when allowed to `action`, otherwise the roles that would be (for the "not allowed" panel). */
export async function allowedTo(action: Action) {
  const actor = await currentActor();
  if (actor && can(actor.roles, action)) return { actor, allowed: true as const };
  return { allowed: false as const, needed: rolesAllowedTo(action).join(" or ") };
}
