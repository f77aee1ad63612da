import { effectiveRoles, type Role } from "@/core/roles";
import type { UserRow } from "@/server/db/users";

/** The signed-in person a use-case acts for. */
export interface Actor {
  id: string;
  email: string;
  name: string;
  teamId: string;
  teamName: string;
  roles: Role[];
  /** The browser session the request came with; absent for API tokens and tests. */
  sessionId?: string;
  /** The IANA time zone the person chose for pages; null follows their browser. */
  timeZone: string | null;
}

export function toActor(user: UserRow): Actor {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    teamId: user.team.id,
    teamName: user.team.name,
    roles: effectiveRoles(user.assignedRoles, user.idpRoles),
    timeZone: user.timeZone,
  };
}
