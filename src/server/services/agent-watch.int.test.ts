import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { resetDatabase } from "@test/db/database";
import { makeTeam, makeUser } from "@test/db/fixtures";
import { makeMachine, setFleetPolicy } from "@test/db/fixtures-slices";
import { toActor } from "./actor";
import { runMinuteSweep } from "./agent-watch";
import { setMachineEnforcement } from "./enforcement";
import { requestSlice } from "./slices/lifecycle";
import { requestByNeed } from "./waitlist/by-need";
import { myWaitlist } from "./waitlist/queue";

const MIN = 60_000;
const start = new Date("2026-12-07T09:00:00Z");
const minute = (m: number) => new Date(start.getTime() + m * MIN);
const UUID = "GPU-eeee0000-0000-4000-8000-000000000000";

beforeEach(() => resetDatabase());

async function world() {
  await setFleetPolicy({ autoApprove: true });
  const team = await makeTeam();
  const [holder, admin, waiter] = await Promise.all([makeUser({ teamId: team.id, name: "Priya" }), makeUser({ roles: ["admin"], name: "Ada" }), makeUser({ name: "Omar" })]);
  const machine = await makeMachine({ gpus: 1 });
  const gpu = machine.gpus[0]!;
  await db().gpu.update({ where: { id: gpu.id }, data: { uuid: UUID } });
  await setMachineEnforcement(toActor(admin), { machineId: machine.id, mode: "enforce" });
  const credential = await db().agentCredential.create({ data: { machineId: machine.id, tokenHash: `hash-${machine.id}`, prefix: "rsa_test", lastReportAt: start } });
  const slice = await requestSlice(toActor(holder), { machineId: machine.id, gpuCount: 1, start, end: minute(480), purpose: "Notebook" }, start);
  return { machine, gpu, slice, holder, admin, waiter, credential };
}

/** What the agent stored: busy for 10 minutes, then a notebook holding the GPU at 0 % (a sample every 30 s). */
async function storeIdleHold(gpuId: string, minutes: number) {
  const times = Array.from({ length: minutes * 2 + 1 }, (_, i) => new Date(start.getTime() + i * 30_000));
  await db().gpuSample.createMany({ data: times.map((at, i) => ({ gpuId, at, utilPct: i < 20 ? 80 : 0, memUsedMib: 4000 })) });
  await db().gpuProcessSample.createMany({ data: times.map((at) => ({ gpuId, at, pid: 4242, uid: 1001n, linuxUser: "priya", name: "python" })) });
}

describe("the minute job", () => {
  it("warns twice and reclaims once on stored telemetry, tells the holder once per step, and gives the GPU to the waitlist", async () => {
    const w = await world();
    await storeIdleHold(w.gpu.id, 140);
    const waiting = await requestByNeed(toActor(w.waiter), { gpuCount: 1, durationHours: 2, purpose: "Eval", waitlist: true }, minute(30));
    expect(waiting.outcome).toBe("waiting");

    const log: string[] = [];
    for (let m = 1; m <= 140; m++) {
      await db().agentCredential.update({ where: { id: w.credential.id }, data: { lastReportAt: minute(m) } });
      const swept = await runMinuteSweep(minute(m));
      if (swept.warnings || swept.reclaimed) log.push(`${m}: ${swept.warnings} warning(s), ${swept.reclaimed} reclaimed`);
      // The same minute again (a retried job, a second portal process) changes nothing.
      const again = await runMinuteSweep(minute(m));
      expect(again.warnings + again.reclaimed).toBe(0);
    }
    expect(log).toEqual(["70: 1 warning(s), 0 reclaimed", "115: 1 warning(s), 0 reclaimed", "130: 0 warning(s), 1 reclaimed"]);

    const told = await db().notification.findMany({ where: { userId: w.holder.id, kind: { in: ["idle-warning", "idle-reclaimed"] } }, orderBy: { createdAt: "asc" } });
    expect(told.map((n) => [n.kind, n.title])).toEqual([
      ["idle-warning", expect.stringMatching(/^Idle for 60 minutes: 1 GPU on /)],
      ["idle-warning", expect.stringMatching(/^Idle for 105 minutes: 1 GPU on /)],
      ["idle-reclaimed", expect.stringMatching(/^Reclaimed after 120 idle minutes: 1 GPU on /)],
    ]);
    expect(told[0]!.body).toContain("It will be reclaimed at 2026-12-07 11:10 UTC");
    expect(await db().auditLog.count({ where: { action: "slice.reclaim", subjectId: w.slice.id } })).toBe(1);
    // The waiting request got the freed GPU in the reclaim's own transaction.
    const mine = await myWaitlist(toActor(w.waiter), minute(131));
    expect(mine.recent[0]).toMatchObject({ status: "placed", slice: { status: "approved", start: minute(130) } });
    expect(mine.recent[0]!.outcome).toContain("was reclaimed");
  });

  it("tells admins once when an agent goes silent for 10 minutes, and again only after a new silence", async () => {
    const w = await world();
    const silentAt = async (m: number) => (await runMinuteSweep(minute(m))).silent;
    expect(await silentAt(9)).toEqual([]);
    for (const m of [10, 11, 25]) expect(await silentAt(m)).toEqual([w.machine.name]);
    const toAdmin = () => db().notification.findMany({ where: { userId: w.admin.id, kind: "agent-silent" } });
    expect(await toAdmin()).toHaveLength(1);
    expect((await toAdmin())[0]!.title).toBe(`No word from ${w.machine.name}'s agent for 10 minutes`);
    // It reports again at minute 30, then falls silent once more: a second episode, a second message.
    await db().agentCredential.update({ where: { id: w.credential.id }, data: { lastReportAt: minute(30) } });
    expect(await silentAt(35)).toEqual([]);
    expect(await silentAt(41)).toEqual([w.machine.name]);
    expect(await toAdmin()).toHaveLength(2);
    // Idle is never judged across the silence: no samples, no warning, the slice keeps running.
    expect(await db().notification.count({ where: { userId: w.holder.id, kind: { in: ["idle-warning", "idle-reclaimed"] } } })).toBe(0);
  });
});
