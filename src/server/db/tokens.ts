import type { Db } from "./tx";

export function insertToken(tx: Db, data: { userId: string; name: string; prefix: string; tokenHash: string; scope: "read" | "write"; expiresAt: Date }) {
  return tx.apiToken.create({ data });
}

export function findTokensOf(client: Db, userId: string) {
  return client.apiToken.findMany({ where: { userId }, orderBy: { createdAt: "desc" }, omit: { tokenHash: true } });
}

export function findTokenById(client: Db, id: string) {
  return client.apiToken.findUnique({ where: { id }, omit: { tokenHash: true } });
}

/** The token for a presented secret's hash, with its owner (and team) for authentication. */
export function findTokenByHash(client: Db, tokenHash: string) {
  return client.apiToken.findUnique({ where: { tokenHash }, include: { user: { include: { team: { select: { id: true, name: true } } } } } });
}

export function revokeTokenRow(tx: Db, id: string, at: Date) {
  return tx.apiToken.update({ where: { id }, data: { revokedAt: at }, omit: { tokenHash: true } });
}

export function touchToken(client: Db, id: string, at: Date) {
  return client.apiToken.update({ where: { id }, data: { lastUsedAt: at }, select: { id: true } });
}
