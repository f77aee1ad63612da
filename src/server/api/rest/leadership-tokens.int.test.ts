import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "@test/db/database";
import { makeUser } from "@test/db/fixtures";
import { callerFor } from "@test/api/caller";
import { call } from "@test/api/rest-client";

beforeEach(() => resetDatabase());

describe("leadership and API tokens", () => {
  it("may create read-only tokens and read what leadership may read over REST, but not write tokens", async () => {
    const leader = callerFor(await makeUser({ roles: ["leadership"] }));
    await expect(leader.tokens.create({ name: "board deck", scope: "write", expiresInDays: 30 })).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("read-only tokens only") });
    const { token, id } = await leader.tokens.create({ name: "board deck", scope: "read", expiresInDays: 30 });
    expect((await leader.tokens.list()).map((t) => t.id)).toEqual([id]);

    for (const path of ["/export", "/savings/summary", "/machines"]) expect((await call("GET", path, { token })).status, path).toBe(200);
    expect((await call("POST", "/import", { token, body: { version: 1 } })).status).toBe(403);

    expect((await call("DELETE", `/tokens/${id}`, { token })).status).toBe(403);
    expect((await leader.tokens.revoke({ tokenId: id })).revokedAt).toEqual(expect.any(Date));
  });
});
