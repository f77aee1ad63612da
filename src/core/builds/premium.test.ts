import { describe, expect, it } from "vitest";
import { buildTotalMicros, usd } from "./parts";
import { breakEvenHoursEstimate, premiumAvoided } from "./premium";
import { SEED_BUILD_ZEUS, SEED_QUOTE_LAMBDA } from "@seed/build-parts";

describe("premiumAvoided", () => {
  it("is $4,008 for the founding build against the Lambda Labs quote", () => {
    expect(premiumAvoided(buildTotalMicros(SEED_BUILD_ZEUS), SEED_QUOTE_LAMBDA.priceMicros)).toBe(usd(4_008));
  });

  it("is negative when the vendor was cheaper", () => {
    expect(premiumAvoided(usd(12_000), usd(10_000))).toBe(-usd(2_000));
  });
});

describe("breakEvenHoursEstimate", () => {
  it("zeus with all 3 GPUs busy at the P100-equivalent rate breaks even after 1,141 hours", () => {
    // Per GPU slice: $1.46 GPU + 5 x $0.031611 vCPU + 40 x $0.004237 GB = $1.787535/h (PRODUCT.md).
    const cloud = 3 * 1_787_535;
    // 100 W baseline + 3 x 250 W at $0.13/kWh = 0.85 kW x $0.13 = $0.1105/h.
    const energy = 110_500;
    const hours = breakEvenHoursEstimate({ capexMicros: usd(5_992), cloudRateMicrosPerHour: cloud, energyMicrosPerHour: energy });
    expect(hours).toBe(1_141);
    // Rounded up: 1,140 hours fall short, 1,141 cover the capex.
    expect(1_140 * (cloud - energy)).toBeLessThan(usd(5_992));
    expect(1_141 * (cloud - energy)).toBeGreaterThanOrEqual(usd(5_992));
  });

  it.each([
    { capex: 1_000, cloud: 30, energy: 10, hours: 50 },
    { capex: 1_001, cloud: 30, energy: 10, hours: 51 },
    { capex: 0, cloud: 30, energy: 10, hours: 0 },
    { capex: 1_000, cloud: 10, energy: 10, hours: null },
    { capex: 1_000, cloud: 5, energy: 10, hours: null },
  ])("capex $capex, cloud $cloud/h, energy $energy/h -> $hours h", ({ capex, cloud, energy, hours }) => {
    expect(breakEvenHoursEstimate({ capexMicros: capex, cloudRateMicrosPerHour: cloud, energyMicrosPerHour: energy })).toBe(hours);
  });
});
