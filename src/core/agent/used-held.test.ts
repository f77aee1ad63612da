import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { groupUsedHeld, idleHeldCostMicros, type SliceUse } from "./used-held";

const use = (over: Partial<SliceUse>): SliceUse => ({ sliceId: "s", machine: "zeus", team: "Vision", person: "Alice", heldGpuHours: 10, cloudMicros: 17_875_350n, measuredGpuHours: 10, usedGpuHours: 10, ...over });

describe("used versus held GPU-hours", () => {
  it("prices idle held hours at the slice's cloud-equivalent per held hour (PRODUCT.md's worked example: $1.787535/h)", () => {
    expect(idleHeldCostMicros(use({ usedGpuHours: 6 }))).toBe(7_150_140n); // 4 idle hours
    expect(idleHeldCostMicros(use({ usedGpuHours: 10 }))).toBe(0n);
  });

  it("does not count hours without telemetry as idle", () => {
    expect(idleHeldCostMicros(use({ measuredGpuHours: 5, usedGpuHours: 5 }))).toBe(0n);
    expect(idleHeldCostMicros(use({ measuredGpuHours: 5, usedGpuHours: 1 }))).toBe(7_150_140n);
  });

  it("groups by machine, team and person, most idle cost first", () => {
    const rows = groupUsedHeld([use({ person: "Alice", usedGpuHours: 9 }), use({ person: "Bob", usedGpuHours: 2 }), use({ person: "Alice", usedGpuHours: 10 })], "person");
    expect(rows.map((r) => [r.key, r.heldGpuHours, r.usedGpuHours, r.idleHeldGpuHours])).toEqual([["Bob", 10, 2, 8], ["Alice", 20, 19, 1]]);
    expect(groupUsedHeld([use({}), use({})], "team")).toHaveLength(1);
  });

  it("never costs more than the slice, nor less than nothing (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 1000, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.bigInt({ min: 0n, max: 10n ** 12n }), (held, measuredShare, usedShare, cloud) => {
        const measured = held * measuredShare;
        const cost = idleHeldCostMicros({ heldGpuHours: held, measuredGpuHours: measured, usedGpuHours: measured * usedShare, cloudMicros: cloud });
        expect(cost >= 0n && cost <= cloud).toBe(true);
      }),
    );
  });
});
