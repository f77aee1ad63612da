import { beforeEach, describe, expect, it } from "vitest";
import { usd, type Part } from "@/core/builds/parts";
import { SEED_BUILD_ATLAS, SEED_BUILD_PLANNED, SEED_BUILD_ZEUS, SEED_QUOTE_LAMBDA } from "@seed/build-parts";
import type { BuildData } from "@/server/db/builds";
import { db } from "@/server/db/client";
import { seedBuilds } from "@seed/builds";
import { resetDatabase } from "@test/db/database";
import { auditEntriesFor, makeUser } from "@test/db/fixtures";
import { makeMachine } from "@test/db/fixtures-builds";
import { toActor } from "./actor";
import {
  createBuild,
  deleteBuild,
  duplicateBuild,
  getBuild,
  linkBuild,
  listBuilds,
  machineCapex,
  saveBuild,
  unlinkBuild,
  type BuildView,
} from "./builds";

beforeEach(() => resetDatabase());

const lines = (parts: Part[]) => parts.map(({ category, name, quantity, unitPriceMicros, specs }) => ({ category, name, quantity, unitPriceMicros, specs }));
const zeus = (overrides: Partial<BuildData> = {}): BuildData => ({
  name: "Zeus",
  status: "planned",
  notes: "",
  parts: lines(SEED_BUILD_ZEUS),
  quotes: [SEED_QUOTE_LAMBDA],
  ...overrides,
});
const admin = async (name?: string) => toActor(await makeUser({ roles: ["admin"], name }));
/** The data of a loaded build with changes, as the editor would send it. */
const edited = (build: BuildView, changes: Partial<BuildData> = {}) => ({
  buildId: build.id,
  expectedUpdatedAt: build.updatedAt,
  name: build.name,
  status: build.status,
  notes: build.notes,
  parts: lines(build.parts),
  quotes: build.quotes.map(({ vendor, description, priceMicros }) => ({ vendor, description, priceMicros })),
  ...changes,
});

describe("createBuild and the read model", () => {
  it("stores the parts list and derives exact totals, checks and the premium avoided", async () => {
    const actor = await admin();
    const created = await createBuild(actor, zeus());
    const build = await getBuild(created.id);
    expect(build.parts.map((p) => p.name)).toEqual(SEED_BUILD_ZEUS.map((p) => p.name));
    expect(build.parts[0]?.specs).toEqual(SEED_BUILD_ZEUS[0]?.specs);
    expect(build.totalMicros).toBe(usd(5992));
    expect(build.capexMicros).toBe(usd(5992));
    expect(build.gpuCount).toBe(3);
    expect(build.bestQuote).toMatchObject({ vendor: "Lambda Labs", premiumAvoidedMicros: usd(10_000 - 5992) });
    expect(build.checkSummary).toMatchObject({ status: "warn", warn: 1, fail: 0 });
    expect(build.checks.find((c) => c.rule === "pcie-lanes")?.message).toContain("x16/x8/x4");
  });

  it("keeps cents and sub-cent amounts exact", async () => {
    const actor = await admin();
    const parts = [
      { category: "storage" as const, name: "Cable", quantity: 3, unitPriceMicros: 19_990_000, specs: {} },
      { category: "other" as const, name: "Thermal paste", quantity: 7, unitPriceMicros: 1_000_001, specs: {} },
    ];
    const build = await createBuild(actor, zeus({ parts, quotes: [] }));
    expect(build.totalMicros).toBe(3 * 19_990_000 + 7 * 1_000_001);
    expect((await db().buildPart.findMany({ orderBy: { position: "asc" } })).map((p) => p.unitPriceMicros)).toEqual([19_990_000n, 1_000_001n]);
  });

  it("refuses a second build with the same name in any case, naming the field", async () => {
    const actor = await admin();
    await createBuild(actor, zeus());
    await expect(createBuild(actor, zeus({ name: "ZEUS" }))).rejects.toMatchObject({ code: "CONFLICT", field: "name" });
  });

  it("audits the creation with a compact summary", async () => {
    const actor = await admin();
    const build = await createBuild(actor, zeus());
    const [entry] = await auditEntriesFor(build.id);
    expect(entry).toMatchObject({ action: "build.create", subjectType: "build", actorId: actor.id });
    expect(entry?.after).toMatchObject({ name: "Zeus", parts: 9, total: "$5,992.00", quotes: ["Lambda Labs: $10,000.00"] });
  });
});

