import { beforeEach, describe, expect, it } from "vitest";
import { AppError } from "@/core/errors";
import { db } from "@/server/db/client";
import { resetDatabase } from "@test/db/database";
import { makeUser } from "@test/db/fixtures";
import { makeMachine, setFleetPolicy } from "@test/db/fixtures-slices";
import { toActor } from "../actor";
import { setMachineStatus } from "../machines";
import { releaseSlice, requestSlice } from "../slices/lifecycle";
import { requestByNeed } from "./by-need";
import { cancelWaiting, listQueue, moveWaiting, myWaitlist } from "./queue";

const HOUR = 3_600_000;
const now = new Date("2026-11-27T10:00:00Z");
const at = (hours: number) => new Date(now.getTime() + hours * HOUR);
const RTX = { name: "Test RTX 4090", vramGb: 24 };

beforeEach(() => resetDatabase());

const need = { gpuCount: 1, minGpuMemoryGb: 20, durationHours: 8, purpose: "Fine-tune a model", kind: "training" as const };

describe("requests by need", () => {
  it("places on the machine that meets the need, says why the other was not chosen, and files a normal request", async () => {
    await setFleetPolicy({ autoApprove: true });
    const small = await makeMachine({ gpus: 3 });
    const big = await makeMachine({ gpus: 2, model: RTX });
    const alice = toActor(await makeUser());
    const result = await requestByNeed(alice, { ...need, waitlist: false }, now);
    expect(result.outcome).toBe("placed");
    if (result.outcome !== "placed") return;
    expect(result.slice).toMatchObject({ machine: { id: big.id }, status: "approved", gpuCount: 1 });
    expect(result.slice.gpus.map((g) => g.id)).toEqual([big.gpus[0]!.id]);
    expect(result.verdicts.find((v) => v.machineId === small.id)!.message).toContain("Test GTX 1080 Ti (11 GB), none of which meets the need");
    const audit = await db().auditLog.findFirst({ where: { action: "slice.request", subjectId: result.slice.id } });
    expect(audit?.reason).toContain("Requested by need");
  });

  it("refuses at once a need no machine can ever meet, naming the largest", async () => {
    await makeMachine({ gpus: 2, model: RTX });
    const alice = toActor(await makeUser());
    const error = await requestByNeed(alice, { ...need, minGpuMemoryGb: 48, waitlist: true }, now).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "VALIDATION", field: "minGpuMemoryGb" });
    expect((error as AppError).message).toMatch(/No GPU has 48 GB: the largest has 24 GB \(Test RTX 4090 on m-/);
    expect(await db().waitlistEntry.count()).toBe(0);
  });

  it("waits in the queue, shows position and estimate, and is placed in the release's own transaction", async () => {
    await setFleetPolicy({ autoApprove: true });
    const machine = await makeMachine({ gpus: 1, model: RTX });
    const bob = toActor(await makeUser());
    const alice = toActor(await makeUser());
    const held = await requestSlice(bob, { machineId: machine.id, gpuCount: 1, start: now, end: at(12), purpose: "Long run" }, now);
    const waiting = await requestByNeed(alice, { ...need, waitlist: true }, now);
    expect(waiting.outcome).toBe("waiting");
    if (waiting.outcome !== "waiting") return;
    expect(waiting.waiting).toMatchObject({ position: 1, queueLength: 1, estimatedStart: at(12) });
    expect((await myWaitlist(alice, now)).waiting).toHaveLength(1);

    await releaseSlice(bob, { sliceId: held.id }, at(2));
    const mine = await myWaitlist(alice, at(2));
    expect(mine.waiting).toEqual([]);
    expect(mine.recent[0]).toMatchObject({ status: "placed", slice: { status: "approved", start: at(2), end: at(10) } });
    expect(mine.recent[0]!.outcome).toContain("was released");
    const audit = await db().auditLog.findFirst({ where: { action: "waitlist.place", subjectId: waiting.waiting.id } });
    expect(audit).not.toBeNull();
    // Told once, in the bell, with the cause; a second pass over the same queue tells nothing more.
    await releaseSlice(alice, { sliceId: mine.recent[0]!.slice!.id }, at(3));
    const told = await db().notification.findMany({ where: { userId: alice.id, kind: "waitlist-placed" } });
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ title: "Placed from the waitlist: 1 GPU on " + machine.name, link: "/slices" });
    expect(told[0]!.body).toContain(`Capacity freed when a slice on ${machine.name} was released.`);
    expect(told[0]!.body).toContain("It is approved");
  });

  it("lets an admin reorder with a reason (audited), and drops a need whose only machine retires", async () => {
    const machine = await makeMachine({ gpus: 1, model: RTX });
    const admin = toActor(await makeUser({ roles: ["admin"] }));
    const [a, b] = [toActor(await makeUser()), toActor(await makeUser())];
    await setFleetPolicy({ autoApprove: true, teamMaxConcurrentGpus: 10 });
    await requestSlice(admin, { machineId: machine.id, gpuCount: 1, start: now, end: at(20), purpose: "Holding it" }, now);
    const first = await requestByNeed(a, { ...need, waitlist: true }, now);
    const second = await requestByNeed(b, { ...need, waitlist: true }, new Date(now.getTime() + 1000));
    if (first.outcome !== "waiting" || second.outcome !== "waiting") throw new Error("both should wait");
    const order = await moveWaiting(admin, { entryId: second.waiting.id, position: 1, reason: "Deadline for the board" }, now);
    expect(order.map((e) => e.id)).toEqual([second.waiting.id, first.waiting.id]);
    expect(await db().auditLog.findFirst({ where: { action: "waitlist.reorder", reason: "Deadline for the board" } })).not.toBeNull();
    await expect(cancelWaiting(b, { entryId: first.waiting.id }, now)).rejects.toMatchObject({ code: "FORBIDDEN" });

    await setMachineStatus(admin, { machineId: machine.id, status: "retired", reason: "Sold" }, now);
    expect(await listQueue(now)).toEqual([]);
    const entry = await db().waitlistEntry.findUnique({ where: { id: first.waiting.id } });
    expect(entry).toMatchObject({ status: "unmeetable", outcome: "There is no machine in service." });
  });
});
