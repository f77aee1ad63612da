import { beforeEach, describe, expect, it } from "vitest";
import { callerFor } from "@test/api/caller";
import { resetDatabase } from "@test/db/database";
import { makeTeam, makeUser } from "@test/db/fixtures";

beforeEach(() => resetDatabase());

const values = { teamMaxConcurrentGpus: 6, teamMaxGpuHoursPerMonth: null, teamMaxServingGpus: null, userMaxConcurrentGpus: 2, userMaxSliceHours: 48, userMaxDaysAhead: null, autoApprove: true };

describe("quotas.update", () => {
  it("answers the policies as they are after the change, for the fleet and for a team", async () => {
    const admin = callerFor(await makeUser({ roles: ["admin"] }));
    const team = await makeTeam();
    const fleet = await admin.quotas.update({ values });
    expect(fleet.fleet).toEqual(values);
    expect(fleet).toEqual(await admin.quotas.list());

    const overrides = { ...values, teamMaxServingGpus: 2, userMaxConcurrentGpus: 4, autoApprove: false };
    const teamLevel = await admin.quotas.update({ teamId: team.id, values: overrides });
    expect(teamLevel.teams.find((t) => t.team.id === team.id)).toMatchObject({ overrides, effective: { autoApprove: false, quotas: { team: { maxServingGpus: 2 } } } });
    expect(teamLevel).toEqual(await admin.quotas.list());

    // A client that does not know the serving quota leaves it to inherit.
    const cleared = await admin.quotas.update({ teamId: team.id, values: { teamMaxConcurrentGpus: null, teamMaxGpuHoursPerMonth: null, userMaxConcurrentGpus: null, userMaxSliceHours: null, userMaxDaysAhead: null, autoApprove: null } });
    expect(cleared.teams.find((t) => t.team.id === team.id)?.overrides).toBeNull();
  });
});
