import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { resetDatabase } from "@test/db/database";
import { auditEntriesFor, makeTeam, makeUser } from "@test/db/fixtures";
import { holdsOf, makeMachine, setFleetPolicy } from "@test/db/fixtures-slices";
import { transaction } from "@/server/db/tx";
import { toActor } from "../actor";
import { decideExtension, requestExtension } from "./extensions";
import { approveSlice, cancelSlice, rejectSlice, releaseSlice, requestSlice } from "./lifecycle";
import { approvalQueue, schedule } from "./queries";

const HOUR = 3_600_000;
const now = new Date("2026-11-27T10:00:00Z");
const at = (hours: number) => new Date(now.getTime() + hours * HOUR);

beforeEach(() => resetDatabase());

async function people() {
  const team = await makeTeam("Vision");
  const [alice, bob, admin] = await Promise.all([
    makeUser({ teamId: team.id, name: "Alice" }),
    makeUser({ name: "Bob" }),
    makeUser({ roles: ["admin"], name: "Ada" }),
  ]);
  return { alice: toActor(alice), bob: toActor(bob), admin: toActor(admin) };
}

describe("requesting and approving", () => {
  it("files a pending request with the machine's profile as default and audits it", async () => {
    const { alice } = await people();
    const machine = await makeMachine();
    const slice = await requestSlice(alice, { machineId: machine.id, gpuCount: 1, end: at(8), purpose: "Train ResNet" }, now);
    expect(slice).toMatchObject({ status: "pending", state: "pending", threads: 5, ramGb: 40, start: now, gpus: [] });
    expect((await auditEntriesFor(slice.id)).map((e) => e.action)).toEqual(["slice.request"]);
  });

  it("approves by assigning the lowest free GPUs and holds them in the database", async () => {
    const { alice, bob, admin } = await people();
    const machine = await makeMachine();
    const first = await requestSlice(alice, { machineId: machine.id, gpuCount: 1, end: at(8), purpose: "Train" }, now);
    await approveSlice(admin, { sliceId: first.id }, now);
    const second = await requestSlice(bob, { machineId: machine.id, gpuCount: 1, start: at(1), end: at(5), purpose: "Eval" }, now);
    const approved = await approveSlice(admin, { sliceId: second.id }, now);
    expect(approved).toMatchObject({ status: "approved", state: "upcoming", decidedBy: { name: "Ada" } });
    expect(approved.gpus.map((g) => g.index)).toEqual([1]);
    expect(await holdsOf(machine.id)).toHaveLength(2);
  });

  it("refuses a request for a full machine, naming the holders, with the earliest window that fits", async () => {
    const { alice, bob, admin } = await people();
    await setFleetPolicy({ userMaxConcurrentGpus: 3 });
    const machine = await makeMachine();
    const held = await requestSlice(alice, { machineId: machine.id, gpuCount: 3, end: at(6), purpose: "Big run" }, now);
    await approveSlice(admin, { sliceId: held.id }, now);
    const error = await requestSlice(bob, { machineId: machine.id, gpuCount: 1, start: at(1), end: at(3), purpose: "Small run" }, now).catch((e) => e);
    expect(error).toMatchObject({ code: "CAPACITY_CONFLICT" });
    expect(error.message).toContain("held by Alice until 2026-11-27 16:00 UTC");
    expect(error.message).toContain("The earliest window that fits is 2026-11-27 16:00 UTC to 2026-11-27 18:00 UTC");
    expect(error.details.suggestion).toMatchObject({ start: at(6), end: at(8) });
  });

  it("refuses a second GPU beyond the user's quota, and lets an admin override it with a recorded reason", async () => {
    const { alice, admin } = await people();
    const machine = await makeMachine();
    const first = await requestSlice(alice, { machineId: machine.id, gpuCount: 1, end: at(8), purpose: "One" }, now);
    await approveSlice(admin, { sliceId: first.id }, now);
    const refused = await requestSlice(alice, { machineId: machine.id, gpuCount: 1, end: at(4), purpose: "Two" }, now).catch((e) => e);
    expect(refused).toMatchObject({ code: "QUOTA_EXCEEDED" });
    expect(refused.message).toMatch(/may hold 1 GPU at once.*2 .*1 over/);
    const exception = await requestSlice(alice, { machineId: machine.id, gpuCount: 1, end: at(4), purpose: "Two", quotaException: "Deadline on Friday" }, now);
    expect(exception.status).toBe("pending");
    await expect(approveSlice(admin, { sliceId: exception.id }, now)).rejects.toMatchObject({ code: "QUOTA_EXCEEDED", field: "overrideReason" });
    const approved = await approveSlice(admin, { sliceId: exception.id, overrideReason: "Paper deadline, agreed with the team" }, now);
    expect(approved.overrideReason).toBe("Paper deadline, agreed with the team");
    const [, entry] = await auditEntriesFor(exception.id);
    expect(entry).toMatchObject({ action: "slice.approve-override", actorId: admin.id });
    expect(entry?.reason).toContain("Paper deadline, agreed with the team");
  });

  it("refuses backdating, an end before the start, and machines in maintenance, naming the field", async () => {
    const { alice } = await people();
    const machine = await makeMachine();
    const down = await makeMachine({ status: "maintenance" });
    await expect(requestSlice(alice, { machineId: machine.id, gpuCount: 1, start: at(-2), end: at(2), purpose: "Past" }, now)).rejects.toMatchObject({ code: "VALIDATION", field: "start" });
    await expect(requestSlice(alice, { machineId: machine.id, gpuCount: 1, start: at(3), end: at(2), purpose: "Reverse" }, now)).rejects.toMatchObject({ field: "end" });
    await expect(requestSlice(alice, { machineId: down.id, gpuCount: 1, end: at(2), purpose: "Down" }, now)).rejects.toMatchObject({ code: "CAPACITY_CONFLICT", field: "machineId" });
    await expect(requestSlice(alice, { machineId: machine.id, gpuCount: 4, end: at(2), purpose: "Too many" }, now)).rejects.toMatchObject({ field: "gpuCount" });
    expect(await db().slice.count()).toBe(0);
  });

  it("auto-approves what fits when the policy says so", async () => {
    const { alice } = await people();
    await setFleetPolicy({ autoApprove: true });
    const machine = await makeMachine();
    const slice = await requestSlice(alice, { machineId: machine.id, gpuCount: 1, end: at(2), purpose: "Quick" }, now);
    expect(slice).toMatchObject({ status: "approved", state: "active" });
    expect((await auditEntriesFor(slice.id)).map((e) => [e.action, e.actorId])).toEqual([["slice.request", alice.id], ["slice.approve", null]]);
  });
});

