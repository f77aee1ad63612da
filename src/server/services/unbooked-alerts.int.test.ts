// Unbooked use reaches the person and the admins once per episode, in the ingest's transaction.
import { beforeEach, describe, expect, it } from "vitest";
import type { SampleIn } from "@/core/agent/contract";
import { db } from "@/server/db/client";
import { resetDatabase } from "@test/db/database";
import { makeUser } from "@test/db/fixtures";
import { makeHold } from "@test/db/fixtures-inventory";
import { makeMachine } from "@test/db/fixtures-slices";
import { toActor } from "./actor";
import { authenticateAgent, createEnrollmentCode, enrollAgent } from "./agent-enrollment";
import { ingestTelemetry } from "./telemetry-ingest";

beforeEach(async () => {
  await resetDatabase();
  await db().$executeRawUnsafe("DELETE FROM pgboss.job");
});

const uuid = (index: number) => `GPU-a1b2c3d4-0000-4000-8000-00000000000${index}`;

describe("unbooked-use notifications", () => {
  it("are raised once when a process of someone without a slice is seen twice in a row, and again for a new episode", async () => {
    const admin = await makeUser({ roles: ["admin"], name: "Ada" });
    const alice = await makeUser({ name: "Alice" });
    const carol = await makeUser({ name: "Carol" });
    const machine = await makeMachine({ gpus: 2 });
    const now = Date.now();
    await makeHold({ machineId: machine.id, gpuIds: [machine.gpus[0]!.id], user: alice, start: new Date(now - 3_600_000), end: new Date(now + 3_600_000) });
    const { code } = await createEnrollmentCode(toActor(admin), { machineId: machine.id }, new Date());
    const { credential } = await enrollAgent({ code, hostname: machine.name, agentVersion: "0.1.0" }, new Date());
    const at = (s: number) => new Date(now - 300_000 + s * 1000);
    const sample = (seq: number, carolRuns: boolean): SampleIn => ({
      seq,
      at: at(seq * 10).toISOString(),
      gpus: [0, 1].map((index) => ({ uuid: uuid(index), index, name: "GTX 1080 Ti", utilPct: 50, memUsedMib: 1000, memTotalMib: 11264, powerW: 100, tempC: 50 })),
      processes: [
        { gpuUuid: uuid(0), pid: 100, uid: 2000, user: alice.linuxUsername, name: "python train.py", memMib: 800 },
        ...(carolRuns ? [{ gpuUuid: uuid(1), pid: 200, uid: 2001, user: carol.linuxUsername, name: "python notebook.py", memMib: 600 }] : []),
      ],
      faults: [],
    });
    const report = async (...samples: SampleIn[]) => ingestTelemetry(await authenticateAgent(credential), { agentVersion: "0.1.0", sentAt: new Date().toISOString(), samples }, new Date());
    const raised = () => db().notification.findMany({ where: { kind: "unbooked-use" }, orderBy: [{ createdAt: "asc" }, { userId: "asc" }] });

    await report(sample(1, true));
    expect(await raised()).toEqual([]);
    await report(sample(2, true), sample(3, true));
    const first = await raised();
    expect(first.map((n) => n.userId).sort()).toEqual([admin.id, carol.id].sort());
    expect(first[0]!.title).toBe(`GPUs used without a slice on ${machine.name}`);
    expect(first[0]!.body).toContain(`${carol.linuxUsername} used GPU 1 at`);
    // The same episode in later reports, and a resent report, raise nothing more.
    await report(sample(4, true));
    await report(sample(2, true), sample(3, true));
    expect(await raised()).toHaveLength(2);
    // Carol stops and starts again: a new episode, told again.
    await report(sample(5, false), sample(6, true));
    expect(await raised()).toHaveLength(2);
    await report(sample(7, true));
    expect(await raised()).toHaveLength(4);
    // Each episode keeps its own record: the first one ended when Carol stopped.
    expect((await db().unbookedUse.findMany({ orderBy: { firstSeenAt: "asc" } })).map((u) => [u.firstSeenAt, u.endedAt])).toEqual([[at(10), at(40)], [at(60), null]]);
    expect(await db().notification.count({ where: { userId: alice.id } })).toBe(0);
  });
});
