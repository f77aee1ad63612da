import { describe, expect, it } from "vitest";
import type { MachineCostProfile, PriceEntry } from "./types";
import { unpricedSkus } from "./unpriced";

const T2018 = Date.UTC(2018, 0, 1);
const price = (sku: string, unit: PriceEntry["unit"], effectiveFrom = T2018): PriceEntry => ({ sku, provider: "GCP", unit, priceMicros: 1n, effectiveFrom });
const PRICES = [price("p100", "gpu-hour"), price("vcpu", "vcpu-hour"), price("ram", "gb-hour")];
const machine = (name: string, fields: Partial<MachineCostProfile> = {}) => ({
  name,
  profile: { machineId: name, gpuCount: 2, inService: Date.UTC(2019, 0, 1), capexMicros: 0n, gpus: [{ gpuId: "g0", boardPowerW: 250, cloudSku: "p100" }, { gpuId: "g1", boardPowerW: 250, cloudSku: "p100" }], vcpuSku: "vcpu", ramSku: "ram", ...fields },
});

describe("unpricedSkus", () => {
  it("adds nothing when every SKU is priced from the machine's first day", () => {
    expect(unpricedSkus([machine("zeus")], PRICES)).toEqual({ placeholders: [], warnings: [] });
  });

  it("prices a SKU missing from the catalog at $0 from the start, once, warning for each machine using it", () => {
    const { placeholders, warnings } = unpricedSkus([machine("zeus", { vcpuSku: "nope" }), machine("hermes", { vcpuSku: "nope" })], PRICES);
    expect(placeholders).toEqual([{ sku: "nope", provider: "—", unit: "vcpu-hour", priceMicros: 0n, effectiveFrom: 0 }]);
    expect(warnings).toEqual([
      "zeus: SKU nope has no price in the catalog, so its thread-hours count as $0 cloud-equivalent. Add a price on the price catalog page.",
      "hermes: SKU nope has no price in the catalog, so its thread-hours count as $0 cloud-equivalent. Add a price on the price catalog page.",
    ]);
  });

  it("covers the time before a SKU's first price when the machine served before it", () => {
    const { placeholders, warnings } = unpricedSkus([machine("old", { inService: Date.UTC(2016, 0, 1) })], PRICES);
    expect(placeholders.map((p) => [p.sku, p.unit, p.effectiveFrom])).toEqual([["p100", "gpu-hour", 0], ["vcpu", "vcpu-hour", 0], ["ram", "gb-hour", 0]]);
    expect(warnings).toEqual([
      "old: SKU p100 has no price before 2018-01-01, so its GPU-hours before then count as $0 cloud-equivalent.",
      "old: SKU vcpu has no price before 2018-01-01, so its thread-hours before then count as $0 cloud-equivalent.",
      "old: SKU ram has no price before 2018-01-01, so its RAM GB-hours before then count as $0 cloud-equivalent.",
    ]);
  });

  it("names a GPU SKU once per machine however many GPUs use it", () => {
    expect(unpricedSkus([machine("zeus")], PRICES.slice(1)).warnings).toEqual(["zeus: SKU p100 has no price in the catalog, so its GPU-hours count as $0 cloud-equivalent. Add a price on the price catalog page."]);
  });
});
