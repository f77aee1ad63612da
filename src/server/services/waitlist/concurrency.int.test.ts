import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { resetDatabase } from "@test/db/database";
import { makeTeam, makeUser } from "@test/db/fixtures";
import { makeMachine, setFleetPolicy } from "@test/db/fixtures-slices";
import { toActor } from "../actor";
import { cancelSlice, releaseSlice, requestSlice } from "../slices/lifecycle";
import { requestByNeed } from "./by-need";

const HOUR = 3_600_000;
const t0 = new Date("2026-11-27T10:00:00Z");
const now = new Date(t0.getTime() + HOUR);
const at = (hours: number) => new Date(t0.getTime() + hours * HOUR);

beforeEach(() => resetDatabase());

describe("the waitlist under concurrency", () => {
  it("places each of 100 waiting requests at most once while 50 releases and cancellations race", { timeout: 120_000 }, async () => {
    await setFleetPolicy({ autoApprove: true, teamMaxConcurrentGpus: 1000, teamMaxGpuHoursPerMonth: 100_000, userMaxConcurrentGpus: 2 });
    const machines = await Promise.all(Array.from({ length: 5 }, () => makeMachine({ gpus: 10, threads: 64, ramGb: 512 })));
    const teams = await Promise.all(Array.from({ length: 4 }, () => makeTeam()));
    const holders = (await Promise.all(Array.from({ length: 50 }, (_, i) => makeUser({ teamId: teams[i % 4]!.id })))).map(toActor);
    // 30 GPUs held since t0 (to be released), 20 booked from half an hour after now (to be cancelled):
    // nothing fits now, so every request by need waits.
    const slices = [];
    for (const [i, holder] of holders.entries()) {
      const machine = machines[Math.floor(i / 10)]!;
      const active = i < 30;
      slices.push(await requestSlice(holder, { machineId: machine.id, gpuCount: 1, start: active ? t0 : at(1.5), end: at(active ? 12 : 14), purpose: `Holder ${i}` }, active ? t0 : now));
    }
    const waiters = (await Promise.all(Array.from({ length: 100 }, (_, i) => makeUser({ teamId: teams[i % 4]!.id })))).map(toActor);
    for (const [i, w] of waiters.entries()) {
      const r = await requestByNeed(w, { gpuCount: 1, durationHours: 2, purpose: `Queue ${i}`, kind: "training", waitlist: true }, now);
      expect(r.outcome).toBe("waiting");
    }

    const frees = slices.map((s, i) => (i < 30 ? releaseSlice(holders[i]!, { sliceId: s.id }, now) : cancelSlice(holders[i]!, { sliceId: s.id }, now)));
    const results = await Promise.allSettled(frees);
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);

    const entries = await db().waitlistEntry.findMany();
    const placed = entries.filter((e) => e.status === "placed");
    expect(placed).toHaveLength(50);
    expect(entries.filter((e) => e.status === "waiting")).toHaveLength(50);
    expect(new Set(placed.map((e) => e.sliceId)).size).toBe(50);
    const fromQueue = await db().slice.findMany({ where: { purpose: { startsWith: "Queue " } }, include: { gpus: true } });
    expect(fromQueue).toHaveLength(50);
    expect(new Set(fromQueue.map((s) => s.purpose)).size).toBe(50);
    expect(fromQueue.every((s) => s.status === "approved" && s.startAt.getTime() === now.getTime())).toBe(true);

    // The invariants, naively: no GPU twice at once, threads and RAM within each machine.
    for (const machine of machines) {
      const held = await db().slice.findMany({ where: { machineId: machine.id, status: "approved" }, include: { gpus: true } });
      const live = held.filter((s) => (s.releasedAt ?? s.endAt) > now && s.startAt <= now);
      const gpus = live.flatMap((s) => s.gpus.map((g) => g.gpuId));
      expect(new Set(gpus).size).toBe(gpus.length);
      expect(live.reduce((sum, s) => sum + s.threads, 0)).toBeLessThanOrEqual(63);
      expect(live.reduce((sum, s) => sum + s.ramGb, 0)).toBeLessThanOrEqual(504);
    }
  });
});
