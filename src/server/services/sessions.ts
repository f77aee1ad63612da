import { notFound } from "@/core/errors";
import { describeUserAgent } from "@/core/identity/user-agent";
import { recordAudit } from "@/server/db/audit";
import { identityCache } from "@/server/db/change-cache";
import { findLiveSessions, findSessionById, findSessionWithUser, revokeSessionRows, touchSession } from "@/server/db/sessions";
import { read, transaction } from "@/server/db/tx";
import { findUserById } from "@/server/db/users";
import { toActor, type Actor } from "./actor";

/** "Last seen" is kept to the minute: writing it on every request would double the work of each. */
const TOUCH_AFTER_MS = 60_000;

/**
 * The signed-in person for a session cookie, or null when the session is unknown, revoked or
 * expired, or its user is deactivated. One query (the session row with its user and team), and
 * none while the identity cache holds the row.
 */
export async function actorForSession(sessionId: string, now: Date): Promise<Actor | null> {
  return read(async (client) => {
    const session = await identityCache().remember(`session:${sessionId}`, () => findSessionWithUser(client, sessionId));
    if (!session || session.revokedAt || session.expiresAt <= now || !session.user.active) return null;
    if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
      await touchSession(client, session.id, now);
      // The cached row: the next minute's requests need not touch again.
      session.lastSeenAt = now;
    }
    return { ...toActor(session.user), sessionId: session.id };
  });
}

/** The ID token to send as id_token_hint when signing out at the IdP; never leaves the server otherwise. */
export async function idTokenOfSession(sessionId: string): Promise<string | null> {
  return (await read((client) => findSessionById(client, sessionId)))?.idToken ?? null;
}

/** Sign-out: the session stops working at once, wherever its cookie was copied to. */
export async function endSession(sessionId: string, now: Date) {
  return transaction(async (tx) => {
    const session = await findSessionById(tx, sessionId);
    if (!session) return;
    const { count } = await revokeSessionRows(tx, { id: session.id, userId: session.userId }, now);
    if (count > 0) {
      await recordAudit(tx, { actorId: session.userId, action: "session.sign-out", subjectType: "user", subjectId: session.userId, after: { session: session.id } });
    }
  });
}

export async function listMySessions(actor: Actor, now: Date) {
  const rows = await read((client) => findLiveSessions(client, actor.id, now));
  return rows.map((row) => ({
    id: row.id,
    device: describeUserAgent(row.userAgent),
    createdAt: row.createdAt,
    lastSeenAt: row.lastSeenAt,
    expiresAt: row.expiresAt,
    current: row.id === actor.sessionId,
  }));
}

/** Signs out one of one's own sessions (another browser, a lost laptop). */
export async function revokeMySession(actor: Actor, input: { sessionId: string }, now: Date) {
  return transaction(async (tx) => {
    const session = await findSessionById(tx, input.sessionId);
    if (!session || session.userId !== actor.id) throw notFound("Session", "sessionId");
    const { count } = await revokeSessionRows(tx, { id: session.id, userId: actor.id }, now);
    if (count > 0) {
      await recordAudit(tx, { actorId: actor.id, action: "session.revoke", subjectType: "user", subjectId: actor.id, after: { session: session.id, device: describeUserAgent(session.userAgent) } });
    }
    return { revoked: count };
  });
}

/** An admin signs a person out of every browser (a stolen laptop, someone leaving). */
export async function signOutEverywhere(actor: Actor, input: { userId: string; reason?: string }, now: Date) {
  return transaction(async (tx) => {
    const user = await findUserById(tx, input.userId);
    if (!user) throw notFound("User", "userId");
    const { count } = await revokeSessionRows(tx, { userId: user.id }, now);
    await recordAudit(tx, { actorId: actor.id, action: "user.sign-out-everywhere", subjectType: "user", subjectId: user.id, after: { sessionsEnded: count }, reason: input.reason });
    return { revoked: count };
  });
}