describe("holding a slice", () => {
  it("releases early: the end becomes now and the GPU is free for the next person", async () => {
    const { alice, bob, admin } = await people();
    const machine = await makeMachine({ gpus: 1 });
    const slice = await requestSlice(alice, { machineId: machine.id, gpuCount: 1, end: at(8), purpose: "Train" }, now);
    await approveSlice(admin, { sliceId: slice.id }, now);
    await expect(releaseSlice(bob, { sliceId: slice.id }, at(1))).rejects.toMatchObject({ code: "FORBIDDEN" });
    const released = await releaseSlice(alice, { sliceId: slice.id }, at(2));
    expect(released).toMatchObject({ state: "ended", effectiveEnd: at(2), releasedAt: at(2) });
    const next = await requestSlice(bob, { machineId: machine.id, gpuCount: 1, start: at(2), end: at(5), purpose: "Next" }, at(2));
    expect((await approveSlice(admin, { sliceId: next.id }, at(2))).gpus).toHaveLength(1);
  });

  it("cancels a pending request and an upcoming approved slice, but not an active one", async () => {
    const { alice, admin } = await people();
    const machine = await makeMachine();
    const pending = await requestSlice(alice, { machineId: machine.id, gpuCount: 1, start: at(1), end: at(2), purpose: "A" }, now);
    expect((await cancelSlice(alice, { sliceId: pending.id }, now)).status).toBe("cancelled");
    const upcoming = await requestSlice(alice, { machineId: machine.id, gpuCount: 1, start: at(1), end: at(2), purpose: "B" }, now);
    await approveSlice(admin, { sliceId: upcoming.id }, now);
    await expect(cancelSlice(alice, { sliceId: upcoming.id }, at(1.5))).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await cancelSlice(alice, { sliceId: upcoming.id }, now)).status).toBe("cancelled");
    expect(await holdsOf(machine.id)).toHaveLength(0);
  });

  it("extends after an admin approves the extension, and refuses one that collides", async () => {
    const { alice, bob, admin } = await people();
    const machine = await makeMachine({ gpus: 1 });
    const slice = await requestSlice(alice, { machineId: machine.id, gpuCount: 1, end: at(4), purpose: "Train" }, now);
    await approveSlice(admin, { sliceId: slice.id }, now);
    const later = await requestSlice(bob, { machineId: machine.id, gpuCount: 1, start: at(6), end: at(9), purpose: "Later" }, now);
    await approveSlice(admin, { sliceId: later.id }, now);
    await expect(requestExtension(alice, { sliceId: slice.id, end: at(7), reason: "Needs more epochs" }, now)).rejects.toMatchObject({ code: "CAPACITY_CONFLICT" });
    const asked = await requestExtension(alice, { sliceId: slice.id, end: at(6), reason: "Needs more epochs" }, now);
    expect(asked.pendingExtension).toMatchObject({ requestedEndAt: at(6) });
    const extended = await decideExtension(admin, { extensionId: asked.pendingExtension!.id, approve: true }, at(1));
    expect(extended.end).toEqual(at(6));
    expect((await holdsOf(machine.id)).find((h) => h.sliceId === slice.id)?.endAt).toEqual(at(6));
  });

  it("rejects with a reason, which the requester sees", async () => {
    const { alice, admin } = await people();
    const machine = await makeMachine();
    const slice = await requestSlice(alice, { machineId: machine.id, gpuCount: 1, end: at(2), purpose: "X" }, now);
    const rejected = await rejectSlice(admin, { sliceId: slice.id, reason: "Machine reserved for the demo" }, now);
    expect(rejected).toMatchObject({ status: "rejected", decisionReason: "Machine reserved for the demo" });
    await expect(approveSlice(admin, { sliceId: slice.id }, now)).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("the database as the last line of defence", () => {
  it("refuses an overlapping hold of one GPU by itself, as a clear capacity conflict", async () => {
    const { alice, admin } = await people();
    const machine = await makeMachine({ gpus: 1 });
    const slice = await requestSlice(alice, { machineId: machine.id, gpuCount: 1, end: at(4), purpose: "Train" }, now);
    await approveSlice(admin, { sliceId: slice.id }, now);
    const other = await db().slice.create({
      data: { machineId: machine.id, requesterId: admin.id, teamId: admin.teamId, gpuCount: 1, threads: 1, ramGb: 1, startAt: at(3), endAt: at(5), purpose: "Sneaky", status: "approved" },
    });
    const error = await transaction((tx) => tx.sliceGpu.create({ data: { sliceId: other.id, gpuId: machine.gpus[0]!.id, startAt: at(3), endAt: at(5) } })).catch((e) => e);
    expect(error).toMatchObject({ code: "CAPACITY_CONFLICT", field: "gpuIds" });
    // Back-to-back holds are fine: windows are half-open.
    await transaction((tx) => tx.sliceGpu.create({ data: { sliceId: other.id, gpuId: machine.gpus[0]!.id, startAt: at(4), endAt: at(5) } }));
  });
});

describe("queue and schedule", () => {
  it("shows admins pending requests with proposed GPUs and what stands in the way", async () => {
    const { alice, bob, admin } = await people();
    const machine = await makeMachine({ gpus: 1 });
    const held = await requestSlice(alice, { machineId: machine.id, gpuCount: 1, end: at(4), purpose: "Held" }, now);
    const waiting = await requestSlice(bob, { machineId: machine.id, gpuCount: 1, end: at(2), purpose: "Waiting" }, now);
    await approveSlice(admin, { sliceId: held.id }, now);
    const queue = await approvalQueue(now);
    const entry = queue.requests.find((r) => r.slice.id === waiting.id)!;
    expect(entry.proposedGpuIds).toBeNull();
    expect(entry.problems.join(" ")).toContain("held by Alice");
    expect(entry.suggestion).toMatchObject({ start: at(4).getTime() });
    const view = await schedule({ from: at(-24), to: at(24), machineId: machine.id }, bob, now);
    expect(view.machines[0]).toMatchObject({ holds: [{ holder: "Alice", mine: false, serving: false }], pending: [{ holder: "Bob", mine: true }] });
  });
});
