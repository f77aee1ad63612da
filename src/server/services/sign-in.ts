import { guardLastAdminAtSignIn, type MappedSignIn } from "@/core/identity/sign-in-mapping";
import type { Role } from "@/core/roles";
import { recordAudit, recordChange } from "@/server/db/audit";
import { deleteStaleSessions, insertSession } from "@/server/db/sessions";
import { insertSignInEvent } from "@/server/db/sign-ins";
import { findTeamByName, insertTeam } from "@/server/db/teams";
import { transaction, type Db } from "@/server/db/tx";
import { countOtherActiveAdmins, findUserByEmail, findUserBySubject, insertUser, updateUserRow } from "@/server/db/users";
import { toActor, type Actor } from "./actor";

export interface SignInIdentity {
  subject: string;
  email: string;
  name: string;
  idpRoles: Role[];
  /** The team the IdP group map gives, if any. */
  team?: string | null;
  /** What the IdP sent, for the admin's Sign-in page. */
  seen?: Pick<MappedSignIn, "claimNames" | "groupsClaimPresent" | "groups" | "warnings">;
}

export interface SignInOptions {
  defaultTeam: string;
  now: Date;
  /** Opens a revocable browser session for the person. */
  session?: { userAgent: string; idToken: string | null; expiresAt: Date };
}

export type SignInResult =
  | { ok: true; actor: Actor; sessionId: string | null; warnings: string[] }
  | { ok: false; reason: "deactivated" };

const DAY_MS = 86_400_000;

async function teamNamed(tx: Db, name: string) {
  return (await findTeamByName(tx, name)) ?? (await insertTeam(tx, name));
}

/**
 * Called at every OpenID Connect sign-in, as one transaction: the user is found by IdP subject or
 * by e-mail, otherwise created; roles and (unless pinned by an admin) the team follow the IdP's
 * groups, except that a sign-in never removes the last active admin; the sign-in is recorded for
 * the admin's Sign-in page and a session opened. A deactivated user is refused and nothing about
 * them changes.
 */
export async function signInUser(identity: SignInIdentity, options: SignInOptions): Promise<SignInResult> {
  return transaction(
    async (tx) => {
      // Matching by e-mail too links pre-provisioned users and survives a move to another IdP,
      // whose subjects differ; the company IdP is trusted to own its e-mail addresses.
      const existing = (await findUserBySubject(tx, identity.subject)) ?? (await findUserByEmail(tx, identity.email));
      const seen = identity.seen ?? { claimNames: [], groupsClaimPresent: false, groups: [], warnings: [] };
      const event = { email: identity.email, at: options.now, ...seen, warnings: [...seen.warnings] };
      if (existing && !existing.active) {
        await insertSignInEvent(tx, { ...event, userId: existing.id, outcome: "deactivated", roles: identity.idpRoles, team: null });
        return { ok: false, reason: "deactivated" } as const;
      }
      let user;
      if (existing) {
        const guard = guardLastAdminAtSignIn({
          assignedRoles: existing.assignedRoles,
          previousIdpRoles: existing.idpRoles,
          newIdpRoles: identity.idpRoles,
          otherActiveAdmins: identity.idpRoles.includes("admin") ? 1 : await countOtherActiveAdmins(tx, existing.id),
        });
        if (guard.keptAdmin) {
          event.warnings.push(
            `${existing.name} is the last active admin: kept the admin role although the identity provider no longer grants it. Make another person admin, or fix OIDC_ADMIN_GROUPS; BOOTSTRAP_ADMIN_EMAILS is the way back in.`,
          );
        }
        const moveTo = identity.team && !existing.teamPinned && identity.team !== existing.team.name ? await teamNamed(tx, identity.team) : null;
        user = await updateUserRow(tx, existing.id, {
          subject: identity.subject,
          email: identity.email,
          name: identity.name,
          idpRoles: guard.idpRoles,
          lastSignInAt: options.now,
          ...(moveTo ? { teamId: moveTo.id } : {}),
        });
        if (existing.idpRoles.join() !== user.idpRoles.join()) {
          const reason = guard.keptAdmin ? "Roles from the identity provider at sign-in; admin kept: last active admin" : "Roles from the identity provider's group claim at sign-in";
          await recordChange(tx, { actorId: user.id, action: "user.idp-roles", subjectType: "user", subjectId: user.id, reason }, { idpRoles: [existing.idpRoles, user.idpRoles] });
        }
        if (moveTo) {
          const reason = "Team from the identity provider's groups (OIDC_TEAM_GROUPS) at sign-in";
          await recordChange(tx, { actorId: user.id, action: "user.idp-team", subjectType: "user", subjectId: user.id, reason }, { team: [existing.team.name, moveTo.name] });
        }
      } else {
        const team = await teamNamed(tx, identity.team ?? options.defaultTeam);
        user = await insertUser(tx, { subject: identity.subject, email: identity.email, name: identity.name, teamId: team.id, idpRoles: identity.idpRoles, lastSignInAt: options.now });
        await recordAudit(tx, {
          actorId: user.id,
          action: "user.create",
          subjectType: "user",
          subjectId: user.id,
          after: { email: user.email, name: user.name, team: team.name, idpRoles: user.idpRoles, linuxUsername: user.linuxUsername },
          reason: "First sign-in",
        });
      }
      await insertSignInEvent(tx, { ...event, userId: user.id, outcome: "signed-in", roles: user.idpRoles, team: user.team.name });
      let sessionId: string | null = null;
      if (options.session) {
        await deleteStaleSessions(tx, user.id, new Date(options.now.getTime() - DAY_MS));
        sessionId = (await insertSession(tx, { userId: user.id, ...options.session })).id;
      }
      return { ok: true, actor: toActor(user), sessionId, warnings: event.warnings } as const;
    },
    { serializable: true },
  );
}
