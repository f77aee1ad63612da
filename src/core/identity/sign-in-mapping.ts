import { readGroups, rolesFromClaims, type ClaimMapping } from "../claims";
import type { Role } from "../roles";
import { teamFromGroups, type TeamGroup } from "./team-groups";

export interface SignInMapping extends ClaimMapping {
  teamGroups: readonly TeamGroup[];
}

/** What one sign-in's claims say about a person, with what an admin setting up SSO needs to see. */
export interface MappedSignIn {
  /** The names (never the values) of the claims the IdP sent. */
  claimNames: string[];
  groupsClaimPresent: boolean;
  groups: string[];
  roles: Role[];
  /** The team the group map gives, or null when it gives none. */
  team: string | null;
  warnings: string[];
}

/** Whether a (possibly dotted) claim is there at all, even empty: an empty list is a real answer. */
function hasClaim(claims: Record<string, unknown>, path: string): boolean {
  let value: unknown = claims;
  for (const key of path.split(".")) {
    if (!value || typeof value !== "object" || !(key in value)) return false;
    value = (value as Record<string, unknown>)[key];
  }
  return true;
}

export function mapSignIn(claims: Record<string, unknown>, email: string, mapping: SignInMapping): MappedSignIn {
  const groupsClaimPresent = hasClaim(claims, mapping.groupsClaim);
  const groups = readGroups(claims, mapping.groupsClaim);
  const warnings: string[] = [];
  const mapsConfigured = mapping.adminGroups.length + mapping.leadershipGroups.length + mapping.teamGroups.length > 0;
  if (!groupsClaimPresent && mapsConfigured) {
    warnings.push(
      `The sign-in carried no "${mapping.groupsClaim}" claim although group maps are configured: did you add the groups scope to OIDC_SCOPES, or does the IdP name the claim differently (OIDC_GROUPS_CLAIM)?`,
    );
  }
  return {
    claimNames: Object.keys(claims).sort(),
    groupsClaimPresent,
    groups,
    roles: rolesFromClaims(claims, email, mapping),
    team: teamFromGroups(groups, mapping.teamGroups),
    warnings,
  };
}

/**
 * The roles from the IdP to store, given that a sign-in must never leave the portal without an
 * active admin: when this person is the last one and the IdP no longer says admin, they keep it.
 */
export function guardLastAdminAtSignIn(input: {
  assignedRoles: readonly Role[];
  previousIdpRoles: readonly Role[];
  newIdpRoles: readonly Role[];
  otherActiveAdmins: number;
}): { idpRoles: Role[]; keptAdmin: boolean } {
  const wasAdmin = input.assignedRoles.includes("admin") || input.previousIdpRoles.includes("admin");
  const willBeAdmin = input.assignedRoles.includes("admin") || input.newIdpRoles.includes("admin");
  if (!wasAdmin || willBeAdmin || input.otherActiveAdmins > 0) return { idpRoles: [...input.newIdpRoles], keptAdmin: false };
  const kept = input.newIdpRoles.filter((role) => role !== "member");
  return { idpRoles: ["admin", ...kept], keptAdmin: true };
}
