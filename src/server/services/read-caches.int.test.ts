import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createCaller } from "@/server/api/root";
import { requestContext } from "@/server/api/context";
import { answerCache } from "@/server/db/answer-cache";
import { createChangeCache, type ChangeCache } from "@/server/db/change-cache";
import { createPrismaClient, db, type PrismaClient } from "@/server/db/client";
import { transaction } from "@/server/db/tx";
import { seedPrices } from "@seed/prices";
import { insertApproved } from "@seed/slices";
import { resetDatabase } from "@test/db/database";
import { within1s } from "@test/db/within";
import { makeTeam, makeUser } from "@test/db/fixtures";
import { makeMachine } from "@test/db/fixtures-slices";
import { toActor, type Actor } from "./actor";
import { savingsReport } from "./savings";
import { approveSlice, requestSlice } from "./slices/lifecycle";
import { schedule } from "./slices/queries";

const HOUR = 3_600_000;
const now = new Date("2026-11-27T10:00:00Z");
const at = (hours: number) => new Date(now.getTime() + hours * HOUR);
const window = { from: at(-24), to: at(24) };

/** Another process (the CLI, psql, a second portal) changes rows through its own connection. */
let elsewhere: PrismaClient;

beforeEach(async () => {
  await resetDatabase();
  elsewhere = createPrismaClient(process.env.DATABASE_URL!);
});
afterEach(() => elsewhere.$disconnect());

async function bookedMachine() {
  const team = await makeTeam("Vision");
  const [alice, bob, admin] = await Promise.all([makeUser({ teamId: team.id, name: "Alice" }), makeUser({ teamId: team.id, name: "Bob" }), makeUser({ roles: ["admin"], name: "Ada" })]);
  const machine = await makeMachine({ gpus: 2 });
  const actors = { alice: toActor(alice), bob: toActor(bob), admin: toActor(admin) };
  const held = await requestSlice(actors.alice, { machineId: machine.id, gpuCount: 1, end: at(4), purpose: "Held" }, now);
  await approveSlice(actors.admin, { sliceId: held.id }, now);
  return { machine, held, ...actors };
}

const holdsOn = async (actor: Actor) => (await schedule(window, actor, now)).machines.flatMap((m) => m.holds);

