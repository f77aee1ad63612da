import { beforeEach, describe, expect, it } from "vitest";
import { AppError } from "@/core/errors";
import { db } from "@/server/db/client";
import { resetDatabase } from "@test/db/database";
import { auditEntriesFor, makeUser } from "@test/db/fixtures";
import { makeGpuModel, makeHold } from "@test/db/fixtures-inventory";
import { seedInventory } from "@seed/inventory";
import { toActor, type Actor } from "./actor";
import { createGpuModel, deleteGpuModel, listGpuModels, updateGpuModel } from "./gpu-models";
import { gpuStatuses } from "./gpu-status";
import { addGpu, removeGpu, updateGpu } from "./gpus";
import { createMachine, getMachine, listMachines, setMachineStatus, updateMachine, type MachineInput } from "./machines";

beforeEach(() => resetDatabase());

const at = (iso: string) => new Date(`${iso}:00Z`);
const now = at("2026-11-28T12:00");

async function admin(): Promise<Actor> {
  return toActor(await makeUser({ roles: ["admin"], name: "Ada Lindqvist" }));
}

/** The refusal a promise ends with, as a plain object to match against. */
async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return { code: error.code, field: error.field, message: error.message, details: error.details };
}

const zeusSpec = (over: Partial<MachineInput> = {}): MachineInput => ({
  name: "zeus",
  location: "Office server room, rack 1",
  cpuModel: "Intel Core i7-7820X",
  cores: 8,
  threads: 16,
  ramGb: 128,
  storage: "1 TB NVMe SSD + 4 TB HDD",
  inServiceAt: new Date("2018-06-15T00:00:00Z"),
  ...over,
});

async function zeusWithGpus(actor: Actor, gpus = 3) {
  const model = await makeGpuModel({ name: "GTX 1080 Ti" });
  const machine = await createMachine(actor, { ...zeusSpec(), gpus: Array.from({ length: gpus }, () => ({ gpuModelId: model.id })) });
  return { model, machine };
}

