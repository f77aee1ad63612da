import { beforeEach, describe, expect, it } from "vitest";
import { makeInventoryDocument } from "@test/core/transfer-document";
import { resetDatabase } from "@test/db/database";
import { savingsReport, savingsSummary } from "./savings";
import { importInventory } from "./transfer/import";

const now = new Date("2026-01-15T12:00:00Z");

beforeEach(() => resetDatabase());

describe("savings with a SKU the catalog does not price", () => {
  it("counts its hours as $0 with a warning naming the machine and SKU, instead of failing every report", async () => {
    const doc = makeInventoryDocument(now.getTime());
    const atlas = doc.machines.find((m) => m.name === "atlas")!;
    atlas.costs = { ...atlas.costs!, vcpuSku: "no-such-vcpu" };
    const imported = await importInventory(null, doc, now, { source: "test" });
    expect(imported.warnings).toEqual([expect.objectContaining({ message: expect.stringContaining("no price in the catalog for SKU no-such-vcpu") })]);

    const summary = await savingsSummary(now);
    expect(summary.assumptions.warnings).toContain("atlas: SKU no-such-vcpu has no price in the catalog, so its thread-hours count as $0 cloud-equivalent. Add a price on the price catalog page.");
    // A window atlas never touched, and one it did: both are reported.
    for (const [from, to] of [["2018-06-01", "2018-08-01"], ["2023-01-01", "2026-01-01"]] as const) {
      const report = await savingsReport({ from: new Date(from), to: new Date(to), bucket: "month", groupBy: "machine" }, now);
      expect(report.assumptions.warnings).toContain(summary.assumptions.warnings.find((w) => w.startsWith("atlas:")));
    }
  });
});
