import { afterAll, beforeEach, describe, expect, it } from "vitest";
import type { ScheduleOut } from "@/core/agent/schedule-contract";
import { POST as postApplied } from "@/app/api/agent/v1/applied/route";
import { POST as postEnroll } from "@/app/api/agent/v1/enroll/route";
import { GET as getSchedule } from "@/app/api/agent/v1/schedule/route";
import { db } from "@/server/db/client";
import { scheduleListener } from "@/server/db/schedule-notifications";
import { resetDatabase } from "@test/db/database";
import { makeUser } from "@test/db/fixtures";
import { makeMachine } from "@test/db/fixtures-slices";
import { toActor } from "./actor";
import { createEnrollmentCode } from "./agent-enrollment";
import { appliedStateOf } from "./agent-schedule";
import { setMachineEnforcement } from "./enforcement";
import { approveSlice, requestSlice } from "./slices/lifecycle";

beforeEach(() => resetDatabase());
afterAll(() => scheduleListener().close());

const BASE = "http://portal.test/api/agent/v1";
const HOUR = 3_600_000;

async function enrolled(admin: Awaited<ReturnType<typeof makeUser>>) {
  const machine = await makeMachine({ gpus: 2 });
  const { code } = await createEnrollmentCode(toActor(admin), { machineId: machine.id }, new Date());
  const response = await postEnroll(new Request(`${BASE}/enroll`, { method: "POST", body: JSON.stringify({ code, hostname: machine.name, agentVersion: "0.1.0" }) }));
  const { credential } = (await response.json()) as { credential: string };
  return { machine, credential };
}

const poll = (credential: string, options: { etag?: string; wait?: number; query?: string } = {}) =>
  getSchedule(
    new Request(`${BASE}/schedule?${options.wait !== undefined ? `wait=${options.wait}&` : ""}${options.query ?? ""}`, {
      headers: { authorization: `Bearer ${credential}`, ...(options.etag ? { "if-none-match": options.etag } : {}) },
    }),
  );

describe("the agent's schedule long-poll", () => {
  it("answers its own machine's schedule with an ETag, 304 while it holds, and refuses another machine", async () => {
    const admin = await makeUser({ roles: ["admin"] });
    const a = await enrolled(admin);
    const b = await enrolled(admin);
    const first = await poll(a.credential);
    expect(first.status).toBe(200);
    const body = (await first.json()) as ScheduleOut;
    expect(body).toMatchObject({ machineId: a.machine.id, machineName: a.machine.name, mode: "observe", schedule: { slices: [] } });
    expect(first.headers.get("etag")).toBe(body.etag);
    expect((await poll(a.credential, { etag: body.etag })).status).toBe(304);

    const other = await poll(b.credential, { query: `machineId=${a.machine.id}` });
    expect(other.status).toBe(403);
    expect(await other.json()).toMatchObject({ error: { code: "FORBIDDEN", field: "machineId" } });
    expect(((await (await poll(b.credential)).json()) as ScheduleOut).machineId).toBe(b.machine.id);
    expect((await poll("rsa_not-a-credential")).status).toBe(401);
    expect((await poll(a.credential, { etag: body.etag, wait: 99 })).status).toBe(400);
  });

  it("wakes a waiting poll within moments of an approval on its machine, not on another machine", async () => {
    const admin = await makeUser({ roles: ["admin"] });
    const holder = await makeUser({ name: "Priya" });
    const a = await enrolled(admin);
    const b = await enrolled(admin);
    const etagA = ((await (await poll(a.credential)).json()) as ScheduleOut).etag;
    const etagB = ((await (await poll(b.credential)).json()) as ScheduleOut).etag;

    const now = new Date();
    const slice = await requestSlice(toActor(holder), { machineId: a.machine.id, gpuCount: 1, start: new Date(now.getTime() + HOUR), end: new Date(now.getTime() + 3 * HOUR), purpose: "Training" }, now);
    const waitingA = poll(a.credential, { etag: etagA, wait: 20 });
    const waitingB = poll(b.credential, { etag: etagB, wait: 2 });
    await new Promise((r) => setTimeout(r, 300));
    const decided = Date.now();
    await approveSlice(toActor(admin), { sliceId: slice.id }, new Date());
    const answer = await waitingA;
    const latency = Date.now() - decided;
    expect(answer.status).toBe(200);
    expect(latency).toBeLessThan(5_000);
    const body = (await answer.json()) as ScheduleOut;
    expect(body.etag).not.toBe(etagA);
    expect(body.schedule.slices).toEqual([expect.objectContaining({ id: slice.id, linuxUsername: holder.linuxUsername, gpus: [{ index: 0, uuid: null }] })]);
    // The other machine's poll ran to the end of its wait: nothing changed there.
    expect((await waitingB).status).toBe(304);

    await setMachineEnforcement(toActor(admin), { machineId: a.machine.id, mode: "enforce" });
    const afterMode = await poll(a.credential, { etag: body.etag, wait: 5 });
    expect(((await afterMode.json()) as ScheduleOut).mode).toBe("enforce");
  });

  it("stores the state the agent applied, audits commands that ran, and names a bad field", async () => {
    const admin = await makeUser({ roles: ["admin"] });
    const a = await enrolled(admin);
    const report = {
      agentVersion: "0.2.0",
      mode: "enforce",
      scheduleEtag: '"abc"',
      appliedAt: new Date().toISOString(),
      fromCache: false,
      commands: [{ who: "priya (slice s1)", command: "systemctl set-property --runtime user-1001.slice AllowedCPUs=3-5,11-12", outcome: "ran" }],
      errors: [],
      problems: [],
      grants: [{ linuxUsername: "priya", uid: 1001, gpus: [0], cpus: "3-5,11-12", memoryMaxBytes: 42949672960 }],
    };
    const send = (body: unknown) => postApplied(new Request(`${BASE}/applied`, { method: "POST", body: JSON.stringify(body), headers: { authorization: `Bearer ${a.credential}` } }));
    expect((await send(report)).status).toBe(200);
    expect(await appliedStateOf(a.machine.id)).toMatchObject({ mode: "enforce", scheduleEtag: '"abc"', commands: report.commands, grants: report.grants });
    expect(await db().auditLog.count({ where: { action: "agent.apply", subjectId: a.machine.id } })).toBe(1);
    const bad = await send({ ...report, commands: [{ ...report.commands[0], outcome: "maybe" }] });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { field: "commands[0].outcome" } });
  });
});
