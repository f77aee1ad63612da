import { beforeEach, describe, expect, it } from "vitest";
import { AppError } from "@/core/errors";
import { createPrismaClient, db } from "@/server/db/client";
import { insertSession } from "@/server/db/sessions";
import { loadReferencePrices } from "@/server/db/reference-prices";
import { REFERENCE_PRICES } from "@/core/costs/reference-catalog";
import { resetDatabase } from "@test/db/database";
import { auditEntriesFor, makeTeam, makeUser } from "@test/db/fixtures";
import { toActor } from "./actor";
import { createGpuModel } from "./gpu-models";
import { actorForSession, listMySessions, revokeMySession, signOutEverywhere } from "./sessions";
import { getSetupChecklist } from "./setup";
import { importInventory } from "./transfer/import";
import { updateMyLinuxUsername, updateUser } from "./users";

const now = new Date("2026-12-07T09:00:00Z");
const hour = 3_600_000;

beforeEach(() => resetDatabase());

async function rejection(promise: Promise<unknown>) {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("Linux user names", () => {
  it("default to the e-mail's local part, made unique", async () => {
    const team = await makeTeam();
    const a = await db().user.create({ data: { email: "Jane.Doe@corp.test", name: "Jane", teamId: team.id } });
    const b = await db().user.create({ data: { email: "jane.doe@other.test", name: "Jane 2", teamId: team.id } });
    expect([a.linuxUsername, b.linuxUsername]).toEqual(["jane_doe", "jane_doe2"]);
  });

  it("a person changes their own, audited; a name the machines cannot have is refused naming the field", async () => {
    const user = await makeUser();
    const actor = toActor(user);
    expect(await updateMyLinuxUsername(actor, { linuxUsername: "jdoe" })).toMatchObject({ linuxUsername: "jdoe" });
    expect((await auditEntriesFor(user.id)).at(-1)).toMatchObject({ action: "user.linux-username", before: { linuxUsername: user.linuxUsername }, after: { linuxUsername: "jdoe" } });
    for (const [name, message] of [
      ["J.Doe", "linuxUsername: must start with a lower-case letter or an underscore."],
      ["9lives", "linuxUsername: must start with a lower-case letter or an underscore."],
      ["root", 'linuxUsername: "root" belongs to the system on every machine.'],
      ["a".repeat(33), "linuxUsername: must be at most 32 characters."],
    ] as const) {
      expect(await rejection(updateMyLinuxUsername(actor, { linuxUsername: name }))).toMatchObject({ code: "VALIDATION", field: "linuxUsername", message });
    }
  });

  it("is unique: taking someone's name is a conflict naming the field and the holder", async () => {
    const holder = await makeUser({ name: "Holder" });
    const other = await makeUser();
    const admin = toActor(await makeUser({ roles: ["admin"] }));
    const expected = { code: "CONFLICT", field: "linuxUsername", message: `linuxUsername: "${holder.linuxUsername}" is already the Linux user name of Holder.` };
    expect(await rejection(updateMyLinuxUsername(toActor(other), { linuxUsername: holder.linuxUsername }))).toMatchObject(expected);
    expect(await rejection(updateUser(admin, { userId: other.id, linuxUsername: holder.linuxUsername }))).toMatchObject(expected);
  });

  it("an admin sets it on the user's row, with the change in the audit log", async () => {
    const user = await makeUser();
    const admin = toActor(await makeUser({ roles: ["admin"] }));
    await updateUser(admin, { userId: user.id, linuxUsername: "svc_train" });
    expect((await auditEntriesFor(user.id)).at(-1)).toMatchObject({ action: "user.update", after: expect.objectContaining({ linuxUsername: "svc_train" }) });
  });

  it("imports: a version-1 document without them still imports; a clash or a bad name is refused with its path", async () => {
    const team = await makeTeam("Vision");
    await db().user.create({ data: { email: "taken@corp.test", name: "Taken", teamId: team.id, linuxUsername: "alice" } });
    const old = { version: 1, users: [{ email: "new.person@corp.test", name: "New", team: "Vision" }] };
    await importInventory(null, old, now, { source: "test" });
    expect((await db().user.findUniqueOrThrow({ where: { email: "new.person@corp.test" } })).linuxUsername).toBe("new_person");
    const clash = { version: 1, users: [{ email: "alice@corp.test", name: "Alice", team: "Vision", linuxUsername: "alice" }] };
    expect(await rejection(importInventory(null, clash, now, { source: "test" }))).toMatchObject({ field: "users[0].linuxUsername", message: expect.stringContaining('"alice" is already the Linux user name of taken@corp.test') });
    const bad = { version: 1, users: [{ email: "bob@corp.test", name: "Bob", team: "Vision", linuxUsername: "Bob" }] };
    expect(await rejection(importInventory(null, bad, now, { source: "test" }))).toMatchObject({ field: "users[0].linuxUsername", message: expect.stringContaining("must start with a lower-case letter") });
  });
});

describe("sessions", () => {
  async function sessionOf(userId: string, userAgent = "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0 Safari/537.36") {
    return (await insertSession(db(), { userId, userAgent, idToken: "eyJ.id.token", expiresAt: new Date(now.getTime() + 8 * hour) })).id;
  }

  it("one's sessions are listed with their browser; signing one out ends it at once, audited", async () => {
    const user = await makeUser();
    const here = await sessionOf(user.id);
    const laptop = await sessionOf(user.id, "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_7) Version/18.1 Safari/605.1.15");
    const actor = (await actorForSession(here, now))!;
    expect(actor.sessionId).toBe(here);
    const listed = await listMySessions(actor, now);
    expect(listed.map((s) => [s.device, s.current]).sort()).toEqual([["Chrome on Linux", true], ["Safari on macOS", false]]);
    await revokeMySession(actor, { sessionId: laptop }, now);
    expect(await actorForSession(laptop, now)).toBeNull();
    expect(await actorForSession(here, now)).not.toBeNull();
    expect((await auditEntriesFor(user.id)).map((e) => e.action)).toContain("session.revoke");
  });

  it("nobody signs out someone else's session through their own profile", async () => {
    const victim = await makeUser();
    const session = await sessionOf(victim.id);
    const other = toActor(await makeUser());
    expect(await rejection(revokeMySession(other, { sessionId: session }, now))).toMatchObject({ code: "NOT_FOUND", field: "sessionId" });
    expect(await actorForSession(session, now)).not.toBeNull();
  });

  it("an admin signs a person out everywhere, audited; an expired session never counts", async () => {
    const user = await makeUser();
    const sessions = [await sessionOf(user.id), await sessionOf(user.id)];
    const admin = toActor(await makeUser({ roles: ["admin"] }));
    expect(await signOutEverywhere(admin, { userId: user.id, reason: "Laptop stolen" }, now)).toEqual({ revoked: 2 });
    for (const id of sessions) expect(await actorForSession(id, now)).toBeNull();
    expect((await auditEntriesFor(user.id)).at(-1)).toMatchObject({ action: "user.sign-out-everywhere", actorId: admin.id, reason: "Laptop stolen" });
    const later = await sessionOf(user.id);
    expect(await actorForSession(later, new Date(now.getTime() + 9 * hour))).toBeNull();
  });
});

describe("a first start without demo data", () => {
  it("loads the reference catalog once, marked as defaults, and only into an empty catalog", async () => {
    const prisma = createPrismaClient(process.env.DATABASE_URL!);
    try {
      expect(await loadReferencePrices(prisma)).toEqual({ loaded: REFERENCE_PRICES.length });
      expect(await loadReferencePrices(prisma)).toEqual({ loaded: 0 });
    } finally {
      await prisma.$disconnect();
    }
    expect(await db().priceEntry.count({ where: { referenceDefault: true } })).toBe(REFERENCE_PRICES.length);
    expect(await db().auditLog.count({ where: { action: "price.reference-load" } })).toBe(1);
  });

  it("a GPU model the reference catalog knows is priced at once; the checklist ticks as the admin goes", async () => {
    const prisma = createPrismaClient(process.env.DATABASE_URL!);
    await loadReferencePrices(prisma).finally(() => prisma.$disconnect());
    const admin = toActor(await makeUser({ roles: ["admin"] }));
    const open = await getSetupChecklist();
    expect(open.visible).toBe(true);
    expect(open.items.filter((i) => i.done).map((i) => i.key)).toEqual([]);
    expect(await createGpuModel(admin, { name: "RTX 4090", vramGb: 24, boardPowerW: 450 })).toMatchObject({ cloudSku: "gcp-a100-40gb" });
    expect(await createGpuModel(admin, { name: "Homebrew X1", vramGb: 8, boardPowerW: 100 })).toMatchObject({ cloudSku: null });
    expect((await getSetupChecklist()).items.filter((i) => i.done).map((i) => i.key)).toEqual(["gpu-model"]);
  });
});
