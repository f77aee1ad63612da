import { TRPCError } from "@trpc/server";
import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "@test/db/database";
import { auditEntriesFor, makeTeam, makeUser } from "@test/db/fixtures";
import { makeGpuModel, makeHold } from "@test/db/fixtures-inventory";
import { appErrorOf } from "../error-map";
import { callerFor } from "@test/api/caller";

beforeEach(() => resetDatabase());

const HOUR = 3_600_000;

async function people() {
  const team = await makeTeam();
  const [member, admin, leader] = await Promise.all([
    makeUser({ teamId: team.id, name: "Alice Moreau" }),
    makeUser({ teamId: team.id, roles: ["admin"] }),
    makeUser({ teamId: team.id, roles: ["leadership"] }),
  ]);
  return { member, admin, leader };
}

/** The tRPC code, the offending field and the message of a refused call. */
async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return { code: error.code, field: appErrorOf(error)?.field, message: error.message };
}

const spec = {
  name: "zeus",
  location: "Office server room, rack 1",
  cpuModel: "Intel Core i7-7820X",
  cores: 8,
  threads: 16,
  ramGb: 128,
  storage: "1 TB NVMe SSD",
  inServiceAt: new Date("2018-06-15T00:00:00Z"),
};

describe("inventory router", () => {
  it("lets members and leadership read machines, GPU statuses and GPU models; anonymous callers are refused", async () => {
    const { member, admin, leader } = await people();
    const model = await makeGpuModel({ name: "GTX 1080 Ti" });
    const machine = await callerFor(admin).inventory.createMachine({ ...spec, gpus: [{ gpuModelId: model.id }, { gpuModelId: model.id }] });
    for (const reader of [member, leader]) {
      const caller = callerFor(reader).inventory;
      expect((await caller.list()).map((m) => m.name)).toEqual(["zeus"]);
      expect((await caller.machine({ machineId: machine.id })).profile).toEqual({ threads: 7, ramGb: 60 });
      expect((await caller.gpuStatuses({ machineIds: [machine.id] })).map((s) => s.state)).toEqual(["free", "free"]);
      expect((await caller.gpuModels()).map((m) => [m.name, m.gpuCount])).toEqual([["GTX 1080 Ti", 2]]);
    }
    expect((await refusal(callerFor(null).inventory.list())).code).toBe("UNAUTHORIZED");
  });

  it("lets only admins change the inventory: members and leadership get FORBIDDEN", async () => {
    const { member, admin, leader } = await people();
    const model = await makeGpuModel();
    const machine = await callerFor(admin).inventory.createMachine({ ...spec, gpus: [{ gpuModelId: model.id }] });
    const gpuId = machine.gpus[0]!.id;
    for (const user of [member, leader]) {
      const caller = callerFor(user).inventory;
      const attempts = [
        caller.createMachine({ ...spec, name: "atlas", gpus: [] }),
        caller.updateMachine({ machineId: machine.id, ramGb: 256 }),
        caller.setMachineStatus({ machineId: machine.id, status: "maintenance", reason: "Fans" }),
        caller.addGpu({ machineId: machine.id, gpuModelId: model.id }),
        caller.updateGpu({ gpuId, uuid: null }),
        caller.removeGpu({ gpuId }),
        caller.createGpuModel({ name: "RTX 4090", vramGb: 24, boardPowerW: 450 }),
        caller.updateGpuModel({ gpuModelId: model.id, vramGb: 12 }),
        caller.deleteGpuModel({ gpuModelId: model.id }),
      ];
      for (const attempt of attempts) expect(await refusal(attempt)).toMatchObject({ code: "FORBIDDEN", message: expect.stringMatching(/Only admin users may do this \(inventory:manage\)/) });
    }
    expect((await callerFor(admin).inventory.machine({ machineId: machine.id })).gpus).toHaveLength(1);
    expect((await auditEntriesFor(machine.id)).map((e) => e.action)).toEqual(["machine.create"]);
  });

  it("refuses bad input with BAD_REQUEST and a message naming the field", async () => {
    const { admin } = await people();
    const caller = callerFor(admin).inventory;
    const model = await makeGpuModel();
    expect(await refusal(caller.createMachine({ ...spec, name: "zeus_01!", gpus: [] }))).toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/^name: must be a hostname/) });
    expect(await refusal(caller.createMachine({ ...spec, cores: 2.5, gpus: [] }))).toMatchObject({ code: "BAD_REQUEST", message: "cores: must be a whole number" });
    expect(await refusal(caller.createMachine({ ...spec, inServiceAt: new Date("x"), gpus: [] }))).toMatchObject({ message: "inServiceAt: must be a valid date" });
    expect(await refusal(caller.createMachine({ ...spec, gpus: [{ gpuModelId: model.id, uuid: "GPU-1" }] }))).toMatchObject({ message: expect.stringMatching(/^gpus\.0\.uuid: must look like GPU-/) });
    expect(await refusal(caller.createGpuModel({ name: "X", vramGb: 0, boardPowerW: 250 }))).toMatchObject({ message: "name: must be at least 2 characters" });
    expect(await refusal(caller.setMachineStatus({ machineId: model.id, status: "broken" as "retired", reason: "x" }))).toMatchObject({ code: "BAD_REQUEST" });
  });

  it("passes business-rule errors through with their code and field", async () => {
    const { admin } = await people();
    const caller = callerFor(admin).inventory;
    expect(await refusal(caller.createMachine({ ...spec, threads: 4, gpus: [] }))).toMatchObject({ code: "BAD_REQUEST", field: "threads", message: "Threads (4) cannot be fewer than cores (8)." });
    await caller.createMachine({ ...spec, gpus: [] });
    expect(await refusal(caller.createMachine({ ...spec, name: "Zeus", gpus: [] }))).toMatchObject({ code: "CONFLICT", field: "name" });
    expect(await refusal(caller.machine({ machineId: "00000000-0000-4000-8000-000000000000" }))).toMatchObject({ code: "NOT_FOUND", field: "machineId" });
  });

  it("refuses to remove a GPU with an active hold (CONFLICT naming the holder), removes a free one, and audits it", async () => {
    const { member, admin } = await people();
    const model = await makeGpuModel();
    const caller = callerFor(admin).inventory;
    const machine = await caller.createMachine({ ...spec, gpus: [{ gpuModelId: model.id }, { gpuModelId: model.id }] });
    const [held, free] = machine.gpus.map((g) => g.id) as [string, string];
    const now = Date.now();
    await makeHold({ machineId: machine.id, gpuIds: [held], user: member, start: new Date(now - HOUR), end: new Date(now + 2 * HOUR) });
    expect(await refusal(caller.removeGpu({ gpuId: held }))).toMatchObject({ code: "CONFLICT", field: "gpuId", message: expect.stringMatching(/^GPU 0 of zeus is held by Alice Moreau until /) });
    const statuses = await callerFor(member).inventory.gpuStatuses({ machineIds: [machine.id] });
    expect(statuses.map((s) => [s.state, s.holder?.holderName ?? null])).toEqual([["held", "Alice Moreau"], ["free", null]]);
    await caller.removeGpu({ gpuId: free, reason: "Moved to atlas" });
    expect((await caller.machine({ machineId: machine.id })).gpus.map((g) => g.index)).toEqual([0]);
    expect((await auditEntriesFor(free)).map((e) => [e.action, e.actorId, e.reason])).toEqual([["gpu.remove", admin.id, "Moved to atlas"]]);
  });

  it("audits machine status changes with the admin's reason", async () => {
    const { admin } = await people();
    const caller = callerFor(admin).inventory;
    const machine = await caller.createMachine({ ...spec, gpus: [] });
    const retired = await caller.setMachineStatus({ machineId: machine.id, status: "retired", reason: "Replaced by atlas" });
    expect(retired.status).toBe("retired");
    expect(retired.retiredAt).toBeInstanceOf(Date);
    const entry = (await auditEntriesFor(machine.id)).at(-1)!;
    expect(entry).toMatchObject({ action: "machine.status", actorId: admin.id, before: { status: "active" }, after: { status: "retired" }, reason: "Replaced by atlas" });
  });
});
