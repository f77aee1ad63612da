import type { Role } from "@/core/roles";
import type { Db } from "./tx";
import type { Prisma } from "./generated/client";

const withTeam = { team: { select: { id: true, name: true } } } satisfies Prisma.UserInclude;

export type UserRow = Prisma.UserGetPayload<{ include: typeof withTeam }>;

export function findUserById(client: Db, id: string) {
  return client.user.findUnique({ where: { id }, include: withTeam });
}

export function findUserBySubject(client: Db, subject: string) {
  return client.user.findUnique({ where: { subject }, include: withTeam });
}

/** Everyone's id and name (names on reports). */
export function findUserNames(client: Db) {
  return client.user.findMany({ select: { id: true, name: true } });
}

export function findUserByLinuxUsername(client: Db, linuxUsername: string) {
  return client.user.findUnique({ where: { linuxUsername }, include: withTeam });
}

export function findUserByEmail(client: Db, email: string) {
  return client.user.findFirst({ where: { email: { equals: email, mode: "insensitive" } }, include: withTeam });
}

export interface UserQuery {
  search?: string;
  teamId?: string;
  active?: boolean;
  skip: number;
  take: number;
}

export async function findUsers(client: Db, query: UserQuery) {
  const where: Prisma.UserWhereInput = {
    teamId: query.teamId,
    active: query.active,
    OR: query.search
      ? [
          { name: { contains: query.search, mode: "insensitive" } },
          { email: { contains: query.search, mode: "insensitive" } },
          { linuxUsername: { contains: query.search, mode: "insensitive" } },
        ]
      : undefined,
  };
  const [rows, total] = await Promise.all([
    client.user.findMany({ where, include: withTeam, orderBy: [{ name: "asc" }, { id: "asc" }], skip: query.skip, take: query.take }),
    client.user.count({ where }),
  ]);
  return { rows, total };
}

export function insertUser(
  tx: Db,
  data: { email: string; name: string; subject?: string | null; linuxUsername?: string; teamId: string; assignedRoles?: Role[]; idpRoles?: Role[]; active?: boolean; lastSignInAt?: Date },
) {
  return tx.user.create({ data, include: withTeam });
}

export function updateUserRow(
  tx: Db,
  id: string,
  data: Partial<{ email: string; name: string; subject: string; linuxUsername: string; teamId: string; teamPinned: boolean; assignedRoles: Role[]; idpRoles: Role[]; active: boolean; lastSignInAt: Date; timeZone: string | null }>,
) {
  return tx.user.update({ where: { id }, data, include: withTeam });
}

/** Active admins other than the given user: the portal must never lose its last admin. */
export function countOtherActiveAdmins(client: Db, exceptUserId: string) {
  return client.user.count({
    where: {
      id: { not: exceptUserId },
      active: true,
      OR: [{ assignedRoles: { has: "admin" } }, { idpRoles: { has: "admin" } }],
    },
  });
}
