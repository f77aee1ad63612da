import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { toActor } from "@/server/services/actor";
import { actorForSession } from "@/server/services/sessions";
import { authenticateToken, createToken } from "@/server/services/tokens";
import { createPrismaClient, type PrismaClient } from "./client";
import { createChangeCache, identityCache, type ChangeCache } from "./change-cache";
import { insertSession } from "./sessions";
import { resetDatabase } from "@test/db/database";
import { within1s } from "@test/db/within";
import { makeUser } from "@test/db/fixtures";

const hour = 3_600_000;

/** Another process (the CLI, psql, a second portal) changes rows through its own connection. */
let elsewhere: PrismaClient;

beforeEach(async () => {
  await resetDatabase();
  elsewhere = createPrismaClient(process.env.DATABASE_URL!);
});
afterEach(() => elsewhere.$disconnect());

describe("a change cache", () => {
  let cache: ChangeCache;
  afterEach(() => cache.close());

  it("answers from memory once listening, and reads again after any change is announced", async () => {
    cache = createChangeCache(process.env.DATABASE_URL!, "rigshare_identity");
    let loads = 0;
    const load = async () => ({ n: ++loads });
    await cache.remember("k", load); // not listening yet: read through, start listening
    expect(await cache.listening()).toBe(true);
    expect(await cache.remember("k", load)).toEqual({ n: 2 });
    expect(await cache.remember("k", load)).toEqual({ n: 2 });
    await elsewhere.$executeRaw`NOTIFY rigshare_identity`;
    await within1s(async () => (await cache.remember("k", load))?.n === 3);
    expect(loads).toBe(3);
  });

  it("never stores an answer read before a change it overlapped", async () => {
    cache = createChangeCache(process.env.DATABASE_URL!, "rigshare_identity");
    expect(await cache.listening()).toBe(true);
    const stale = await cache.remember("k", async () => {
      cache.forget();
      return { value: "read before the change" };
    });
    expect(stale).toEqual({ value: "read before the change" });
    expect(await cache.remember("k", async () => ({ value: "fresh" }))).toEqual({ value: "fresh" });
  });

  it("has heard, once settled, every change committed before: a report never misses one", async () => {
    cache = createChangeCache(process.env.DATABASE_URL!, "rigshare_costs");
    expect(await cache.listening()).toBe(true);
    for (let i = 0; i < 5; i++) {
      const before = cache.generation();
      await elsewhere.team.create({ data: { name: `Costs ${i}` } });
      await cache.settle();
      expect(cache.generation()).toBeGreaterThan(before);
    }
  });

  it("reads through every time while it cannot listen", async () => {
    cache = createChangeCache("postgresql://nobody:wrong@127.0.0.1:1/none", "rigshare_identity");
    let loads = 0;
    for (let i = 0; i < 3; i++) await cache.remember("k", async () => ({ n: ++loads }));
    expect(await cache.listening()).toBe(false);
    expect(loads).toBe(3);
  });

  it("remembers no refusal: an unknown credential is looked up again", async () => {
    cache = createChangeCache(process.env.DATABASE_URL!, "rigshare_identity");
    expect(await cache.listening()).toBe(true);
    let loads = 0;
    for (let i = 0; i < 2; i++) await cache.remember("k", async () => (++loads, null));
    expect(loads).toBe(2);
  });
});

describe("changes made by another process apply within 1 s", () => {
  const now = () => new Date();

  async function cachedSession() {
    const user = await makeUser({ roles: ["member"] });
    const { id } = await insertSession(elsewhere, { userId: user.id, userAgent: "test", idToken: null, expiresAt: new Date(Date.now() + 8 * hour) });
    expect(await identityCache().listening()).toBe(true);
    expect(await actorForSession(id, now())).toMatchObject({ id: user.id, roles: ["member"] });
    return { user, sessionId: id };
  }

  it("a revoked session", async () => {
    const { sessionId } = await cachedSession();
    await elsewhere.userSession.update({ where: { id: sessionId }, data: { revokedAt: new Date() } });
    await within1s(async () => (await actorForSession(sessionId, now())) === null);
  });

  it("a deactivated person", async () => {
    const { user, sessionId } = await cachedSession();
    await elsewhere.user.update({ where: { id: user.id }, data: { active: false } });
    await within1s(async () => (await actorForSession(sessionId, now())) === null);
  });

  it("a role given by an admin, and a renamed team", async () => {
    const { user, sessionId } = await cachedSession();
    await elsewhere.user.update({ where: { id: user.id }, data: { assignedRoles: ["admin"] } });
    await within1s(async () => (await actorForSession(sessionId, now()))?.roles.includes("admin") === true);
    await elsewhere.team.update({ where: { id: user.teamId }, data: { name: "Renamed elsewhere" } });
    await within1s(async () => (await actorForSession(sessionId, now()))?.teamName === "Renamed elsewhere");
  });

  it("a revoked API token", async () => {
    const user = await makeUser();
    const { token, id } = await createToken(toActor(user), { name: "ci", scope: "read", expiresInDays: 1 }, now());
    expect(await identityCache().listening()).toBe(true);
    await authenticateToken(token, now());
    await elsewhere.apiToken.update({ where: { id }, data: { revokedAt: new Date() } });
    await within1s(() => authenticateToken(token, now()).then(() => false, (error: { message: string }) => error.message === "This API token was revoked."));
  });
});