describe("saveBuild", () => {
  it("replaces parts and quotes in one go and audits the changed line", async () => {
    const actor = await admin();
    const build = await createBuild(actor, zeus());
    const parts = lines(build.parts).map((p) =>
      p.category === "psu" ? { ...p, name: "EVGA SuperNOVA 2000 G+", unitPriceMicros: usd(529), specs: { psuWatts: 2000 } } : p,
    );
    const saved = await saveBuild(actor, edited(build, { parts, quotes: [], notes: "bigger PSU" }), new Date());
    expect(saved.totalMicros).toBe(usd(5992 + 80));
    expect(saved.quotes).toEqual([]);
    expect(saved.updatedAt.getTime()).toBeGreaterThan(build.updatedAt.getTime());
    expect(await db().buildPart.count()).toBe(9);
    const entry = (await auditEntriesFor(build.id)).at(-1);
    expect(entry?.action).toBe("build.update");
    expect(entry?.before).toMatchObject({ changedParts: ["EVGA SuperNOVA 1600 T2 at $449.00"], total: "$5,992.00", notes: "" });
    expect(entry?.after).toMatchObject({ changedParts: ["EVGA SuperNOVA 2000 G+ at $529.00"], total: "$6,072.00", notes: "bigger PSU" });
  });

  it("spells out specs when only the specs of a line changed", async () => {
    const actor = await admin();
    const build = await createBuild(actor, zeus());
    const parts = lines(build.parts).map((p) => (p.category === "psu" ? { ...p, specs: { psuWatts: 1000 } } : p));
    await saveBuild(actor, edited(build, { parts }), new Date());
    const entry = (await auditEntriesFor(build.id)).at(-1);
    expect(entry?.after).toMatchObject({ changedParts: ["EVGA SuperNOVA 1600 T2 at $449.00 (psuWatts 1000)"] });
  });

  it("refuses a save based on an older version, says who saved when, and writes nothing", async () => {
    const ada = await admin("Ada Lindqvist");
    const bob = await admin("Bob Admin");
    const build = await createBuild(ada, zeus());
    await saveBuild(ada, edited(build, { notes: "Ada was here" }), new Date());
    const error = await saveBuild(bob, edited(build, { parts: [] }), new Date()).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "CONFLICT", field: "expectedUpdatedAt" });
    expect((error as Error).message).toMatch(/^Ada Lindqvist saved this build at \d{4}-\d\d-\d\d \d\d:\d\d(:\d\d)? UTC; reload to see their changes\.$/);
    expect((await getBuild(build.id)).parts).toHaveLength(9);
    expect((await auditEntriesFor(build.id)).map((e) => e.action)).toEqual(["build.create", "build.update"]);
  });

  it("lets exactly one of two simultaneous saves of the same version win", async () => {
    const actor = await admin();
    const build = await createBuild(actor, zeus());
    const results = await Promise.allSettled([
      saveBuild(actor, edited(build, { notes: "first" }), new Date()),
      saveBuild(actor, edited(build, { notes: "second" }), new Date()),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const rejected = results.find((r) => r.status === "rejected");
    expect(rejected?.reason).toMatchObject({ code: "CONFLICT" });
    expect((rejected?.reason as Error).message).toMatch(/^You saved this build in another window at/);
  });

  it("rolls everything back when a rule refuses the save", async () => {
    const actor = await admin();
    await createBuild(actor, zeus({ name: "Atlas", parts: lines(SEED_BUILD_ATLAS) }));
    const build = await createBuild(actor, zeus());
    await expect(saveBuild(actor, edited(build, { name: "atlas", parts: [] }), new Date())).rejects.toMatchObject({ code: "CONFLICT", field: "name" });
    expect((await getBuild(build.id)).parts).toHaveLength(9);
  });

  it("does nothing, not even a new version, when nothing changed", async () => {
    const actor = await admin();
    const build = await createBuild(actor, zeus());
    const same = await saveBuild(actor, edited(build), new Date());
    expect(same.updatedAt).toEqual(build.updatedAt);
    expect(await auditEntriesFor(build.id)).toHaveLength(1);
  });

  it("keeps a linked build in service", async () => {
    const actor = await admin();
    const machine = await makeMachine("zeus");
    const build = await createBuild(actor, zeus({ status: "in_service" }));
    const linked = await linkBuild(actor, { buildId: build.id, machineId: machine.id });
    await expect(saveBuild(actor, edited(linked, { status: "planned" }), new Date())).rejects.toMatchObject({ code: "CONFLICT", field: "status" });
  });
});