describe("machines", () => {
  it("creates a machine with its GPUs in one go, with the default slice profile, and audits it", async () => {
    const actor = await admin();
    const model = await makeGpuModel({ name: "GTX 1080 Ti" });
    const machine = await createMachine(actor, {
      ...zeusSpec({ name: "  Zeus " }),
      gpus: [{ gpuModelId: model.id, uuid: "GPU-3f6c2a1e-8b4d-4e2a-9c71-5d0e8a6b2f14" }, { gpuModelId: model.id }, { gpuModelId: model.id }],
    });
    expect(machine).toMatchObject({ name: "zeus", status: "active", reservedThreads: 1, reservedRamGb: 8, retiredAt: null, build: null });
    expect(machine.gpus.map((g) => [g.index, g.model.name, g.uuid])).toEqual([
      [0, "GTX 1080 Ti", "GPU-3f6c2a1e-8b4d-4e2a-9c71-5d0e8a6b2f14"],
      [1, "GTX 1080 Ti", null],
      [2, "GTX 1080 Ti", null],
    ]);
    expect(machine.profile).toEqual({ threads: 5, ramGb: 40 });
    const [entry] = await auditEntriesFor(machine.id);
    expect(entry).toMatchObject({ action: "machine.create", actorId: actor.id, subjectType: "machine", before: null });
    expect(entry!.after).toMatchObject({ name: "zeus", threads: 16, gpus: ["0: GTX 1080 Ti (GPU-3f6c2a1e-8b4d-4e2a-9c71-5d0e8a6b2f14)", "1: GTX 1080 Ti", "2: GTX 1080 Ti"] });
  });

  it("refuses inconsistent specs, naming every field at once", async () => {
    const actor = await admin();
    const problem = await refusal(createMachine(actor, { ...zeusSpec({ threads: 4, reservedRamGb: 128 }), gpus: [] }));
    expect(problem).toMatchObject({ code: "VALIDATION", field: "threads", message: "Threads (4) cannot be fewer than cores (8)." });
    expect((problem.details?.problems as { field: string }[]).map((p) => p.field)).toEqual(["threads", "reservedRamGb"]);
    expect(await db().machine.count()).toBe(0);
  });

  it("refuses a hostname that exists in another case, an unknown GPU model and a UUID twice", async () => {
    const actor = await admin();
    const { model } = await zeusWithGpus(actor);
    expect(await refusal(createMachine(actor, { ...zeusSpec({ name: "ZEUS" }), gpus: [] }))).toMatchObject({ code: "CONFLICT", field: "name", message: 'A machine named "zeus" already exists.' });
    const unknown = { gpuModelId: "00000000-0000-4000-8000-000000000000" };
    expect(await refusal(createMachine(actor, { ...zeusSpec({ name: "atlas" }), gpus: [{ gpuModelId: model.id }, unknown] }))).toMatchObject({ code: "NOT_FOUND", field: "gpus.1.gpuModelId" });
    const uuid = "GPU-a1d94b07-2c6e-4f38-b5a2-7e91c3d0f865";
    const twice = [{ gpuModelId: model.id, uuid }, { gpuModelId: model.id, uuid: uuid.toUpperCase() }];
    expect(await refusal(createMachine(actor, { ...zeusSpec({ name: "atlas" }), gpus: twice }))).toMatchObject({ code: "CONFLICT", field: "gpus.1.uuid" });
    expect((await listMachines(now)).map((m) => m.name)).toEqual(["zeus"]);
  });

  it("edits a machine, audits what changed, and refuses a duplicate name or a retired date on an active machine", async () => {
    const actor = await admin();
    const { machine } = await zeusWithGpus(actor);
    await createMachine(actor, { ...zeusSpec({ name: "atlas" }), gpus: [] });
    const updated = await updateMachine(actor, { machineId: machine.id, ramGb: 256, location: "Rack 3" }, now);
    expect(updated).toMatchObject({ ramGb: 256, location: "Rack 3", profile: { threads: 5, ramGb: 82 } });
    const entry = (await auditEntriesFor(machine.id)).at(-1)!;
    expect(entry).toMatchObject({ action: "machine.update", before: { ramGb: 128, location: "Office server room, rack 1" }, after: { ramGb: 256, location: "Rack 3" } });
    expect(await refusal(updateMachine(actor, { machineId: machine.id, name: "Atlas" }, now))).toMatchObject({ code: "CONFLICT", field: "name" });
    expect(await refusal(updateMachine(actor, { machineId: machine.id, retiredAt: new Date("2024-01-01T00:00:00Z") }, now))).toMatchObject({ code: "VALIDATION", field: "retiredAt" });
    await updateMachine(actor, { machineId: machine.id, ramGb: 256 }, now);
    expect(await auditEntriesFor(machine.id)).toHaveLength(2);
  });

  it("refuses to shrink a machine below what its approved slices need", async () => {
    const actor = await admin();
    const { machine } = await zeusWithGpus(actor);
    const alice = await makeUser({ name: "Alice Moreau" });
    const gpuIds = machine.gpus.map((g) => g.id);
    await makeHold({ machineId: machine.id, gpuIds: gpuIds.slice(0, 2), user: alice, start: at("2026-11-28T13:00"), end: at("2026-11-28T18:00"), ramGb: 100, threads: 10 });
    expect(await refusal(updateMachine(actor, { machineId: machine.id, ramGb: 64 }, now))).toMatchObject({
      code: "CAPACITY_CONFLICT",
      field: "ramGb",
      message: expect.stringMatching(/need 100 GB of RAM at 2026-11-28 13:00 UTC, but only 56 would be left/),
    });
    expect(await refusal(updateMachine(actor, { machineId: machine.id, reservedThreads: 8 }, now))).toMatchObject({ field: "reservedThreads" });
    expect((await refusal(updateMachine(actor, { machineId: machine.id, ramGb: 64 }, at("2026-11-28T14:00")))).message).toMatch(/need 100 GB of RAM now,/);
    // After the slice has ended, the same change is fine.
    expect((await updateMachine(actor, { machineId: machine.id, ramGb: 64 }, at("2026-11-28T18:00"))).ramGb).toBe(64);
  });

  it("puts a machine into maintenance, retires it (now, by default) and reactivates it, each audited with its reason", async () => {
    const actor = await admin();
    const { machine } = await zeusWithGpus(actor);
    await setMachineStatus(actor, { machineId: machine.id, status: "maintenance", reason: "New fans" }, now);
    expect((await gpuStatuses([machine.id], now)).map((s) => s.state)).toEqual(["maintenance", "maintenance", "maintenance"]);
    const retired = await setMachineStatus(actor, { machineId: machine.id, status: "retired", reason: "Replaced by atlas" }, now);
    expect(retired).toMatchObject({ status: "retired", retiredAt: now });
    const back = await setMachineStatus(actor, { machineId: machine.id, status: "active", reason: "Needed again" }, now);
    expect(back).toMatchObject({ status: "active", retiredAt: null });
    const entries = (await auditEntriesFor(machine.id)).filter((e) => e.action === "machine.status");
    expect(entries.map((e) => [e.before, e.after, e.reason])).toEqual([
      [{ name: "zeus", status: "active", retiredAt: null }, { name: "zeus", status: "maintenance", retiredAt: null }, "New fans"],
      [{ name: "zeus", status: "maintenance", retiredAt: null }, { name: "zeus", status: "retired", retiredAt: now.toISOString() }, "Replaced by atlas"],
      [{ name: "zeus", status: "retired", retiredAt: now.toISOString() }, { name: "zeus", status: "active", retiredAt: null }, "Needed again"],
    ]);
  });

  it("refuses a retired date before the in-service date, a status change without reason, and does nothing for the same status", async () => {
    const actor = await admin();
    const { machine } = await zeusWithGpus(actor);
    expect(await refusal(setMachineStatus(actor, { machineId: machine.id, status: "retired", reason: "Old", retiredAt: new Date("2017-01-01T00:00:00Z") }, now))).toMatchObject({
      code: "VALIDATION",
      field: "retiredAt",
      message: "The retired date must be after the in-service date.",
    });
    expect(await refusal(setMachineStatus(actor, { machineId: machine.id, status: "maintenance", reason: " " }, now))).toMatchObject({ field: "reason" });
    await setMachineStatus(actor, { machineId: machine.id, status: "active", reason: "Already" }, now);
    expect((await auditEntriesFor(machine.id)).map((e) => e.action)).toEqual(["machine.create"]);
  });

  it("reports a missing machine as NOT_FOUND naming machineId", async () => {
    expect(await refusal(getMachine("00000000-0000-4000-8000-000000000000", new Date()))).toMatchObject({ code: "NOT_FOUND", field: "machineId" });
  });
});

