import type { Role } from "./roles";

export interface ClaimMapping {
  /** Claim holding the groups; a dotted path reaches nested claims (Keycloak: "realm_access.roles"). */
  groupsClaim: string;
  adminGroups: readonly string[];
  leadershipGroups: readonly string[];
  bootstrapAdminEmails: readonly string[];
}

/** Reads the groups claim, which IdPs send as an array, or as one space/comma separated string. */
export function readGroups(claims: Record<string, unknown>, groupsClaim: string): string[] {
  let value: unknown = claims;
  for (const key of groupsClaim.split(".")) {
    value = value && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined;
  }
  if (Array.isArray(value)) return value.filter((g): g is string => typeof g === "string");
  if (typeof value === "string") return value.split(/[\s,]+/).filter(Boolean);
  return [];
}

/**
 * Roles granted by the IdP at sign-in. Everyone who is neither admin nor leadership by group
 * is a member; bootstrap e-mails make the first admins before any group is set up.
 */
export function rolesFromClaims(
  claims: Record<string, unknown>,
  email: string,
  mapping: ClaimMapping,
): Role[] {
  const groups = new Set(readGroups(claims, mapping.groupsClaim));
  const roles: Role[] = [];
  const isBootstrapAdmin = mapping.bootstrapAdminEmails.some(
    (e) => e.toLowerCase() === email.toLowerCase(),
  );
  if (isBootstrapAdmin || mapping.adminGroups.some((g) => groups.has(g))) roles.push("admin");
  if (mapping.leadershipGroups.some((g) => groups.has(g))) roles.push("leadership");
  return roles.length > 0 ? roles : ["member"];
}
