import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { activeParts, buildTotalMicros, countOf, partLabel, PART_CATEGORIES, usd, type Part } from "./parts";
import { SEED_BUILD_ATLAS, SEED_BUILD_PLANNED, SEED_BUILD_ZEUS } from "@seed/build-parts";

const partArb: fc.Arbitrary<Part> = fc.record({
  id: fc.string(),
  category: fc.constantFrom(...PART_CATEGORIES),
  name: fc.string(),
  quantity: fc.integer({ min: 0, max: 1_000 }),
  unitPriceMicros: fc.integer({ min: 0, max: 10_000_000_000 }),
  specs: fc.constant({}),
});

describe("buildTotalMicros", () => {
  it("equals the exact sum of quantity x unit price", () => {
    fc.assert(
      fc.property(fc.array(partArb, { maxLength: 20 }), (parts) => {
        const exact = parts.reduce((sum, p) => sum + BigInt(p.quantity) * BigInt(p.unitPriceMicros), 0n);
        expect(BigInt(buildTotalMicros(parts))).toBe(exact);
      }),
      { numRuns: 500 },
    );
  });

  it("prices the seed builds", () => {
    expect(buildTotalMicros(SEED_BUILD_ZEUS)).toBe(usd(5_992));
    expect(buildTotalMicros(SEED_BUILD_ATLAS)).toBe(usd(17_720));
    expect(buildTotalMicros(SEED_BUILD_PLANNED)).toBe(usd(8_278));
  });

  it("refuses a total that is no longer an exact integer", () => {
    const huge: Part = { id: "x", category: "other", name: "x", quantity: 2, unitPriceMicros: Number.MAX_SAFE_INTEGER, specs: {} };
    expect(() => buildTotalMicros([huge])).toThrow(RangeError);
  });
});

describe("the founding build matches the story in PRODUCT.md", () => {
  it("is about $6,000 (within 1 %)", () => {
    expect(Math.abs(buildTotalMicros(SEED_BUILD_ZEUS) - usd(6_000))).toBeLessThan(usd(60));
  });

  it("has 3 GTX 1080 Ti, 16 threads and 128 GB: the 5-thread / 40 GB slice profile", () => {
    expect(countOf(SEED_BUILD_ZEUS, "gpu")).toBe(3);
    const threads = SEED_BUILD_ZEUS.find((p) => p.category === "cpu")?.specs.threads;
    const ramGb = SEED_BUILD_ZEUS.filter((p) => p.category === "ram").reduce((gb, p) => gb + p.quantity * (p.specs.moduleSizeGb ?? 0), 0);
    expect([threads, ramGb]).toEqual([16, 128]);
  });
});

describe("helpers", () => {
  const gpu = (quantity: number): Part => ({ id: `g${quantity}`, category: "gpu", name: "GPU", quantity, unitPriceMicros: 0, specs: {} });

  it("countOf sums quantities and ignores what-if lines at quantity 0", () => {
    expect(countOf([gpu(3), gpu(1), gpu(0)], "gpu")).toBe(4);
    expect(countOf([gpu(3)], "cpu")).toBe(0);
    expect(activeParts([gpu(0), gpu(2)]).map((p) => p.id)).toEqual(["g2"]);
  });

  it("partLabel shows the quantity only when it is not 1", () => {
    expect(partLabel(gpu(1))).toBe("GPU");
    expect(partLabel(gpu(3))).toBe("3 × GPU");
  });

  it("usd converts whole dollars and rejects fractions", () => {
    expect(usd(6_000)).toBe(6_000_000_000);
    expect(() => usd(4.99)).toThrow(RangeError);
  });
});
