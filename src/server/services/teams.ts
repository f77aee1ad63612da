import { AppError, notFound } from "@/core/errors";
import { recordAudit, recordChange } from "@/server/db/audit";
import { deleteTeamRow, findTeamById, findTeamByName, findTeams, insertTeam, renameTeamRow } from "@/server/db/teams";
import { read, transaction, type Db } from "@/server/db/tx";
import type { Actor } from "./actor";

export async function listTeams() {
  const teams = await read(findTeams);
  return teams.map((team) => ({ id: team.id, name: team.name, memberCount: team._count.users, createdAt: team.createdAt }));
}

async function assertNameFree(tx: Db, name: string, exceptId?: string) {
  const clash = await findTeamByName(tx, name);
  if (clash && clash.id !== exceptId) {
    throw new AppError("CONFLICT", `A team named "${clash.name}" already exists.`, { field: "name" });
  }
}

export async function createTeam(actor: Actor, input: { name: string }) {
  return transaction(async (tx) => {
    await assertNameFree(tx, input.name);
    const team = await insertTeam(tx, input.name);
    await recordAudit(tx, { actorId: actor.id, action: "team.create", subjectType: "team", subjectId: team.id, after: { name: team.name } });
    return { id: team.id, name: team.name };
  });
}

export async function renameTeam(actor: Actor, input: { teamId: string; name: string }) {
  return transaction(async (tx) => {
    const before = await findTeamById(tx, input.teamId);
    if (!before) throw notFound("Team", "teamId");
    await assertNameFree(tx, input.name, before.id);
    const after = await renameTeamRow(tx, before.id, input.name);
    await recordChange(tx, { actorId: actor.id, action: "team.rename", subjectType: "team", subjectId: before.id }, { name: [before.name, after.name] });
    return { id: after.id, name: after.name };
  });
}

export async function deleteTeam(actor: Actor, input: { teamId: string }) {
  return transaction(async (tx) => {
    const team = await findTeamById(tx, input.teamId);
    if (!team) throw notFound("Team", "teamId");
    if (team._count.users > 0) {
      throw new AppError(
        "CONFLICT",
        `Team "${team.name}" still has ${team._count.users} member${team._count.users === 1 ? "" : "s"}; move them to another team first.`,
        { field: "teamId" },
      );
    }
    await deleteTeamRow(tx, team.id);
    await recordAudit(tx, { actorId: actor.id, action: "team.delete", subjectType: "team", subjectId: team.id, before: { name: team.name } });
    return { id: team.id };
  });
}
