import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "@test/db/database";
import { auditEntriesFor, makeTeam, makeUser } from "@test/db/fixtures";
import { toActor } from "./actor";
import { createTeam, deleteTeam, listTeams, renameTeam } from "./teams";

beforeEach(() => resetDatabase());

const admin = async () => toActor(await makeUser({ roles: ["admin"] }));

describe("teams", () => {
  it("creates, renames and deletes an empty team, auditing each step", async () => {
    const actor = await admin();
    const team = await createTeam(actor, { name: "Robotics" });
    await renameTeam(actor, { teamId: team.id, name: "Robotics & Control" });
    await deleteTeam(actor, { teamId: team.id });
    expect((await listTeams()).map((t) => t.name)).not.toContain("Robotics & Control");
    const entries = await auditEntriesFor(team.id);
    expect(entries.map((e) => e.action)).toEqual(["team.create", "team.rename", "team.delete"]);
    expect(entries[1]).toMatchObject({ before: { name: "Robotics" }, after: { name: "Robotics & Control" } });
  });

  it("refuses a name another team has, whatever its case", async () => {
    const actor = await admin();
    await createTeam(actor, { name: "Vision" });
    await expect(createTeam(actor, { name: "vision" })).rejects.toMatchObject({ code: "CONFLICT", field: "name" });
    const other = await createTeam(actor, { name: "NLP" });
    await expect(renameTeam(actor, { teamId: other.id, name: "VISION" })).rejects.toMatchObject({ code: "CONFLICT", field: "name" });
  });

  it("refuses to delete a team that still has members and says how many", async () => {
    const actor = await admin();
    const team = await makeTeam();
    await makeUser({ teamId: team.id });
    await expect(deleteTeam(actor, { teamId: team.id })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("1 member") });
    expect(await auditEntriesFor(team.id)).toHaveLength(0);
  });

  it("lists teams with their member counts", async () => {
    const team = await makeTeam("Counted");
    await makeUser({ teamId: team.id });
    await makeUser({ teamId: team.id });
    expect((await listTeams()).find((t) => t.id === team.id)?.memberCount).toBe(2);
  });

  it("refuses concurrent creations of the same name: exactly one wins", async () => {
    const actor = await admin();
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => createTeam(actor, { name: "Race" })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r) => r.status === "rejected")) expect((r as PromiseRejectedResult).reason).toMatchObject({ code: "CONFLICT" });
  });
});
