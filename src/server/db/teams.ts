import type { Db } from "./tx";

export function findTeams(client: Db) {
  return client.team.findMany({ orderBy: { name: "asc" }, include: { _count: { select: { users: true } } } });
}

export function findTeamById(client: Db, id: string) {
  return client.team.findUnique({ where: { id }, include: { _count: { select: { users: true } } } });
}

/** Team names are unique regardless of case, so "nlp" and "NLP" cannot both exist. */
export function findTeamByName(client: Db, name: string) {
  return client.team.findFirst({ where: { name: { equals: name, mode: "insensitive" } } });
}

export function insertTeam(tx: Db, name: string) {
  return tx.team.create({ data: { name } });
}

export function renameTeamRow(tx: Db, id: string, name: string) {
  return tx.team.update({ where: { id }, data: { name } });
}

export function deleteTeamRow(tx: Db, id: string) {
  return tx.team.delete({ where: { id } });
}
