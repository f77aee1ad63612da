import { beforeEach, describe, expect, it } from "vitest";
import { AppError } from "@/core/errors";
import { db } from "@/server/db/client";
import { resetDatabase } from "@test/db/database";
import { makeTeam, makeUser } from "@test/db/fixtures";
import { makeMachine, setFleetPolicy } from "@test/db/fixtures-slices";
import { toActor, type Actor } from "../actor";
import { approveSlice, requestSlice } from "./lifecycle";

const HOUR = 3_600_000;
const now = new Date("2026-11-27T10:00:00Z");
const at = (hours: number) => new Date(now.getTime() + hours * HOUR);

beforeEach(() => resetDatabase());

async function crowd(size: number): Promise<{ members: Actor[]; admins: Actor[] }> {
  const teams = await Promise.all(Array.from({ length: 4 }, () => makeTeam()));
  const members = await Promise.all(Array.from({ length: size }, (_, i) => makeUser({ teamId: teams[i % teams.length]!.id })));
  const admins = await Promise.all(Array.from({ length: 5 }, () => makeUser({ roles: ["admin"] })));
  return { members: members.map(toActor), admins: admins.map(toActor) };
}

/** Naive O(n²) checks of PRODUCT.md's invariants over what the database holds after the storm. */
async function expectInvariants(machineId: string, threadsCap: number, ramCap: number) {
  const slices = await db().slice.findMany({ where: { machineId, status: "approved" }, include: { gpus: true } });
  for (const a of slices) {
    for (const b of slices) {
      if (a.id >= b.id || !(a.startAt < b.endAt && b.startAt < a.endAt)) continue;
      const shared = a.gpus.filter((g) => b.gpus.some((h) => h.gpuId === g.gpuId));
      expect(shared, `slices ${a.id} and ${b.id} share a GPU`).toEqual([]);
    }
  }
  for (const s of slices) {
    const live = slices.filter((o) => o.startAt <= s.startAt && s.startAt < o.endAt);
    expect(live.reduce((sum, o) => sum + o.threads, 0)).toBeLessThanOrEqual(threadsCap);
    expect(live.reduce((sum, o) => sum + o.ramGb, 0)).toBeLessThanOrEqual(ramCap);
  }
  return slices;
}

function outcomes(results: PromiseSettledResult<unknown>[]) {
  const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected").map((r) => r.reason);
  for (const reason of refused) {
    expect(reason).toBeInstanceOf(AppError);
    expect(["CAPACITY_CONFLICT", "QUOTA_EXCEEDED", "CONFLICT"]).toContain((reason as AppError).code);
    expect((reason as AppError).message.length).toBeGreaterThan(20);
  }
  return { ok: results.length - refused.length, refused };
}

describe("under concurrency", () => {
  it("approves exactly three of 60 simultaneous approvals for the same window on a 3-GPU machine", async () => {
    const { members, admins } = await crowd(60);
    await setFleetPolicy({ teamMaxConcurrentGpus: 100 });
    const machine = await makeMachine({ gpus: 3 });
    const requests = await Promise.all(members.map((m) => requestSlice(m, { machineId: machine.id, gpuCount: 1, start: at(1), end: at(5), purpose: "Same window" }, now)));
    const results = await Promise.allSettled(requests.map((r, i) => approveSlice(admins[i % admins.length]!, { sliceId: r.id }, now)));
    const { ok, refused } = outcomes(results);
    expect(ok).toBe(3);
    expect(refused).toHaveLength(57);
    for (const reason of refused) expect((reason as AppError).message).toMatch(/held by .* until 2026-11-27 15:00 UTC/);
    const approved = await expectInvariants(machine.id, 15, 120);
    expect(approved.flatMap((s) => s.gpus.map((g) => g.gpuId)).sort()).toEqual(machine.gpus.map((g) => g.id).sort());
  });

  it("keeps CPU threads within capacity when threads, not GPUs, run out first", async () => {
    const { members, admins } = await crowd(50);
    await setFleetPolicy({ teamMaxConcurrentGpus: 100 });
    const machine = await makeMachine({ gpus: 3, threads: 16 });
    // 7 threads each: only two fit in the 15 threads left after the reserved one, though three GPUs are free.
    const requests = await Promise.all(members.map((m) => requestSlice(m, { machineId: machine.id, gpuCount: 1, threads: 7, ramGb: 10, start: at(1), end: at(3), purpose: "CPU heavy" }, now)));
    const results = await Promise.allSettled(requests.map((r, i) => approveSlice(admins[i % admins.length]!, { sliceId: r.id }, now)));
    const { ok, refused } = outcomes(results);
    expect(ok).toBe(2);
    for (const reason of refused) expect((reason as AppError).message).toMatch(/CPU threads/);
    await expectInvariants(machine.id, 15, 120);
  });

  it("auto-approves a storm of 80 overlapping requests without ever breaking an invariant", async () => {
    const { members } = await crowd(80);
    await setFleetPolicy({ autoApprove: true, teamMaxConcurrentGpus: 100, userMaxConcurrentGpus: 3 });
    const machine = await makeMachine({ gpus: 3 });
    // Staggered windows, 1-3 GPUs each, so feasibility depends on the order they are decided in.
    const results = await Promise.allSettled(
      members.map((m, i) => requestSlice(m, { machineId: machine.id, gpuCount: 1 + (i % 3), threads: 1 + (i % 5), ramGb: 8, start: at(1 + (i % 7)), end: at(3 + (i % 7) + (i % 4)), purpose: `Run ${i}` }, now)),
    );
    const { ok } = outcomes(results);
    const approved = await expectInvariants(machine.id, 15, 120);
    expect(approved).toHaveLength(ok);
    expect(ok).toBeGreaterThan(0);
    expect(await db().slice.count({ where: { status: "pending" } })).toBe(0);
  });
});
