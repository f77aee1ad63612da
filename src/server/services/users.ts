import { AppError, notFound } from "@/core/errors";
import { linuxUsernameProblem } from "@/core/identity/linux-username";
import { effectiveRoles, type Role } from "@/core/roles";
import { recordAudit, recordChange } from "@/server/db/audit";
import { findTeamById } from "@/server/db/teams";
import { read, transaction, type Db } from "@/server/db/tx";
import {
  countOtherActiveAdmins,
  findUserById,
  findUserByLinuxUsername,
  findUsers,
  updateUserRow,
  type UserRow,
} from "@/server/db/users";
import type { Actor } from "./actor";

/** What the user list and the audit log show of a person. */
export function userView(user: UserRow) {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    team: user.team,
    teamPinned: user.teamPinned,
    linuxUsername: user.linuxUsername,
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

/** Refuses a Linux user name the machines cannot have or someone else has, naming the field. */
async function checkLinuxUsername(tx: Db, name: string, userId: string) {
  const problem = linuxUsernameProblem(name);
  if (problem) throw new AppError("VALIDATION", `linuxUsername: ${problem}.`, { field: "linuxUsername" });
  const holder = await findUserByLinuxUsername(tx, name);
  if (holder && holder.id !== userId) {
    throw new AppError("CONFLICT", `linuxUsername: "${name}" is already the Linux user name of ${holder.name}.`, { field: "linuxUsername" });
  }
}

const editable = (user: UserRow) => ({ name: user.name, team: user.team.name, teamPinned: user.teamPinned, assignedRoles: user.assignedRoles, linuxUsername: user.linuxUsername });

/**
 * An admin's change to a person. Setting the team by hand pins it, so the IdP's group map leaves
 * it alone at sign-in; `teamPinned: false` hands the team back to the IdP.
 */
export async function updateUser(
  actor: Actor,
  input: { userId: string; teamId?: string; teamPinned?: boolean; assignedRoles?: Role[]; linuxUsername?: string },
) {
  return transaction(async (tx) => {
    const before = await loadUser(tx, input.userId);
    if (input.teamId && !(await findTeamById(tx, input.teamId))) throw notFound("Team", "teamId");
    if (input.linuxUsername !== undefined && input.linuxUsername !== before.linuxUsername) await checkLinuxUsername(tx, input.linuxUsername, before.id);
    if (input.assignedRoles) {
      const after = effectiveRoles(input.assignedRoles, before.idpRoles);
      if (!after.includes("admin") && effectiveRoles(before.assignedRoles, before.idpRoles).includes("admin")) {
        await guardLastAdmin(tx, actor, before, "remove the admin role from");
      }
    }
    const teamChanged = input.teamId !== undefined && input.teamId !== before.teamId;
    const after = await updateUserRow(tx, before.id, {
      teamId: input.teamId,
      teamPinned: input.teamPinned ?? (teamChanged ? true : undefined),
      assignedRoles: input.assignedRoles,
      linuxUsername: input.linuxUsername,
    });
    if (JSON.stringify(editable(before)) !== JSON.stringify(editable(after))) {
      await recordAudit(tx, { actorId: actor.id, action: "user.update", subjectType: "user", subjectId: before.id, before: editable(before), after: editable(after) });
    }
    return userView(after);
  });
}

/** A person's own change of their Linux user name, from the profile. */
export async function updateMyLinuxUsername(actor: Actor, input: { linuxUsername: string }) {
  return transaction(async (tx) => {
    const before = await loadUser(tx, actor.id);
    if (input.linuxUsername === before.linuxUsername) return userView(before);
    await checkLinuxUsername(tx, input.linuxUsername, before.id);
    const after = await updateUserRow(tx, before.id, { linuxUsername: input.linuxUsername });
    await recordChange(tx, { actorId: actor.id, action: "user.linux-username", subjectType: "user", subjectId: before.id }, { linuxUsername: [before.linuxUsername, after.linuxUsername] });
    return userView(after);
  });
}

export async function setUserActive(actor: Actor, input: { userId: string; active: boolean; reason?: string }) {
  return transaction(async (tx) => {
    const before = await loadUser(tx, input.userId);
    if (before.active === input.active) return userView(before);
    if (!input.active) await guardLastAdmin(tx, actor, before, "deactivate");
    const after = await updateUserRow(tx, before.id, { active: input.active });
    const action = input.active ? "user.reactivate" : "user.deactivate";
    await recordChange(tx, { actorId: actor.id, action, subjectType: "user", subjectId: before.id, reason: input.reason }, { active: [before.active, after.active] });
    return userView(after);
  });
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
    await recordChange(tx, { actorId: actor.id, action: "user.time-zone", subjectType: "user", subjectId: before.id }, { timeZone: [before.timeZone, timeZone] });
    return userView(after);
  });
}
