import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { resetDatabase } from "@test/db/database";
import { makeUser } from "@test/db/fixtures";
import { callerFor } from "@test/api/caller";
import { toActor } from "./actor";
import { authenticateToken, createToken, listTokens, revokeToken } from "./tokens";

const now = new Date("2026-11-27T10:00:00Z");

beforeEach(() => resetDatabase());

describe("API tokens", () => {
  it("shows the token once, stores only its hash, and authenticates its owner", async () => {
    const user = await makeUser();
    const created = await createToken(toActor(user), { name: "notebook", scope: "read", expiresInDays: 30 }, now);
    expect(created.token).toMatch(/^rs_[\w-]{43}$/);
    const row = await db().apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.tokenHash).not.toContain(created.token);
    expect(JSON.stringify(await listTokens(toActor(user)))).not.toContain(created.token);
    const auth = await authenticateToken(created.token, now);
    expect(auth).toMatchObject({ scope: "read", actor: { id: user.id } });
    expect((await db().apiToken.findUniqueOrThrow({ where: { id: created.id } })).lastUsedAt).toEqual(now);
  });

  it("refuses revoked and expired tokens, unknown ones and deactivated owners, saying why", async () => {
    const user = await makeUser();
    const actor = toActor(user);
    const revoked = await createToken(actor, { name: "a", scope: "write", expiresInDays: 30 }, now);
    await revokeToken(actor, { tokenId: revoked.id }, now);
    await expect(authenticateToken(revoked.token, now)).rejects.toMatchObject({ code: "UNAUTHORIZED", message: expect.stringContaining("revoked") });
    const expiring = await createToken(actor, { name: "b", scope: "write", expiresInDays: 1 }, now);
    await expect(authenticateToken(expiring.token, new Date(now.getTime() + 2 * 86_400_000))).rejects.toMatchObject({ message: expect.stringContaining("expired") });
    await expect(authenticateToken("rs_not-a-real-token", now)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    const live = await createToken(actor, { name: "c", scope: "write", expiresInDays: 1 }, now);
    await db().user.update({ where: { id: user.id }, data: { active: false } });
    await expect(authenticateToken(live.token, now)).rejects.toMatchObject({ message: expect.stringContaining("deactivated") });
  });

  it("lets a read token query but not change anything", async () => {
    const admin = await makeUser({ roles: ["admin"] });
    expect((await callerFor(admin, "read").users.list({})).total).toBe(1);
    await expect(callerFor(admin, "read").teams.create({ name: "Nope" })).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("read-only") });
    await expect(callerFor(admin, "write").teams.create({ name: "Yes" })).resolves.toMatchObject({ name: "Yes" });
  });

  it("does not let one person revoke another's token", async () => {
    const [owner, other] = await Promise.all([makeUser(), makeUser()]);
    const created = await createToken(toActor(owner), { name: "mine", scope: "read", expiresInDays: 5 }, now);
    await expect(revokeToken(toActor(other), { tokenId: created.id }, now)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
