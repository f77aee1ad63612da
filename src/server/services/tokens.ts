import { createHash, randomBytes } from "node:crypto";
import { AppError, notFound } from "@/core/errors";
import { can } from "@/core/permissions";
import { recordAudit } from "@/server/db/audit";
import { findTokenByHash, findTokenById, findTokensOf, insertToken, revokeTokenRow, touchToken } from "@/server/db/tokens";
import { identityCache } from "@/server/db/change-cache";
import { read, transaction } from "@/server/db/tx";
import { toActor, type Actor } from "./actor";

const PREFIX = "rs_";
const hash = (token: string) => createHash("sha256").update(token).digest("hex");

/** Tokens are 256 random bits, so a fast hash is enough: there is nothing to brute-force. */
export async function createToken(actor: Actor, input: { name: string; scope: "read" | "write"; expiresInDays: number }, now: Date) {
  if (input.scope === "write" && !can(actor.roles, "tokens:manage")) {
    throw new AppError("FORBIDDEN", "scope: your roles may hold read-only tokens only; choose the read scope.", { field: "scope" });
  }
  const token = `${PREFIX}${randomBytes(32).toString("base64url")}`;
  return transaction(async (tx) => {
    const row = await insertToken(tx, {
      userId: actor.id,
      name: input.name,
      prefix: token.slice(0, PREFIX.length + 6),
      tokenHash: hash(token),
      scope: input.scope,
      expiresAt: new Date(now.getTime() + input.expiresInDays * 86_400_000),
    });
    await recordAudit(tx, { actorId: actor.id, action: "token.create", subjectType: "token", subjectId: row.id, after: { name: row.name, scope: row.scope, expiresAt: row.expiresAt.toISOString() } });
    // The only time the token itself leaves the server.
    return { id: row.id, name: row.name, scope: row.scope, expiresAt: row.expiresAt, token };
  });
}

export function listTokens(actor: Actor) {
  return read((client) => findTokensOf(client, actor.id));
}

export async function revokeToken(actor: Actor, input: { tokenId: string }, now: Date) {
  return transaction(async (tx) => {
    const row = await findTokenById(tx, input.tokenId);
    if (!row || (row.userId !== actor.id && !can(actor.roles, "users:manage"))) throw notFound("Token", "tokenId");
    if (row.revokedAt) return row;
    const after = await revokeTokenRow(tx, row.id, now);
    await recordAudit(tx, { actorId: actor.id, action: "token.revoke", subjectType: "token", subjectId: row.id, before: { name: row.name }, after: { revokedAt: now.toISOString() } });
    return after;
  });
}

/** lastUsedAt is written at most once a minute per token, so busy scripts do not turn every read into a write. */
const TOUCH_EVERY_MS = 60_000;

/**
 * The actor and scope behind a bearer token, or an UNAUTHORIZED error saying why (unknown,
 * revoked, expired, or the owner deactivated).
 */
export async function authenticateToken(token: string, now: Date): Promise<{ actor: Actor; scope: "read" | "write"; tokenId: string }> {
  const tokenHash = token.startsWith(PREFIX) ? hash(token) : null;
  const row = tokenHash ? await identityCache().remember(`token:${tokenHash}`, () => read((client) => findTokenByHash(client, tokenHash))) : null;
  if (!row) throw new AppError("UNAUTHORIZED", "This API token is not valid.");
  if (row.revokedAt) throw new AppError("UNAUTHORIZED", "This API token was revoked.");
  if (row.expiresAt <= now) throw new AppError("UNAUTHORIZED", "This API token has expired; create a new one on your profile page.");
  if (!row.user.active) throw new AppError("UNAUTHORIZED", "The owner of this API token is deactivated.");
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
    await read((client) => touchToken(client, row.id, now));
    // The cached row: the next minute's requests need not touch again.
    row.lastUsedAt = now;
  }
  return { actor: toActor(row.user), scope: row.scope, tokenId: row.id };
}
