import type { Db } from "./tx";
import type { Prisma } from "./generated/client";

const withUser = { user: { include: { team: { select: { id: true, name: true } } } } } satisfies Prisma.UserSessionInclude;

export function insertSession(tx: Db, data: { userId: string; userAgent: string; idToken: string | null; expiresAt: Date }) {
  return tx.userSession.create({ data, select: { id: true } });
}

/**
 * The session with its user and team in one query: every signed-in request reads it, so a
 * revoked session or a deactivated user is refused at once.
 */
export function findSessionWithUser(client: Db, id: string) {
  return client.userSession.findUnique({ where: { id }, include: withUser });
}

export function touchSession(client: Db, id: string, now: Date) {
  return client.userSession.updateMany({ where: { id, revokedAt: null }, data: { lastSeenAt: now } });
}

export function findSessionById(client: Db, id: string) {
  return client.userSession.findUnique({ where: { id } });
}

/** Live sessions of a person, newest first: not revoked and not expired. */
export function findLiveSessions(client: Db, userId: string, now: Date) {
  return client.userSession.findMany({
    where: { userId, revokedAt: null, expiresAt: { gt: now } },
    select: { id: true, userAgent: true, createdAt: true, lastSeenAt: true, expiresAt: true },
    orderBy: [{ lastSeenAt: "desc" }, { id: "asc" }],
  });
}

export function revokeSessionRows(tx: Db, where: { id?: string; userId: string }, now: Date) {
  return tx.userSession.updateMany({ where: { ...where, revokedAt: null, expiresAt: { gt: now } }, data: { revokedAt: now, idToken: null } });
}

/** Expired and revoked rows are of no use after a day; dropping them keeps the table small. */
export function deleteStaleSessions(tx: Db, userId: string, before: Date) {
  return tx.userSession.deleteMany({ where: { userId, OR: [{ expiresAt: { lt: before } }, { revokedAt: { lt: before } }] } });
}
