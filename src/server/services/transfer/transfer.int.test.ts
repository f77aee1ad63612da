import { beforeEach, describe, expect, it } from "vitest";
import { makeInventoryDocument } from "@test/core/transfer-document";
import { db } from "@/server/db/client";
import { seedDemo } from "@seed/demo";
import { resetDatabase } from "@test/db/database";
import { exportInventory } from "./export";
import { importInventory } from "./import";

const now = new Date(Date.UTC(2026, 0, 15, 12));
const source = "test";
const tableCounts = async () => {
  const c = db();
  return Promise.all([c.team.count(), c.user.count(), c.gpuModel.count(), c.priceEntry.count(), c.build.count(), c.buildPart.count(), c.machine.count(), c.gpu.count(), c.quotaPolicy.count(), c.slice.count(), c.sliceGpu.count(), c.auditLog.count()]);
};

beforeEach(() => resetDatabase());

describe("inventory import and export", () => {
  it("gives back the same document: import, then export", async () => {
    const doc = makeInventoryDocument(now.getTime());
    const result = await importInventory(null, doc, now, { source });
    expect(result).toMatchObject({ wrote: true, created: { teams: 2, users: 4, gpuModels: 2, prices: 4, builds: 1, machines: 3, quotas: 2, slices: 9 }, warnings: [] });
    expect(await exportInventory()).toEqual(doc);
    // The holds follow the slices: released ones end at the release.
    const released = await db().sliceGpu.findFirstOrThrow({ where: { slice: { releasedAt: { not: null } } } });
    expect(released.endAt).toEqual(new Date("2018-07-02T20:30:00.000Z"));
  });

  it("changes nothing when the same document is imported twice", async () => {
    const doc = makeInventoryDocument(now.getTime());
    await importInventory(null, doc, now, { source });
    const before = await tableCounts();
    const updatedAt = await db().slice.aggregate({ _max: { updatedAt: true } });
    const again = await importInventory(null, doc, now, { source });
    expect(again).toMatchObject({ wrote: false, created: { slices: 0, machines: 0 }, updated: { slices: 0, machines: 0 }, unchanged: { slices: 9, machines: 3, users: 4 } });
    expect(await tableCounts()).toEqual(before);
    expect(await db().slice.aggregate({ _max: { updatedAt: true } })).toEqual(updatedAt);
    expect(await exportInventory()).toEqual(doc);
  });

  it("imports a spreadsheet-like document (no ids, defaults) twice with the same result", async () => {
    await importInventory(null, makeInventoryDocument(now.getTime()), now, { source });
    const sheet = {
      version: 1,
      slices: [
        { machine: "zeus", requester: "bob@example.test", gpus: [2], start: "2019-05-01T08:00:00Z", end: "2019-05-01T18:00:00Z", purpose: "Thesis runs" },
        { externalId: "row-17", machine: "atlas", requester: "alice@example.test", gpus: [1], start: "2024-02-01T00:00:00Z", end: "2024-02-03T00:00:00Z" },
      ],
    };
    const first = await importInventory(null, sheet, now, { source });
    expect(first.created.slices).toBe(2);
    const second = await importInventory(null, sheet, now, { source });
    expect(second).toMatchObject({ wrote: false, unchanged: { slices: 2 } });
    const rows = await db().slice.findMany({ where: { purpose: { in: ["Thesis runs", "Imported history"] } }, include: { gpus: { include: { gpu: true } }, team: true } });
    expect(rows.map((r) => [r.purpose, r.status, r.threads, r.ramGb, r.team.name, r.gpus.map((g) => g.gpu.index)])).toEqual(
      expect.arrayContaining([
        ["Thesis runs", "approved", 5, 40, "NLP", [2]],
        ["Imported history", "approved", 31, 120, "Vision", [1]],
      ]),
    );
  });

  it("refuses a bad document whole, with every problem and its path", async () => {
    await importInventory(null, makeInventoryDocument(now.getTime()), now, { source });
    const before = await tableCounts();
    const bad = {
      version: 1,
      teams: [{ name: "Robotics" }],
      machines: [
        { name: "hermes", cpuModel: "AMD Ryzen 9 5950X", cores: 16, threads: 32, ramGb: 128, inServiceAt: "2021-02-01T00:00:00Z", gpus: [{ index: 0, model: "RTX 4090" }, { index: 1, model: "RTX 9090" }] },
      ],
      slices: [{ machine: "zeus", requester: "bob@example.test", gpus: [0], start: "2018-07-02T10:00:00Z", end: "2018-07-02T11:00:00Z", threads: 0, ramGb: 0 }],
    };
    const error = await importInventory(null, bad, now, { source }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "VALIDATION", field: "machines[0].gpus[1].model" });
    expect((error as { details: { problems: { path: string }[] } }).details.problems.map((p) => p.path)).toEqual(["machines[0].gpus[1].model", "slices[0].gpus"]);
    expect((error as Error).message).toMatch(/^Nothing was imported: machines\[0\]\.gpus\[1\]\.model: unknown GPU model "RTX 9090"/);
    expect(await tableCounts()).toEqual(before);

    // A malformed record and a bad reference elsewhere are reported together.
    const malformed = await importInventory(null, { version: 1, machines: [{ name: "Not a hostname!", cores: "eight" }], users: [{ email: "carl@example.test", name: "Carl", team: "Robotics" }] }, now, { source }).catch((e: unknown) => e);
    expect((malformed as { details: { problems: { path: string }[] } }).details.problems.map((p) => p.path)).toEqual([
      "users[0].team",
      "machines[0].name",
      "machines[0].cpuModel",
      "machines[0].cores",
      "machines[0].threads",
      "machines[0].ramGb",
      "machines[0].inServiceAt",
    ]);
    const notADocument = await importInventory(null, { version: 2 }, now, { source }).catch((e: unknown) => e);
    expect(notADocument).toMatchObject({ code: "VALIDATION", field: "version" });
  });

  it("refuses a GPU held twice within one document", async () => {
    // The core checks the slices in document order; the exclusion constraint stands behind it.
    const doc = makeInventoryDocument(now.getTime());
    const clash = { ...doc.slices[1]!, externalId: "clash", start: "2018-07-02T09:30:00.000Z" };
    await expect(importInventory(null, { ...doc, slices: [...doc.slices, clash] }, now, { source })).rejects.toMatchObject({ code: "VALIDATION", field: "slices[9].gpus" });
    expect(await db().slice.count()).toBe(0);
  });

  it("exports the demo data and takes it back unchanged, into the same and into an empty database", async () => {
    await seedDemo(db(), now);
    const exported = await exportInventory();
    expect(exported.slices.length).toBeGreaterThan(1000);
    const same = await importInventory(null, exported, now, { source });
    expect(same.wrote).toBe(false);
    await resetDatabase();
    const fresh = await importInventory(null, JSON.parse(JSON.stringify(exported)), now, { source });
    expect(fresh.created.slices).toBe(exported.slices.length);
    expect(await exportInventory()).toEqual(exported);
  }, 120_000);

  it("audits an import that changed something, once", async () => {
    await importInventory(null, makeInventoryDocument(now.getTime()), now, { source: "CLI: inventory.json" });
    const entries = await db().auditLog.findMany({ where: { action: "data.import" } });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorId: null, subjectType: "import", reason: "CLI: inventory.json", after: { created: { slices: 9 } } });
  });

  it("reports what a dry run would do and writes nothing", async () => {
    const result = await importInventory(null, makeInventoryDocument(now.getTime()), now, { source, dryRun: true });
    expect(result).toMatchObject({ wrote: false, dryRun: true, created: { machines: 3, slices: 9 } });
    expect(await db().machine.count()).toBe(0);
  });
});