describe("GPUs of a machine", () => {
  it("adds a GPU at the lowest free index, or at the one given, and audits it", async () => {
    const actor = await admin();
    const { machine, model } = await zeusWithGpus(actor);
    const spare = await makeGpuModel({ name: "RTX 3090", vramGb: 24, boardPowerW: 350 });
    await removeGpu(actor, { gpuId: machine.gpus[1]!.id }, now);
    const refilled = await addGpu(actor, { machineId: machine.id, gpuModelId: spare.id, uuid: "GPU-7a3d9e61-4b2c-4f8e-a05d-92c6e1f4b8a3" });
    expect(refilled).toMatchObject({ index: 1, model: { name: "RTX 3090" } });
    expect((await addGpu(actor, { machineId: machine.id, gpuModelId: model.id })).index).toBe(3);
    expect(await refusal(addGpu(actor, { machineId: machine.id, gpuModelId: model.id, index: 2 }))).toMatchObject({ code: "CONFLICT", field: "index", message: "zeus already has a GPU 2." });
    expect(await refusal(addGpu(actor, { machineId: machine.id, gpuModelId: model.id, uuid: "gpu-7A3D9E61-4b2c-4f8e-a05d-92c6e1f4b8a3" }))).toMatchObject({
      code: "CONFLICT",
      field: "uuid",
      message: "UUID gpu-7A3D9E61-4b2c-4f8e-a05d-92c6e1f4b8a3 already belongs to GPU 1 of zeus.",
    });
    const [entry] = await auditEntriesFor(refilled.id);
    expect(entry).toMatchObject({ action: "gpu.add", subjectType: "gpu", after: { name: "GPU 1 of zeus", model: "RTX 3090" } });
  });

  it("changes a GPU's model and UUID, audited, and clears the UUID with null", async () => {
    const actor = await admin();
    const { machine } = await zeusWithGpus(actor);
    const other = await makeGpuModel({ name: "RTX 4090" });
    const gpuId = machine.gpus[0]!.id;
    const changed = await updateGpu(actor, { gpuId, gpuModelId: other.id, uuid: "GPU-0b7e4c92-5a1f-4d63-a8e2-c94f1b6d3e07" });
    expect(changed).toMatchObject({ index: 0, model: { name: "RTX 4090" }, uuid: "GPU-0b7e4c92-5a1f-4d63-a8e2-c94f1b6d3e07" });
    expect((await updateGpu(actor, { gpuId, uuid: null })).uuid).toBeNull();
    const entries = await auditEntriesFor(gpuId);
    expect(entries.map((e) => e.action)).toEqual(["gpu.update", "gpu.update"]);
    expect(entries[0]).toMatchObject({ before: { model: "GTX 1080 Ti", uuid: null }, after: { model: "RTX 4090" } });
  });

  it("removes a free GPU and audits it with the reason", async () => {
    const actor = await admin();
    const { machine } = await zeusWithGpus(actor);
    const gpuId = machine.gpus[2]!.id;
    await removeGpu(actor, { gpuId, reason: "Card died" }, now);
    expect((await getMachine(machine.id, now)).gpus.map((g) => g.index)).toEqual([0, 1]);
    const [entry] = await auditEntriesFor(gpuId);
    expect(entry).toMatchObject({ action: "gpu.remove", before: { name: "GPU 2 of zeus", model: "GTX 1080 Ti" }, reason: "Card died" });
  });

  it("refuses to remove a GPU that is held now or booked, naming the holder and until when", async () => {
    const actor = await admin();
    const { machine } = await zeusWithGpus(actor);
    const [g0, g1] = machine.gpus.map((g) => g.id);
    const alice = await makeUser({ name: "Alice Moreau" });
    const bob = await makeUser({ name: "Bob Okafor" });
    await makeHold({ machineId: machine.id, gpuIds: [g0!], user: alice, start: at("2026-11-28T09:00"), end: at("2026-11-28T18:00") });
    await makeHold({ machineId: machine.id, gpuIds: [g0!], user: bob, start: at("2026-11-29T09:00"), end: at("2026-11-29T10:00") });
    await makeHold({ machineId: machine.id, gpuIds: [g1!], user: bob, start: at("2026-12-01T09:00"), end: at("2026-12-01T10:00") });
    expect(await refusal(removeGpu(actor, { gpuId: g0! }, now))).toMatchObject({
      code: "CONFLICT",
      field: "gpuId",
      message: "GPU 0 of zeus is held by Alice Moreau until 2026-11-28 18:00 UTC (and 1 later booking); it cannot be removed while slices hold or have booked it.",
    });
    expect((await refusal(removeGpu(actor, { gpuId: g1! }, now))).message).toMatch(/^GPU 1 of zeus is booked by Bob Okafor from 2026-12-01 09:00 UTC until 2026-12-01 10:00 UTC;/);
    expect(await db().gpu.count({ where: { machineId: machine.id } })).toBe(3);
    expect((await auditEntriesFor(g0!)).length).toBe(0);
  });

  it("refuses to remove a GPU with only past holds, since they are its history", async () => {
    const actor = await admin();
    const { machine } = await zeusWithGpus(actor);
    const alice = await makeUser({ name: "Alice Moreau" });
    const gpuId = machine.gpus[2]!.id;
    await makeHold({ machineId: machine.id, gpuIds: [gpuId], user: alice, start: at("2026-11-01T09:00"), end: at("2026-11-01T18:00") });
    expect(await refusal(removeGpu(actor, { gpuId }, now))).toMatchObject({
      code: "CONFLICT",
      message: "GPU 2 of zeus has booking history (1 slice), which its costs and GPU-hours refer to; retire the machine or keep the GPU.",
    });
  });
});