describe("the schedule's answers", () => {
  it("are kept per person: each sees only their own holds as theirs, in any order of asking", async () => {
    const { alice, bob } = await bookedMachine();
    for (const actor of [alice, bob, alice, bob]) {
      expect((await holdsOn(actor)).map((h) => h.mine)).toEqual([actor.id === alice.id]);
    }
    // The second ask of the same second is the kept answer itself.
    expect(await schedule(window, alice, now)).toBe(await schedule(window, alice, now));
  });

  it("keep no `now` for more than the second it names", async () => {
    const { alice } = await bookedMachine();
    const later = new Date(now.getTime() + 1_000);
    expect((await schedule(window, alice, later)).now).toEqual(later);
  });

  it("show this process's own write at once", async () => {
    const { machine, bob } = await bookedMachine();
    await holdsOn(bob);
    await requestSlice(bob, { machineId: machine.id, gpuCount: 1, start: at(1), end: at(2), purpose: "Eval" }, now);
    const [row] = (await schedule(window, bob, now)).machines;
    expect(row!.pending).toMatchObject([{ holder: "Bob", purpose: "Eval", mine: true }]);
  });

  it("follow a slice, a person, a team and a machine changed by another process within 1 s", async () => {
    const { machine, held, bob } = await bookedMachine();
    await holdsOn(bob);
    await elsewhere.slice.update({ where: { id: held.id }, data: { purpose: "Renamed run" } });
    await within1s(async () => (await holdsOn(bob))[0]?.purpose === "Renamed run");
    await elsewhere.user.updateMany({ where: { name: "Alice" }, data: { name: "Alice Liddell" } });
    await within1s(async () => (await holdsOn(bob))[0]?.holder === "Alice Liddell");
    await elsewhere.team.updateMany({ where: { name: "Vision" }, data: { name: "Perception" } });
    await within1s(async () => (await holdsOn(bob))[0]?.team === "Perception");
    await elsewhere.machine.update({ where: { id: machine.id }, data: { name: "renamed-box" } });
    await within1s(async () => (await schedule(window, bob, now)).machines[0]?.name === "renamed-box");
  });

  it("are still refused to someone the schedule is not for, after someone else's was kept", async () => {
    const { alice } = await bookedMachine();
    const caller = (actor: Actor | null) => createCaller(requestContext({ actor, requestId: "read-caches", now }));
    expect((await caller(alice).slices.schedule(window)).machines[0]!.holds).toHaveLength(1);
    await expect(caller(null).slices.schedule(window)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});

describe("the savings report of a closed window", () => {
  async function pricedHistory() {
    const team = await makeTeam("Vision");
    const user = await makeUser({ teamId: team.id });
    const machine = await makeMachine({ gpus: 2 });
    await transaction(async (tx) => {
      await seedPrices(tx);
      await tx.gpuModel.updateMany({ data: { cloudSku: "gcp-p100" } });
      await insertApproved(tx, [{ machineId: machine.id, gpuId: machine.gpus[0]!.id, teamId: team.id, requesterId: user.id, startAt: at(-48), endAt: at(-24), releasedAt: null, threads: 5, ramGb: 40, purpose: "Past run" }], null);
    });
    return { machine, team, user };
  }
  const closed = { from: at(-72), to: at(-1), bucket: "day" as const, groupBy: "machine" as const };

  it("is one frozen answer for every request until its data changes elsewhere, then the new one within 1 s", async () => {
    const { machine } = await pricedHistory();
    const first = await savingsReport(closed, now);
    expect(Object.isFrozen(first) && Object.isFrozen(first.groups)).toBe(true);
    expect(await savingsReport(closed, at(1))).toBe(first);
    await elsewhere.machine.update({ where: { id: machine.id }, data: { name: "renamed-box" } });
    await within1s(async () => (await savingsReport(closed, now)).groups[0]?.name === "renamed-box");
    await elsewhere.sliceGpu.deleteMany({});
    await within1s(async () => (await savingsReport(closed, now)).fleet.total.cloudEquivalentMicros === 0n);
  });

  it("is not kept while its window is still open: time moves its figures", async () => {
    await pricedHistory();
    const open = { ...closed, to: at(24) };
    expect(await savingsReport(open, now)).not.toBe(await savingsReport(open, now));
  });

  it("is still refused to a member after an admin's was kept", async () => {
    await pricedHistory();
    const [admin, member] = await Promise.all([makeUser({ roles: ["admin"] }), makeUser()]);
    const caller = (actor: Actor) => createCaller(requestContext({ actor, requestId: "read-caches", now }));
    await caller(toActor(admin)).savings.report(closed);
    await expect(caller(toActor(member)).savings.report(closed)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("an answer cache", () => {
  const caches: ChangeCache[] = [];
  afterEach(async () => {
    await Promise.all(caches.map((c) => c.close()));
    caches.length = 0;
  });
  const listen = (url: string) => {
    const cache = createChangeCache(url, "rigshare_costs");
    caches.push(cache);
    return cache;
  };

  it("keeps nothing while one of its channels cannot listen", async () => {
    const answers = answerCache(() => [listen(process.env.DATABASE_URL!), listen("postgresql://nobody:wrong@127.0.0.1:1/none")], 4);
    let loads = 0;
    for (let i = 0; i < 3; i++) await answers("k", async () => ({ n: ++loads }));
    expect(loads).toBe(3);
  });

  it("never keeps an answer whose load overlapped a change", async () => {
    const cache = listen(process.env.DATABASE_URL!);
    expect(await cache.listening()).toBe(true);
    const answers = answerCache(() => [cache], 4);
    const stale = await answers("k", async () => {
      await db().$executeRaw`NOTIFY rigshare_costs`;
      await cache.settle();
      return { value: "read before the change" };
    });
    expect(stale).toEqual({ value: "read before the change" });
    expect(await answers("k", async () => ({ value: "fresh" }))).toEqual({ value: "fresh" });
    expect(await answers("k", async () => ({ value: "not read again" }))).toEqual({ value: "fresh" });
  });

  it("keeps at most its number of answers, the oldest going first", async () => {
    const cache = listen(process.env.DATABASE_URL!);
    expect(await cache.listening()).toBe(true);
    const answers = answerCache(() => [cache], 2);
    for (const key of ["a", "b", "c"]) await answers(key, async () => ({ key, first: true }));
    expect(await answers("a", async () => ({ key: "a", first: false }))).toEqual({ key: "a", first: false });
    expect(await answers("c", async () => ({ key: "c", first: false }))).toEqual({ key: "c", first: true });
  });
});
