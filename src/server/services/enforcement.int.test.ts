import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { resetDatabase } from "@test/db/database";
import { auditEntriesFor, makeTeam, makeUser } from "@test/db/fixtures";
import { makeMachine } from "@test/db/fixtures-slices";
import { toActor } from "./actor";
import { desiredStateFor, setMachineEnforcement } from "./enforcement";
import { listIdlePolicies, reclaimIdleSlice, setIdleExempt, updateIdlePolicy } from "./idle";
import { approveSlice, releaseSlice, requestSlice } from "./slices/lifecycle";
import { schedule } from "./slices/queries";

const HOUR = 3_600_000;
const now = new Date("2026-12-07T09:00:00Z");
const at = (hours: number) => new Date(now.getTime() + hours * HOUR);

beforeEach(() => resetDatabase());

async function world() {
  const team = await makeTeam("Vision");
  const [priya, marco, admin] = await Promise.all([makeUser({ teamId: team.id, name: "Priya" }), makeUser({ teamId: team.id, name: "Marco" }), makeUser({ roles: ["admin"], name: "Ada" })]);
  const machine = await makeMachine();
  await db().gpu.updateMany({ where: { machineId: machine.id, index: 0 }, data: { uuid: "GPU-aaaa0000-0000-4000-8000-000000000000" } });
  const a = { priya: toActor(priya), marco: toActor(marco), admin: toActor(admin) };
  const book = async (who: "priya" | "marco", fromH: number, toH: number) => {
    const slice = await requestSlice(a[who], { machineId: machine.id, gpuCount: 1, start: at(fromH), end: at(toH), purpose: "Train" }, fromH > 0 ? now : at(fromH));
    return approveSlice(a.admin, { sliceId: slice.id }, fromH > 0 ? now : at(fromH));
  };
  return { team, machine, ...a, book, users: { priya, marco } };
}

