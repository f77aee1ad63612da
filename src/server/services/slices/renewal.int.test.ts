import { beforeEach, describe, expect, it } from "vitest";
import { SERVING_RENEWAL_PERIOD_MS } from "@/core/slices/renewal";
import { db } from "@/server/db/client";
import { resetDatabase } from "@test/db/database";
import { auditEntriesFor, makeTeam, makeUser } from "@test/db/fixtures";
import { holdsOf, makeMachine } from "@test/db/fixtures-slices";
import { toActor } from "../actor";
import { approveSlice, cancelSlice, releaseSlice, requestSlice } from "./lifecycle";
import { renewServingSlices } from "./renewal";

const DAY = 86_400_000;
const now = new Date("2026-12-01T10:00:00Z");
const at = (days: number) => new Date(now.getTime() + days * DAY);
const servingEnd = at(20);
/** Three days before the serving slice ends: within the renewal window. */
const later = at(17);

beforeEach(() => resetDatabase());

/** Alice serves a model on the only GPU of a machine for 20 days, longer than the 168-hour slice limit. */
async function serving() {
  const team = await makeTeam("Vision");
  const [alice, bob, admin] = await Promise.all([makeUser({ teamId: team.id, name: "Alice" }), makeUser({ name: "Bob" }), makeUser({ roles: ["admin"], name: "Ada" })]);
  const machine = await makeMachine({ gpus: 1 });
  const filed = await requestSlice(toActor(alice), { machineId: machine.id, gpuCount: 1, end: servingEnd, purpose: "Serve the support chatbot", kind: "serving" }, now);
  await approveSlice(toActor(admin), { sliceId: filed.id }, now);
  return { alice: toActor(alice), bob: toActor(bob), admin: toActor(admin), machine, sliceId: filed.id };
}

const endOf = async (sliceId: string) => (await db().slice.findUniqueOrThrow({ where: { id: sliceId } })).endAt;
const told = (userId: string, kind: string) => db().notification.findMany({ where: { userId, kind } });
const actions = async (sliceId: string) => (await auditEntriesFor(sliceId)).map((e) => e.action);

describe("serving slices and the slice length", () => {
  it("a serving slice may outlast the per-user maximum slice length; a training slice may not", async () => {
    const { alice, sliceId } = await serving();
    expect(await endOf(sliceId)).toEqual(servingEnd);
    const other = await makeMachine({ gpus: 1 });
    await expect(requestSlice(alice, { machineId: other.id, gpuCount: 1, end: at(20), purpose: "Train", kind: "training" }, now)).rejects.toMatchObject({ message: expect.stringContaining("at most 168 hours") });
  });
});

describe("monthly renewal", () => {
  it("is not due until the last week", async () => {
    const { sliceId } = await serving();
    expect(await renewServingSlices(at(12))).toEqual([]);
    expect(await endOf(sliceId)).toEqual(servingEnd);
  });

  it("extends a due slice by one period exactly once, even when two checks run at the same time, and tells and audits once", async () => {
    const { alice, machine, sliceId } = await serving();
    const newEnd = new Date(servingEnd.getTime() + SERVING_RENEWAL_PERIOD_MS);
    const [a, b] = await Promise.all([renewServingSlices(later), renewServingSlices(later)]);
    expect([...a, ...b].filter((o) => o.outcome === "renewed")).toEqual([{ sliceId, outcome: "renewed", newEnd }]);
    expect(await renewServingSlices(later)).toEqual([]);
    expect(await endOf(sliceId)).toEqual(newEnd);
    expect((await holdsOf(machine.id)).map((h) => h.endAt)).toEqual([newEnd]);
    expect((await actions(sliceId)).filter((x) => x === "slice.renew")).toHaveLength(1);
    const entry = (await auditEntriesFor(sliceId)).find((e) => e.action === "slice.renew")!;
    expect(entry).toMatchObject({ actorId: null, before: { end: servingEnd.toISOString() }, after: { end: newEnd.toISOString() } });
    const messages = await told(alice.id, "serving-renewed");
    expect(messages).toHaveLength(1);
    expect(messages[0]!.body).toContain("renews monthly until you release it");
  });

  it("does not extend over another booking: the holder is told once, it is audited once, and it renews once the way is clear", async () => {
    const { alice, bob, admin, machine, sliceId } = await serving();
    const blocking = await requestSlice(bob, { machineId: machine.id, gpuCount: 1, start: servingEnd, end: new Date(servingEnd.getTime() + 2 * DAY), purpose: "Fine-tune" }, now);
    await approveSlice(admin, { sliceId: blocking.id }, now);
    const first = await Promise.all([renewServingSlices(later), renewServingSlices(later)]);
    expect(first.flat().map((o) => o.outcome).sort()).toEqual(["refused", "still-refused"]);
    expect(await renewServingSlices(new Date(later.getTime() + 60_000))).toEqual([{ sliceId, outcome: "still-refused" }]);
    expect(await endOf(sliceId)).toEqual(servingEnd);
    expect((await holdsOf(machine.id)).map((h) => h.endAt).sort((x, y) => x.getTime() - y.getTime())).toEqual([servingEnd, new Date(servingEnd.getTime() + 2 * DAY)]);
    expect((await actions(sliceId)).filter((x) => x === "slice.renewal-refused")).toHaveLength(1);
    const refused = await told(alice.id, "serving-renewal-refused");
    expect(refused).toHaveLength(1);
    expect(refused[0]!.body).toContain("Bob");
    expect(await told(alice.id, "serving-renewed")).toEqual([]);

    await cancelSlice(bob, { sliceId: blocking.id, reason: "Not needed" }, later);
    expect(await renewServingSlices(new Date(later.getTime() + 120_000))).toMatchObject([{ sliceId, outcome: "renewed" }]);
    expect(await endOf(sliceId)).toEqual(new Date(servingEnd.getTime() + SERVING_RENEWAL_PERIOD_MS));
  });

  it("never renews a released slice", async () => {
    const { alice, sliceId } = await serving();
    await releaseSlice(alice, { sliceId }, at(1));
    expect(await renewServingSlices(later)).toEqual([]);
    expect(await actions(sliceId)).not.toContain("slice.renew");
    expect(await told(alice.id, "serving-renewed")).toEqual([]);
  });

  it("never renews a training slice", async () => {
    const { sliceId } = await serving();
    const machine = await makeMachine({ gpus: 1 });
    const team = await makeTeam("Speech");
    const carol = toActor(await makeUser({ teamId: team.id, name: "Carol" }));
    const admin = toActor(await makeUser({ roles: ["admin"] }));
    const training = await requestSlice(carol, { machineId: machine.id, gpuCount: 1, start: at(15), end: at(18), purpose: "Train" }, now);
    await approveSlice(admin, { sliceId: training.id }, now);
    expect((await renewServingSlices(later)).map((o) => o.sliceId)).toEqual([sliceId]);
    expect(await endOf(training.id)).toEqual(at(18));
  });
});
