import { beforeEach, describe, expect, it } from "vitest";
import { AppError } from "@/core/errors";
import { db } from "@/server/db/client";
import { resetDatabase } from "@test/db/database";
import { makeTeam, makeUser } from "@test/db/fixtures";
import { makeMachine, setFleetPolicy } from "@test/db/fixtures-slices";
import { toActor } from "../actor";
import { approveSlice, releaseSlice, requestSlice } from "./lifecycle";
import { teamLockShared } from "./team-locks";

const HOUR = 3_600_000;
const now = new Date("2026-11-27T10:00:00Z");
const at = (hours: number) => new Date(now.getTime() + hours * HOUR);
const quotasOff = { teamMaxConcurrentGpus: 0, teamMaxGpuHoursPerMonth: 0, teamMaxServingGpus: 0, userMaxConcurrentGpus: 0, userMaxSliceHours: 0, userMaxDaysAhead: 0 };

beforeEach(() => resetDatabase());

/** One machine each (one after another: the fixture upserts their GPU model). */
async function machinesFor(count: number) {
  const machines = [];
  for (let i = 0; i < count; i++) machines.push(await makeMachine({ gpus: 1 }));
  return machines;
}

describe("the team lock of a decision", () => {
  it("is shared while no quota counts the team's bookings, and decisions on different machines all go through", async () => {
    await setFleetPolicy(quotasOff);
    const team = await makeTeam();
    const members = await Promise.all(Array.from({ length: 12 }, () => makeUser({ teamId: team.id })));
    const admin = toActor(await makeUser({ roles: ["admin"] }));
    const machines = await machinesFor(members.length);
    await requestSlice(toActor(members[0]!), { machineId: machines[0]!.id, gpuCount: 1, start: at(30), end: at(31), purpose: "Learn the policy" }, now);
    expect(teamLockShared(team.id)).toBe(true);
    const requests = await Promise.all(members.map((m, i) => requestSlice(toActor(m), { machineId: machines[i]!.id, gpuCount: 1, start: at(1), end: at(3), purpose: `Run ${i}` }, now)));
    const approved = await Promise.all(requests.map((r) => approveSlice(admin, { sliceId: r.id }, now)));
    expect(approved.map((s) => s.status)).toEqual(members.map(() => "approved"));
    const released = await Promise.all(approved.map((s, i) => releaseSlice(toActor(members[i]!), { sliceId: s.id }, at(2))));
    expect(released.every((s) => s.releasedAt?.getTime() === at(2).getTime())).toBe(true);
    expect(await db().auditLog.count({ where: { action: { in: ["slice.request", "slice.approve", "slice.release"] } } })).toBe(1 + 3 * members.length);
  });

  it("counts a team quota set while the process still takes the team's lock shared: decisions start again under the exclusive lock", async () => {
    await setFleetPolicy(quotasOff);
    const team = await makeTeam();
    const members = await Promise.all(Array.from({ length: 16 }, () => makeUser({ teamId: team.id })));
    const machines = await machinesFor(members.length);
    await requestSlice(toActor(members[0]!), { machineId: machines[0]!.id, gpuCount: 1, start: at(30), end: at(31), purpose: "Learn the policy" }, now);
    expect(teamLockShared(team.id)).toBe(true);
    // The team may hold 2 GPUs at once; every request fits its own machine and is auto-approved if the quota allows.
    await setFleetPolicy({ ...quotasOff, teamMaxConcurrentGpus: 2, autoApprove: true });
    const results = await Promise.allSettled(members.map((m, i) => requestSlice(toActor(m), { machineId: machines[i]!.id, gpuCount: 1, start: at(1), end: at(3), purpose: `Run ${i}` }, now)));
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected").map((r) => r.reason as AppError);
    expect(refused.map((e) => e.code)).toEqual(members.slice(2).map(() => "QUOTA_EXCEEDED"));
    expect(await db().slice.count({ where: { status: "approved", teamId: team.id } })).toBe(2);
    expect(teamLockShared(team.id)).toBe(false);
  });
});