describe("duplicateBuild", () => {
  it("copies parts and quotes into a new planned build with a free name", async () => {
    const actor = await admin();
    const build = await createBuild(actor, zeus({ status: "in_service" }));
    const copy = await duplicateBuild(actor, { buildId: build.id });
    expect(copy).toMatchObject({ name: "Zeus (copy)", status: "planned", totalMicros: build.totalMicros, machine: null });
    expect(lines(copy.parts)).toEqual(lines(build.parts));
    expect(copy.quotes.map((q) => q.vendor)).toEqual(["Lambda Labs"]);
    expect((await duplicateBuild(actor, { buildId: build.id })).name).toBe("Zeus (copy 2)");
    expect((await duplicateBuild(actor, { buildId: copy.id })).name).toBe("Zeus (copy 3)");
    const [entry] = await auditEntriesFor(copy.id);
    expect(entry).toMatchObject({ action: "build.duplicate", after: { name: "Zeus (copy)", copiedFrom: "Zeus" } });
  });

  it("keeps a long name within the limit", async () => {
    const actor = await admin();
    const build = await createBuild(actor, zeus({ name: "x".repeat(100) }));
    const copy = await duplicateBuild(actor, { buildId: build.id });
    const again = await duplicateBuild(actor, { buildId: copy.id });
    expect(copy.name).toBe(`${"x".repeat(89)} (copy)`);
    expect(again.name).toBe(`${"x".repeat(89)} (copy 2)`);
  });
});

describe("deleteBuild", () => {
  it("deletes an unlinked build with its parts and quotes, and audits it", async () => {
    const actor = await admin();
    const build = await createBuild(actor, zeus());
    await deleteBuild(actor, { buildId: build.id });
    expect(await db().build.count()).toBe(0);
    expect(await db().buildPart.count()).toBe(0);
    expect(await db().vendorQuote.count()).toBe(0);
    const entry = (await auditEntriesFor(build.id)).at(-1);
    expect(entry).toMatchObject({ action: "build.delete", before: { name: "Zeus", parts: 9 } });
  });

  it("refuses to delete a build that runs a machine", async () => {
    const actor = await admin();
    const machine = await makeMachine("zeus");
    const build = await createBuild(actor, zeus({ status: "in_service" }));
    await linkBuild(actor, { buildId: build.id, machineId: machine.id });
    const error = await deleteBuild(actor, { buildId: build.id }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "CONFLICT", field: "buildId" });
    expect((error as Error).message).toContain("runs machine zeus");
    expect(await db().build.count()).toBe(1);
  });

  it("says NOT_FOUND for an unknown build", async () => {
    const actor = await admin();
    await expect(deleteBuild(actor, { buildId: "00000000-0000-4000-8000-000000000000" })).rejects.toMatchObject({ code: "NOT_FOUND", field: "buildId" });
  });
});

