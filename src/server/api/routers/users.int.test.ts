import { TRPCError } from "@trpc/server";
import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "@test/db/database";
import { makeTeam, makeUser } from "@test/db/fixtures";
import { callerFor } from "@test/api/caller";

beforeEach(() => resetDatabase());

async function codeOf(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  return error instanceof TRPCError ? error.code : error;
}

describe("users router", () => {
  it("lets admins and leadership list users, not members or anonymous callers", async () => {
    const team = await makeTeam();
    const [member, admin, leader] = await Promise.all([
      makeUser({ teamId: team.id }),
      makeUser({ teamId: team.id, roles: ["admin"] }),
      makeUser({ teamId: team.id, roles: ["leadership"] }),
    ]);
    expect((await callerFor(admin).users.list({})).total).toBe(3);
    expect((await callerFor(leader).users.list({ search: member.name })).users).toHaveLength(1);
    expect(await codeOf(callerFor(member).users.list({}))).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(null).users.list({}))).toBe("UNAUTHORIZED");
  });

  it("lets only admins change a user; leadership changes nothing", async () => {
    const [target, admin, leader] = await Promise.all([makeUser(), makeUser({ roles: ["admin"] }), makeUser({ roles: ["leadership"] })]);
    const team = await makeTeam();
    expect(await codeOf(callerFor(leader).users.update({ userId: target.id, teamId: team.id }))).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(target).users.setActive({ userId: admin.id, active: false }))).toBe("FORBIDDEN");
    const updated = await callerFor(admin).users.update({ userId: target.id, teamId: team.id, assignedRoles: ["member", "leadership"] });
    expect(updated).toMatchObject({ team: { id: team.id }, roles: ["member", "leadership"] });
  });

  it("explains FORBIDDEN with the role that is needed", async () => {
    const member = await makeUser();
    await expect(callerFor(member).users.setActive({ userId: member.id, active: false })).rejects.toThrow(/Only admin users may do this/);
  });

  it("refuses bad input with BAD_REQUEST before touching the database", async () => {
    const admin = await makeUser({ roles: ["admin"] });
    expect(await codeOf(callerFor(admin).users.update({ userId: "not-a-uuid" }))).toBe("BAD_REQUEST");
    expect(await codeOf(callerFor(admin).users.update({ userId: admin.id, assignedRoles: ["admin", "admin"] }))).toBe("BAD_REQUEST");
    expect(await codeOf(callerFor(admin).users.update({ userId: admin.id, assignedRoles: ["root" as "admin"] }))).toBe("BAD_REQUEST");
    expect(await codeOf(callerFor(admin).users.list({ pageSize: 1000 }))).toBe("BAD_REQUEST");
  });

  it("maps domain errors to their tRPC codes", async () => {
    const admin = await makeUser({ roles: ["admin"] });
    expect(await codeOf(callerFor(admin).users.update({ userId: "00000000-0000-4000-8000-000000000000" }))).toBe("NOT_FOUND");
    expect(await codeOf(callerFor(admin).users.setActive({ userId: admin.id, active: false }))).toBe("CONFLICT");
  });
});

describe("teams and audit routers", () => {
  it("audits a team move so admins and leadership can read it, members cannot", async () => {
    const [admin, leader, member] = await Promise.all([makeUser({ roles: ["admin"] }), makeUser({ roles: ["leadership"] }), makeUser()]);
    const team = await callerFor(admin).teams.create({ name: "Platform" });
    await callerFor(admin).users.update({ userId: member.id, teamId: team.id });
    const log = await callerFor(leader).audit.list({ subjectType: "user" });
    expect(log.entries[0]).toMatchObject({ action: "user.update", subjectName: member.name, actor: { id: admin.id } });
    expect((await callerFor(admin).audit.list({ action: "team." })).entries.map((e) => e.action)).toEqual(["team.create"]);
    expect(await codeOf(callerFor(member).audit.list({}))).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(leader).teams.create({ name: "Nope" }))).toBe("FORBIDDEN");
  });

  it("validates team names and names the field", async () => {
    const admin = await makeUser({ roles: ["admin"] });
    expect(await codeOf(callerFor(admin).teams.create({ name: " " }))).toBe("BAD_REQUEST");
    await expect(callerFor(admin).teams.create({ name: "x" })).rejects.toThrow(/name: must be at least 2 characters/);
  });

  it("pages the audit log with a cursor, newest first", async () => {
    const admin = await makeUser({ roles: ["admin"] });
    for (const name of ["A1", "B2", "C3"]) await callerFor(admin).teams.create({ name });
    const first = await callerFor(admin).audit.list({ limit: 2 });
    const second = await callerFor(admin).audit.list({ limit: 2, cursor: first.nextCursor });
    expect([...first.entries, ...second.entries].map((e) => e.subjectName)).toEqual(["C3", "B2", "A1"]);
    expect(second.nextCursor).toBeUndefined();
  });
});

describe("me router", () => {
  it("shows a person their profile and the activity about them", async () => {
    const [admin, member] = await Promise.all([makeUser({ roles: ["admin"] }), makeUser()]);
    await callerFor(admin).users.setActive({ userId: member.id, active: false, reason: "Testing" });
    await callerFor(admin).users.setActive({ userId: member.id, active: true });
    const profile = await callerFor(member).me.profile();
    expect(profile).toMatchObject({ id: member.id, roles: ["member"], team: { id: member.teamId } });
    const activity = await callerFor(member).me.activity({});
    expect(activity.entries.map((e) => e.action)).toEqual(["user.reactivate", "user.deactivate"]);
  });
});
