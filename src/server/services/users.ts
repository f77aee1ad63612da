import { AppError, notFound } from "@/core/errors";
import { effectiveRoles, type Role } from "@/core/roles";
import { recordAudit } from "@/server/db/audit";
import { findTeamById, findTeamByName, insertTeam } from "@/server/db/teams";
import { read, transaction, type Db } from "@/server/db/tx";
import {
  countOtherActiveAdmins,
  findUserByEmail,
  findUserById,
  findUserBySubject,
  findUsers,
  insertUser,
  updateUserRow,
  type UserRow,
} from "@/server/db/users";
import { toActor, type Actor } from "./actor";

/** What the user list and the audit log show of a person. */
export function userView(user: UserRow) {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    team: user.team,
    assignedRoles: user.assignedRoles,
    idpRoles: user.idpRoles,
    roles: effectiveRoles(user.assignedRoles, user.idpRoles),
    active: user.active,
    lastSignInAt: user.lastSignInAt,
    createdAt: user.createdAt,
    timeZone: user.timeZone,
  };
}
export type UserView = ReturnType<typeof userView>;

export async function listUsers(query: { search?: string; teamId?: string; active?: boolean; page: number; pageSize: number }) {
  const { rows, total } = await read((client) =>
    findUsers(client, {
      search: query.search?.trim() || undefined,
      teamId: query.teamId,
      active: query.active,
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    }),
  );
  return { users: rows.map(userView), total, page: query.page, pageSize: query.pageSize };
}

async function loadUser(tx: Db, userId: string) {
  const user = await findUserById(tx, userId);
  if (!user) throw notFound("User", "userId");
  return user;
}

/** An admin must not lock the portal out of its last admin, neither by demotion nor deactivation. */
async function guardLastAdmin(tx: Db, actor: Actor, target: UserRow, change: string) {
  if (target.id === actor.id) {
    throw new AppError("CONFLICT", `You cannot ${change} yourself; ask another admin.`, { field: "userId" });
  }
  const wasAdmin = effectiveRoles(target.assignedRoles, target.idpRoles).includes("admin");
  if (wasAdmin && (await countOtherActiveAdmins(tx, target.id)) === 0) {
    throw new AppError("CONFLICT", `${target.name} is the last active admin and cannot be ${change === "deactivate" ? "deactivated" : "demoted"}.`, { field: "userId" });
  }
}

export async function updateUser(actor: Actor, input: { userId: string; teamId?: string; assignedRoles?: Role[] }) {
  return transaction(async (tx) => {
    const before = await loadUser(tx, input.userId);
    if (input.teamId && !(await findTeamById(tx, input.teamId))) throw notFound("Team", "teamId");
    if (input.assignedRoles) {
      const after = effectiveRoles(input.assignedRoles, before.idpRoles);
      if (!after.includes("admin") && effectiveRoles(before.assignedRoles, before.idpRoles).includes("admin")) {
        await guardLastAdmin(tx, actor, before, "remove the admin role from");
      }
    }
    const after = await updateUserRow(tx, before.id, { teamId: input.teamId, assignedRoles: input.assignedRoles });
    const changed = {
      ...(input.teamId && input.teamId !== before.teamId ? { team: [before.team.name, after.team.name] } : {}),
      ...(input.assignedRoles && input.assignedRoles.join() !== before.assignedRoles.join()
        ? { assignedRoles: [before.assignedRoles, after.assignedRoles] }
        : {}),
    };
    if (Object.keys(changed).length > 0) {
      await recordAudit(tx, {
        actorId: actor.id,
        action: "user.update",
        subjectType: "user",
        subjectId: before.id,
        before: { name: before.name, team: before.team.name, assignedRoles: before.assignedRoles },
        after: { name: after.name, team: after.team.name, assignedRoles: after.assignedRoles },
      });
    }
    return userView(after);
  });
}