describe("linkBuild and unlinkBuild", () => {
  it("links an in-service build to a machine, exposes its capex, and unlinks it, auditing both", async () => {
    const actor = await admin();
    const machine = await makeMachine("zeus");
    const build = await createBuild(actor, zeus({ status: "in_service" }));
    const linked = await linkBuild(actor, { buildId: build.id, machineId: machine.id });
    expect(linked.machine).toEqual({ id: machine.id, name: "zeus" });
    expect(await machineCapex([machine.id])).toEqual([{ machineId: machine.id, buildId: build.id, buildName: "Zeus", capexMicros: 5_992_000_000n }]);
    expect((await unlinkBuild(actor, { buildId: build.id })).machine).toBeNull();
    expect(await machineCapex()).toEqual([]);
    const entries = (await auditEntriesFor(build.id)).slice(1);
    expect(entries.map((e) => [e.action, e.before, e.after])).toEqual([
      ["build.link", { name: "Zeus", machine: null }, { name: "Zeus", machine: "zeus" }],
      ["build.unlink", { name: "Zeus", machine: "zeus" }, { name: "Zeus", machine: null }],
    ]);
  });

  it("links only builds in service", async () => {
    const actor = await admin();
    const machine = await makeMachine();
    const build = await createBuild(actor, zeus({ status: "ordered" }));
    const error = await linkBuild(actor, { buildId: build.id, machineId: machine.id }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "CONFLICT", field: "buildId" });
    expect((error as Error).message).toContain("is ordered");
  });

  it("gives a machine at most one build and a build at most one machine", async () => {
    const actor = await admin();
    const [m1, m2] = [await makeMachine("zeus"), await makeMachine("atlas")];
    const first = await createBuild(actor, zeus({ status: "in_service" }));
    const second = await createBuild(actor, zeus({ name: "Other", status: "in_service" }));
    await linkBuild(actor, { buildId: first.id, machineId: m1.id });
    await expect(linkBuild(actor, { buildId: second.id, machineId: m1.id })).rejects.toThrow(/Machine zeus already runs build "Zeus"/);
    await expect(linkBuild(actor, { buildId: first.id, machineId: m2.id })).rejects.toMatchObject({ code: "CONFLICT", field: "buildId" });
    expect((await linkBuild(actor, { buildId: first.id, machineId: m1.id })).machine?.name).toBe("zeus");
  });

  it("lets one of two builds win a machine linked at the same time", async () => {
    const actor = await admin();
    const machine = await makeMachine();
    const builds = await Promise.all(["A1", "B2"].map((name) => createBuild(actor, zeus({ name, status: "in_service" }))));
    const results = await Promise.allSettled(builds.map((b) => linkBuild(actor, { buildId: b.id, machineId: machine.id })));
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
  });
});

describe("seedBuilds", () => {
  it("creates the reference builds once and links them to the machines that exist", async () => {
    const zeusMachine = await makeMachine("zeus");
    const ids = { zeus: zeusMachine.id };
    expect(await db().$transaction((tx) => seedBuilds(tx, ids))).toEqual({ builds: 3, linked: 1 });
    expect(await db().$transaction((tx) => seedBuilds(tx, ids))).toEqual({ builds: 3, linked: 0 });
    const builds = await listBuilds();
    expect(builds.map((b) => [b.name, b.status, b.machine?.name ?? null])).toEqual([
      ["Atlas (4× RTX 4090)", "in_service", null],
      ["Planned 2× RTX 5090", "planned", null],
      ["Zeus (2018 founding build)", "in_service", "zeus"],
    ]);
    expect(builds.map((b) => b.parts.length)).toEqual([SEED_BUILD_ATLAS.length, SEED_BUILD_PLANNED.length, SEED_BUILD_ZEUS.length]);
    expect(builds[2]?.bestQuote?.vendor).toBe("Lambda Labs");
    expect(builds.every((b) => b.checkSummary.fail === 0)).toBe(true);
  });
});