describe("machine enforcement mode", () => {
  it("is observe by default; an admin sets it and the login profile, audited with before and after", async () => {
    const { machine, admin } = await world();
    expect((await desiredStateFor(machine.id, now)).mode).toBe("observe");
    const set = await setMachineEnforcement(admin, { machineId: machine.id, mode: "enforce", loginThreads: 1, loginRamGb: 2, reason: "Pilot on this machine" });
    expect(set).toEqual({ machineId: machine.id, mode: "enforce", loginThreads: 1, loginRamGb: 2 });
    const [entry] = await auditEntriesFor(machine.id);
    expect(entry).toMatchObject({ action: "machine.enforcement", actorId: admin.id, before: { mode: "observe", loginThreads: 1, loginRamGb: 4 }, after: { mode: "enforce", loginRamGb: 2 }, reason: "Pilot on this machine" });
  });

  it("refuses a login profile larger than the machine's reserve, naming the field, and changes nothing", async () => {
    const { machine, admin } = await world();
    await expect(setMachineEnforcement(admin, { machineId: machine.id, mode: "enforce", loginThreads: 4 })).rejects.toMatchObject({ code: "VALIDATION", field: "loginThreads" });
    await expect(setMachineEnforcement(admin, { machineId: machine.id, mode: "warn", loginRamGb: 64 })).rejects.toMatchObject({ code: "VALIDATION", field: "loginRamGb" });
    await expect(setMachineEnforcement(admin, { machineId: "00000000-0000-4000-8000-000000000000", mode: "warn" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await desiredStateFor(machine.id, now)).mode).toBe("observe");
    expect(await auditEntriesFor(machine.id)).toEqual([]);
  });
});

describe("desiredStateFor", () => {
  it("loads the next 48 h of approved slices with Linux user names and GPUs, and the desired state now", async () => {
    const { machine, book, users } = await world();
    const first = await book("priya", 0, 10);
    const second = await book("marco", 2, 6);
    await book("marco", 60, 62); // beyond the 48 h horizon
    const view = await desiredStateFor(machine.id, now);
    expect(view.schedule.slices.map((s) => [s.id, s.linuxUsername, s.gpus, s.start, s.end])).toEqual([
      [first.id, users.priya.linuxUsername, [{ index: 0, uuid: "GPU-aaaa0000-0000-4000-8000-000000000000" }], now.getTime(), at(10).getTime()],
      [second.id, users.marco.linuxUsername, [{ index: 1, uuid: null }], at(2).getTime(), at(6).getTime()],
    ]);
    expect(view.schedule.machine).toEqual({ cores: 8, threads: 16, reservedThreads: 1, ramGb: 128, reservedRamGb: 8 });
    expect(view.desired.users).toEqual([{ linuxUsername: users.priya.linuxUsername, uid: null, sliceIds: [first.id], gpus: [{ index: 0, uuid: "GPU-aaaa0000-0000-4000-8000-000000000000" }], devices: [], cpus: [1, 2, 8, 9, 10], memoryMaxBytes: 40 * 1024 ** 3 }]);
    expect(view.nextBoundary).toBe(at(2).getTime());
  });

  it("keeps its ETag while nothing changes (also as time passes) and changes it with the schedule or the mode", async () => {
    const { machine, book, priya, admin } = await world();
    const slice = await book("priya", 0, 10);
    const etag = (await desiredStateFor(machine.id, now)).etag;
    expect((await desiredStateFor(machine.id, new Date(now.getTime() + 60_000))).etag).toBe(etag);
    await releaseSlice(priya, { sliceId: slice.id }, at(1));
    const released = (await desiredStateFor(machine.id, at(1))).etag;
    expect(released).not.toBe(etag);
    await setMachineEnforcement(admin, { machineId: machine.id, mode: "warn" });
    expect((await desiredStateFor(machine.id, at(1))).etag).not.toBe(released);
  });
});

describe("idle policies", () => {
  it("default to PRODUCT.md's values; the fleet's and a team's overrides are audited and inherited field by field", async () => {
    const { team, admin } = await world();
    expect((await listIdlePolicies()).fleetEffective).toEqual({ noShowNotifyMinutes: 30, noShowReleaseMinutes: 60, idleWarnMinutes: 60, idleWarnAgainMinutes: 105, idleReclaimMinutes: 120 });
    const nulls = { noShowNotifyMinutes: null, noShowReleaseMinutes: null, idleWarnMinutes: null, idleWarnAgainMinutes: null, idleReclaimMinutes: null };
    await updateIdlePolicy(admin, { values: { ...nulls, idleReclaimMinutes: 180 } });
    const listed = await updateIdlePolicy(admin, { teamId: team.id, values: { ...nulls, idleWarnMinutes: 90 }, reason: "Long data loads" });
    expect(listed.teams.find((t) => t.team.id === team.id)!.effective).toMatchObject({ idleWarnMinutes: 90, idleReclaimMinutes: 180 });
    expect((await auditEntriesFor(team.id)).map((e) => [e.action, e.reason])).toEqual([["idle-policy.update", "Long data loads"]]);
    await updateIdlePolicy(admin, { teamId: team.id, values: nulls });
    expect((await listIdlePolicies()).teams.find((t) => t.team.id === team.id)!.overrides).toBeNull();
  });

  it("refuses steps out of order, naming the field, and keeps the old values", async () => {
    const { admin } = await world();
    const values = { noShowNotifyMinutes: null, noShowReleaseMinutes: null, idleWarnMinutes: null, idleWarnAgainMinutes: null, idleReclaimMinutes: 90 };
    await expect(updateIdlePolicy(admin, { values })).rejects.toMatchObject({ code: "VALIDATION", field: "values.idleReclaimMinutes" });
    expect((await listIdlePolicies()).fleet).toBeNull();
  });
});

describe("reclaimIdleSlice and exemptions", () => {
  it("ends the slice now with reason idle in one audited step, and the freed window shows on the schedule", async () => {
    const { machine, book, admin } = await world();
    const slice = await book("priya", -3, 10);
    const reclaimed = await reclaimIdleSlice("system", { sliceId: slice.id, reason: "idle", detail: "Idle since 07:00 UTC." }, now);
    expect(reclaimed).toMatchObject({ releasedAt: now, effectiveEnd: now, endReason: "idle", state: "ended" });
    const audit = (await auditEntriesFor(slice.id)).at(-1)!;
    expect(audit).toMatchObject({ action: "slice.reclaim", actorId: null, reason: "Reclaimed: its GPUs sat idle. Idle since 07:00 UTC.", after: { endReason: "idle" } });
    const view = await schedule({ from: at(-4), to: at(12), machineId: machine.id }, admin, now);
    expect(view.machines[0]!.holds.map((h) => [h.start, h.end])).toEqual([[at(-3), now]]);
    // The GPU is free again: someone else can take it for the rest of the day.
    const next = await requestSlice(admin, { machineId: machine.id, gpuCount: 1, start: at(0.5), end: at(8), purpose: "Next run" }, now);
    expect((await approveSlice(admin, { sliceId: next.id, gpuIds: [slice.gpus[0]!.id] }, now)).status).toBe("approved");
  });

  it("an admin exempts a slice (audited); an exempt slice is not reclaimed until the exemption is lifted", async () => {
    const { book, admin } = await world();
    const slice = await book("priya", -3, 10);
    await setIdleExempt(admin, { sliceId: slice.id, exempt: true, reason: "Loading a 2 TB dataset" }, now);
    await expect(reclaimIdleSlice(admin, { sliceId: slice.id, reason: "idle" }, now)).rejects.toMatchObject({ code: "CONFLICT", field: "sliceId" });
    expect((await desiredStateFor(slice.machine.id, now)).slices[0]!.idleExempt).toBe(true);
    await setIdleExempt(admin, { sliceId: slice.id, exempt: false, reason: "Load finished" }, now);
    const reclaimed = await reclaimIdleSlice(admin, { sliceId: slice.id, reason: "no-show" }, now);
    expect(reclaimed.endReason).toBe("no-show");
    expect((await auditEntriesFor(slice.id)).map((e) => [e.action, e.actorId])).toEqual([
      ["slice.request", slice.requester.id],
      ["slice.approve", admin.id],
      ["slice.idle-exempt", admin.id],
      ["slice.idle-exempt-lifted", admin.id],
      ["slice.reclaim", admin.id],
    ]);
  });

  it("refuses to reclaim a slice that has not started or has ended, and changes nothing", async () => {
    const { book } = await world();
    const upcoming = await book("priya", 2, 4);
    await expect(reclaimIdleSlice("system", { sliceId: upcoming.id, reason: "idle" }, now)).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(reclaimIdleSlice("system", { sliceId: upcoming.id, reason: "idle" }, at(5))).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(reclaimIdleSlice("system", { sliceId: "00000000-0000-4000-8000-000000000000", reason: "idle" }, now)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await auditEntriesFor(upcoming.id)).map((e) => e.action)).toEqual(["slice.request", "slice.approve"]);
  });
});
