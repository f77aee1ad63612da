import type { Role } from "./roles";

/**
 * The one permission table: which role may do what. `tokens:read`: hold read-only API tokens of
 * one's own (create, list, revoke them); `tokens:manage`: also read-and-write tokens. tRPC procedures and REST endpoints both
 * consult it through `can`, so a role's reach is reviewed in one place.
 */
export const PERMISSIONS = {
  member: ["profile:read", "inventory:read", "schedule:read", "slices:request", "tokens:read", "tokens:manage"],
  admin: [
    "profile:read",
    "inventory:read",
    "schedule:read",
    "slices:request",
    "tokens:read",
    "tokens:manage",
    "slices:decide",
    "inventory:manage",
    "builds:manage",
    "prices:manage",
    "quotas:manage",
    "users:read",
    "users:manage",
    "teams:manage",
    "audit:read",
    "savings:read",
    "import:manage",
    "export:read",
    "jobs:manage",
    "waitlist:read",
    "capacity:read",
  ],
  leadership: [
    "profile:read",
    "inventory:read",
    "schedule:read",
    "users:read",
    "audit:read",
    "savings:read",
    "export:read",
    // Read-only API tokens of their own, so the REST endpoints leadership may read (export,
    // savings) can be scripted; creating one changes no data of the portal.
    "tokens:read",
    "waitlist:read",
    "capacity:read",
  ],
} as const satisfies Record<Role, readonly string[]>;

export type Action = (typeof PERMISSIONS)[Role][number];

export const ALL_ACTIONS: readonly Action[] = [...new Set(Object.values(PERMISSIONS).flat())];

export function can(roles: readonly Role[], action: Action): boolean {
  return roles.some((role) => (PERMISSIONS[role] as readonly Action[]).includes(action));
}

/** The roles that grant an action, for "you need to be …" messages. */
export function rolesAllowedTo(action: Action): Role[] {
  return (Object.keys(PERMISSIONS) as Role[]).filter((role) => can([role], action));
}