describe("gpuStatuses", () => {
  it("names who holds each GPU now, chains back-to-back holds to the next free time, and shows the next booking", async () => {
    const actor = await admin();
    const { machine } = await zeusWithGpus(actor);
    const [g0, g1, g2] = machine.gpus.map((g) => g.id) as [string, string, string];
    const alice = await makeUser({ name: "Alice Moreau" });
    const bob = await makeUser({ name: "Bob Okafor" });
    await makeHold({ machineId: machine.id, gpuIds: [g0, g1], user: alice, start: at("2026-11-28T09:00"), end: at("2026-11-28T18:00") });
    await makeHold({ machineId: machine.id, gpuIds: [g0], user: bob, start: at("2026-11-28T18:00"), end: at("2026-11-28T20:00") });
    await makeHold({ machineId: machine.id, gpuIds: [g0, g2], user: bob, start: at("2026-11-29T09:00"), end: at("2026-11-29T10:00") });
    // Past holds and slices that are no longer approved hold nothing.
    await makeHold({ machineId: machine.id, gpuIds: [g2], user: alice, start: at("2026-11-27T09:00"), end: at("2026-11-27T10:00") });
    await makeHold({ machineId: machine.id, gpuIds: [g2], user: alice, start: at("2026-11-28T10:00"), end: at("2026-11-28T14:00"), status: "cancelled" });

    const statuses = await gpuStatuses([machine.id], now);
    expect(statuses.map((s) => [s.index, s.state, s.holder?.holderName ?? null, s.holder?.end ?? null, s.freeAt, s.next?.holderName ?? null, s.next?.start ?? null])).toEqual([
      [0, "held", "Alice Moreau", at("2026-11-28T18:00"), at("2026-11-28T20:00"), "Bob Okafor", at("2026-11-29T09:00")],
      [1, "held", "Alice Moreau", at("2026-11-28T18:00"), at("2026-11-28T18:00"), null, null],
      [2, "free", null, null, null, "Bob Okafor", at("2026-11-29T09:00")],
    ]);
    expect(statuses[0]!.holder).toMatchObject({ holderId: alice.id, teamName: alice.team.name });
  });

  it("covers several machines in one call, and shows a machine in maintenance as such while keeping its holder", async () => {
    const actor = await admin();
    const { machine: zeus, model } = await zeusWithGpus(actor, 1);
    const atlas = await createMachine(actor, { ...zeusSpec({ name: "atlas" }), gpus: [{ gpuModelId: model.id }, { gpuModelId: model.id }] });
    const alice = await makeUser({ name: "Alice Moreau" });
    await makeHold({ machineId: atlas.id, gpuIds: [atlas.gpus[1]!.id], user: alice, start: at("2026-11-28T09:00"), end: at("2026-11-28T18:00") });
    await setMachineStatus(actor, { machineId: atlas.id, status: "maintenance", reason: "Fans" }, now);
    const statuses = await gpuStatuses([zeus.id, atlas.id], now);
    expect(statuses.map((s) => [s.machineId === zeus.id ? "zeus" : "atlas", s.index, s.state, s.holder?.holderName ?? null]).sort()).toEqual([
      ["atlas", 0, "maintenance", null],
      ["atlas", 1, "maintenance", "Alice Moreau"],
      ["zeus", 0, "free", null],
    ]);
    expect(await gpuStatuses([], now)).toEqual([]);
  });

  it("lists machines with their GPU statuses, active ones first", async () => {
    const actor = await admin();
    const { model } = await zeusWithGpus(actor, 1);
    const old = await createMachine(actor, { ...zeusSpec({ name: "apollo" }), gpus: [{ gpuModelId: model.id }] });
    await setMachineStatus(actor, { machineId: old.id, status: "retired", reason: "Old" }, now);
    const list = await listMachines(now);
    expect(list.map((m) => [m.name, m.status, m.gpus.map((g) => g.status.state)])).toEqual([
      ["zeus", "active", ["free"]],
      ["apollo", "retired", ["retired"]],
    ]);
  });
});

