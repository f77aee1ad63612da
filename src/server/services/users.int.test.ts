import { beforeEach, describe, expect, it } from "vitest";
import { AppError } from "@/core/errors";
import { db } from "@/server/db/client";
import { resetDatabase } from "@test/db/database";
import { auditEntriesFor, makeTeam, makeUser } from "@test/db/fixtures";
import { toActor } from "./actor";
import { signInUser } from "./sign-in";
import { listUsers, setUserActive, updateUser } from "./users";

const now = new Date("2026-11-27T10:00:00Z");

beforeEach(() => resetDatabase());

describe("signInUser", () => {
  it("creates a new user in the default team at first sign-in and audits it", async () => {
    const result = await signInUser({ subject: "sub-1", email: "new@example.test", name: "New Person", idpRoles: ["member"] }, { defaultTeam: "Unassigned", now });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.actor).toMatchObject({ email: "new@example.test", teamName: "Unassigned", roles: ["member"] });
    const entries = await auditEntriesFor(result.actor.id);
    expect(entries.map((e) => e.action)).toEqual(["user.create"]);
  });

  it("links a pre-provisioned user by e-mail, keeps their team and refreshes IdP roles", async () => {
    const team = await makeTeam("Vision");
    const seeded = await db().user.create({ data: { email: "alice@example.test", name: "Alice", teamId: team.id } });
    const result = await signInUser({ subject: "sub-alice", email: "Alice@Example.test", name: "Alice M.", idpRoles: ["admin"] }, { defaultTeam: "Unassigned", now });
    expect(result.ok && result.actor).toMatchObject({ id: seeded.id, teamName: "Vision", roles: ["admin"], name: "Alice M." });
    const row = await db().user.findUniqueOrThrow({ where: { id: seeded.id } });
    expect(row.subject).toBe("sub-alice");
    expect(row.lastSignInAt).toEqual(now);
  });

  it("rebinds an account found by e-mail to a new subject, as after a move to another IdP", async () => {
    const user = await makeUser({ subject: "okta-subject" });
    const result = await signInUser({ subject: "entra-subject", email: user.email, name: user.name, idpRoles: ["member"] }, { defaultTeam: "Unassigned", now });
    expect(result.ok && result.actor.id).toBe(user.id);
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).subject).toBe("entra-subject");
  });

  it("refuses a deactivated user and changes nothing about them", async () => {
    const user = await makeUser({ subject: "sub-off", active: false });
    const result = await signInUser({ subject: "sub-off", email: user.email, name: "Renamed", idpRoles: ["admin"] }, { defaultTeam: "Unassigned", now });
    expect(result).toEqual({ ok: false, reason: "deactivated" });
    const row = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row).toMatchObject({ name: user.name, idpRoles: [], lastSignInAt: null });
  });
});

describe("updateUser", () => {
  it("moves a user to another team and writes before and after to the audit log", async () => {
    const admin = toActor(await makeUser({ roles: ["admin"] }));
    const from = await makeTeam("Vision");
    const to = await makeTeam("NLP");
    const user = await makeUser({ teamId: from.id });
    const updated = await updateUser(admin, { userId: user.id, teamId: to.id });
    expect(updated.team.name).toBe("NLP");
    const [entry] = await auditEntriesFor(user.id);
    expect(entry).toMatchObject({ action: "user.update", actorId: admin.id });
    expect(entry?.before).toMatchObject({ team: "Vision" });
    expect(entry?.after).toMatchObject({ team: "NLP" });
  });

  it("refuses an unknown team, naming the field, and leaves the user unchanged", async () => {
    const admin = toActor(await makeUser({ roles: ["admin"] }));
    const user = await makeUser();
    const error = await updateUser(admin, { userId: user.id, teamId: "00000000-0000-4000-8000-000000000000", assignedRoles: ["admin"] }).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "NOT_FOUND", field: "teamId" });
    const row = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.assignedRoles).toEqual(["member"]);
    expect(await auditEntriesFor(user.id)).toHaveLength(0);
  });

  it("does not let an admin demote themselves", async () => {
    const adminRow = await makeUser({ roles: ["admin"] });
    await makeUser({ roles: ["admin"] });
    await expect(updateUser(toActor(adminRow), { userId: adminRow.id, assignedRoles: ["member"] })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("writes nothing to the audit log when nothing changed", async () => {
    const admin = toActor(await makeUser({ roles: ["admin"] }));
    const user = await makeUser();
    await updateUser(admin, { userId: user.id, teamId: user.teamId, assignedRoles: ["member"] });
    expect(await auditEntriesFor(user.id)).toHaveLength(0);
  });
});

describe("setUserActive", () => {
  it("deactivates with a reason and reactivates, auditing both", async () => {
    const admin = toActor(await makeUser({ roles: ["admin"] }));
    const user = await makeUser();
    expect((await setUserActive(admin, { userId: user.id, active: false, reason: "Left the company" })).active).toBe(false);
    expect((await setUserActive(admin, { userId: user.id, active: true })).active).toBe(true);
    const entries = await auditEntriesFor(user.id);
    expect(entries.map((e) => [e.action, e.reason])).toEqual([["user.deactivate", "Left the company"], ["user.reactivate", null]]);
  });

  it("never deactivates the last active admin", async () => {
    const admin = await makeUser({ roles: ["admin"] });
    const other = await makeUser({ roles: ["admin"] });
    await setUserActive(toActor(admin), { userId: other.id, active: false });
    await expect(setUserActive(toActor(admin), { userId: admin.id, active: false })).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("listUsers", () => {
  it("searches name and e-mail case-insensitively, filters by team and pages", async () => {
    const team = await makeTeam();
    await makeUser({ teamId: team.id, name: "Grace Hopper" });
    await makeUser({ teamId: team.id, name: "Alan Turing" });
    await makeUser({ name: "Grace Kelly" });
    expect((await listUsers({ search: "grace", page: 1, pageSize: 10 })).total).toBe(2);
    expect((await listUsers({ search: "GRACE", teamId: team.id, page: 1, pageSize: 10 })).users.map((u) => u.name)).toEqual(["Grace Hopper"]);
    const paged = await listUsers({ teamId: team.id, page: 2, pageSize: 1 });
    expect(paged).toMatchObject({ total: 2, page: 2 });
    expect(paged.users.map((u) => u.name)).toEqual(["Grace Hopper"]);
  });
});