export async function setUserActive(actor: Actor, input: { userId: string; active: boolean; reason?: string }) {
  return transaction(async (tx) => {
    const before = await loadUser(tx, input.userId);
    if (before.active === input.active) return userView(before);
    if (!input.active) await guardLastAdmin(tx, actor, before, "deactivate");
    const after = await updateUserRow(tx, before.id, { active: input.active });
    await recordAudit(tx, {
      actorId: actor.id,
      action: input.active ? "user.reactivate" : "user.deactivate",
      subjectType: "user",
      subjectId: before.id,
      before: { active: before.active },
      after: { active: after.active },
      reason: input.reason,
    });
    return userView(after);
  });
}

export interface SignInIdentity {
  subject: string;
  email: string;
  name: string;
  idpRoles: Role[];
}

export type SignInResult = { ok: true; actor: Actor } | { ok: false; reason: "deactivated" };

/**
 * Called at every OpenID Connect sign-in. The user is found by IdP subject or by e-mail, otherwise
 * created in the default team. A deactivated user is refused and nothing about them changes.
 */
export async function signInUser(identity: SignInIdentity, options: { defaultTeam: string; now: Date }): Promise<SignInResult> {
  return transaction(async (tx) => {
    // Matching by e-mail too links pre-provisioned users and survives a move to another IdP,
    // whose subjects differ; the company IdP is trusted to own its e-mail addresses.
    const existing = (await findUserBySubject(tx, identity.subject)) ?? (await findUserByEmail(tx, identity.email));
    if (existing && !existing.active) return { ok: false, reason: "deactivated" } as const;
    if (existing) {
      const user = await updateUserRow(tx, existing.id, {
        subject: identity.subject,
        email: identity.email,
        name: identity.name,
        idpRoles: identity.idpRoles,
        lastSignInAt: options.now,
      });
      if (existing.idpRoles.join() !== identity.idpRoles.join()) {
        await recordAudit(tx, {
          actorId: user.id,
          action: "user.idp-roles",
          subjectType: "user",
          subjectId: user.id,
          before: { idpRoles: existing.idpRoles },
          after: { idpRoles: user.idpRoles },
          reason: "Roles from the identity provider's group claim at sign-in",
        });
      }
      return { ok: true, actor: toActor(user) } as const;
    }
    const team = (await findTeamByName(tx, options.defaultTeam)) ?? (await insertTeam(tx, options.defaultTeam));
    const user = await insertUser(tx, {
      subject: identity.subject,
      email: identity.email,
      name: identity.name,
      teamId: team.id,
      idpRoles: identity.idpRoles,
      lastSignInAt: options.now,
    });
    await recordAudit(tx, {
      actorId: user.id,
      action: "user.create",
      subjectType: "user",
      subjectId: user.id,
      after: { email: user.email, name: user.name, team: team.name, idpRoles: user.idpRoles },
      reason: "First sign-in",
    });
    return { ok: true, actor: toActor(user) } as const;
  });
}

/** The signed-in person for a session, or null when unknown or deactivated. */
export async function actorForSession(userId: string): Promise<Actor | null> {
  const user = await read((client) => findUserById(client, userId));
  return user?.active ? toActor(user) : null;
}

export async function getProfile(userId: string) {
  const user = await read((client) => findUserById(client, userId));
  if (!user) throw notFound("User");
  return userView(user);
}

/** A person's own choice of time zone for the pages (null: follow the browser), audited like every change. */
export async function setOwnTimeZone(actor: Actor, timeZone: string | null) {
  return transaction(async (tx) => {
    const before = await loadUser(tx, actor.id);
    if (before.timeZone === timeZone) return userView(before);
    const after = await updateUserRow(tx, before.id, { timeZone });
    await recordAudit(tx, { actorId: actor.id, action: "user.time-zone", subjectType: "user", subjectId: before.id, before: { timeZone: before.timeZone }, after: { timeZone } });
    return userView(after);
  });
}