describe("GPU models", () => {
  it("creates, edits and deletes unused models, audited; names are unique regardless of case", async () => {
    const actor = await admin();
    const model = await createGpuModel(actor, { name: " RTX 4090 ", vramGb: 24, boardPowerW: 450 });
    expect(model).toMatchObject({ name: "RTX 4090", gpuCount: 0 });
    expect(await refusal(createGpuModel(actor, { name: "rtx 4090", vramGb: 24, boardPowerW: 450 }))).toMatchObject({ code: "CONFLICT", field: "name" });
    await updateGpuModel(actor, { gpuModelId: model.id, boardPowerW: 425 });
    await deleteGpuModel(actor, { gpuModelId: model.id });
    expect(await listGpuModels()).toEqual([]);
    const entries = await auditEntriesFor(model.id);
    expect(entries.map((e) => e.action)).toEqual(["gpu-model.create", "gpu-model.update", "gpu-model.delete"]);
    expect(entries[1]).toMatchObject({ before: { boardPowerW: 450 }, after: { boardPowerW: 425 } });
  });

  it("refuses to delete a model that GPUs use", async () => {
    const actor = await admin();
    const { model } = await zeusWithGpus(actor);
    expect(await refusal(deleteGpuModel(actor, { gpuModelId: model.id }))).toMatchObject({
      code: "CONFLICT",
      field: "gpuModelId",
      message: "GTX 1080 Ti is the model of 3 GPUs; change or remove those GPUs first.",
    });
  });
});

describe("seedInventory", () => {
  it("creates the demo models and machines once, and returns their ids by name", async () => {
    const first = await db().$transaction((tx) => seedInventory(tx));
    const again = await db().$transaction((tx) => seedInventory(tx));
    expect(again).toEqual(first);
    expect(Object.keys(first.machineIds).sort()).toEqual(["atlas", "hermes", "zeus"]);
    const zeus = await getMachine(first.machineIds.zeus!, now);
    expect(zeus).toMatchObject({ cpuModel: "Intel Core i7-7820X", threads: 16, ramGb: 128, profile: { threads: 5, ramGb: 40 } });
    expect(zeus.gpus.map((g) => g.model.name)).toEqual(["GTX 1080 Ti", "GTX 1080 Ti", "GTX 1080 Ti"]);
    expect(await db().gpu.count()).toBe(9);
  });
});
