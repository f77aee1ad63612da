export const ROLES = ["member", "admin", "leadership"] as const;
export type Role = (typeof ROLES)[number];

/**
 * A person's roles are the union of what an admin assigned in the portal and what the IdP's
 * group claim granted at the last sign-in. Keeping both lets the IdP add roles without an
 * admin's assignment being lost at the next sign-in.
 */
export function effectiveRoles(assigned: readonly Role[], fromIdp: readonly Role[]): Role[] {
  const held = new Set([...assigned, ...fromIdp]);
  return ROLES.filter((role) => held.has(role));
}
