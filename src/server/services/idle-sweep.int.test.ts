import { beforeEach, describe, expect, it } from "vitest";
import type { GpuSample } from "@/core/idle/judge";
import { db } from "@/server/db/client";
import { resetDatabase } from "@test/db/database";
import { auditEntriesFor, makeTeam, makeUser } from "@test/db/fixtures";
import { makeMachine } from "@test/db/fixtures-slices";
import { toActor } from "./actor";
import { setMachineEnforcement } from "./enforcement";
import { sweepIdleSlices } from "./idle-sweep";
import { approveSlice, requestSlice } from "./slices/lifecycle";
import { schedule } from "./slices/queries";

const MIN = 60_000;
const start = new Date("2026-12-07T09:00:00Z");
const minute = (m: number) => new Date(start.getTime() + m * MIN);

beforeEach(() => resetDatabase());

/** An idle hold recorded by the agent: busy for 10 minutes, then a notebook open at 0 % until `until`. */
function idleHold(until: number, uuid: string): GpuSample[] {
  return Array.from({ length: until * 2 + 1 }, (_, i) => ({ at: start.getTime() + i * 30_000, gpus: [{ uuid, utilization: i < 20 ? 80 : 0, processes: 1 }] }));
}

async function world(mode: "observe" | "warn" | "enforce", uuid: string) {
  const team = await makeTeam();
  const [holder, admin] = await Promise.all([makeUser({ teamId: team.id, name: "Priya" }), makeUser({ roles: ["admin"], name: "Ada" })]);
  const machine = await makeMachine({ gpus: 1 });
  await db().gpu.updateMany({ where: { machineId: machine.id }, data: { uuid } });
  await setMachineEnforcement(toActor(admin), { machineId: machine.id, mode });
  const slice = await requestSlice(toActor(holder), { machineId: machine.id, gpuCount: 1, start, end: minute(480), purpose: "Notebook" }, start);
  await approveSlice(toActor(admin), { sliceId: slice.id }, start);
  return { machine, slice, admin: toActor(admin), uuid };
}

/** The portal's minute job, from the slice's start to `until`. */
async function everyMinute(machineId: string, samples: GpuSample[], until: number) {
  const log: string[] = [];
  for (let m = 1; m <= until; m++) {
    const swept = await sweepIdleSlices({ machineId, samples: samples.filter((s) => s.at <= minute(m).getTime()), now: minute(m), lastJudgedAt: minute(m - 1) });
    for (const s of swept) log.push(...s.actions.map((a) => `${m} ${a.kind}${s.reclaimed ? " (done)" : ""}`));
  }
  return log;
}

describe("sweepIdleSlices", () => {
  it("in enforce mode warns at 70 and 115 and reclaims exactly once at minute 130; the freed window shows on the schedule", async () => {
    const { machine, slice, admin, uuid } = await world("enforce", "GPU-bbbb0000-0000-4000-8000-000000000000");
    expect(await everyMinute(machine.id, idleHold(140, uuid), 140)).toEqual(["70 warn-idle", "115 warn-idle-again", "130 reclaim-idle (done)"]);
    const entries = (await auditEntriesFor(slice.id)).filter((e) => e.action === "slice.reclaim");
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorId: null, reason: "Reclaimed: its GPUs sat idle. All its GPUs at 0 % since 2026-12-07 09:10 UTC." });
    const view = await schedule({ from: start, to: minute(480), machineId: machine.id }, admin, minute(140));
    expect(view.machines[0]!.holds.map((h) => [h.start, h.end])).toEqual([[start, minute(130)]]);
  });

  it("in warn mode only warns, and in observe mode does nothing; the slice keeps its GPU", async () => {
    const warn = await world("warn", "GPU-cccc0000-0000-4000-8000-000000000000");
    expect(await everyMinute(warn.machine.id, idleHold(140, warn.uuid), 140)).toEqual(["70 warn-idle", "115 warn-idle-again"]);
    const observe = await world("observe", "GPU-dddd0000-0000-4000-8000-000000000000");
    expect(await everyMinute(observe.machine.id, idleHold(140, observe.uuid), 140)).toEqual([]);
    expect(await db().slice.count({ where: { releasedAt: { not: null } } })).toBe(0);
  });

  it("never reclaims a serving slice for idleness, even in enforce mode", async () => {
    const serving = await world("enforce", "GPU-eeee0000-0000-4000-8000-000000000000");
    await db().slice.update({ where: { id: serving.slice.id }, data: { kind: "serving" } });
    expect(await everyMinute(serving.machine.id, idleHold(140, serving.uuid), 140)).toEqual([]);
    expect(await db().slice.findUnique({ where: { id: serving.slice.id } })).toMatchObject({ releasedAt: null });
  });
});
