import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ceilDiv, formatMicrosDecimal, formatUsd, formatUsdPrecise, roundHalfAwayFromZero } from "./money";

describe("roundHalfAwayFromZero", () => {
  it.each([
    [7n, 2n, 4n],
    [-7n, 2n, -4n],
    [5n, 3n, 2n],
    [-5n, 3n, -2n],
    [4n, 3n, 1n],
    [-4n, 3n, -1n],
    [0n, 9n, 0n],
    [1n, 2n, 1n],
    [-1n, 2n, -1n],
    [1n, 3n, 0n],
  ])("%s / %s -> %s", (n, d, expected) => {
    expect(roundHalfAwayFromZero(n, d)).toBe(expected);
  });

  it("is the nearest integer, ties away from zero", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.bigInt({ min: 1n, max: 10n ** 15n }), (n, d) => {
        const r = roundHalfAwayFromZero(n, d);
        const error = r * d - n; // the rounding error, scaled by d
        expect(2n * (error < 0n ? -error : error) <= d).toBe(true);
        if (2n * (error < 0n ? -error : error) === d) expect(r < 0n ? error < 0n : error > 0n).toBe(true);
        expect(roundHalfAwayFromZero(-n, d)).toBe(-r);
      }),
    );
  });

  it("refuses a non-positive denominator", () => {
    expect(() => roundHalfAwayFromZero(1n, 0n)).toThrow(RangeError);
  });
});

describe("ceilDiv", () => {
  it.each([
    [0n, 7n, 0n],
    [7n, 7n, 1n],
    [8n, 7n, 2n],
    [3_600_000n, 7n, 514_286n],
  ])("ceil(%s / %s) = %s", (n, d, expected) => {
    expect(ceilDiv(n, d)).toBe(expected);
  });
});

describe("formatting", () => {
  it("shows PRODUCT.md's savings as $11.76 and $11.762648", () => {
    expect(formatUsd(11_762_648n)).toBe("$11.76");
    expect(formatUsdPrecise(11_762_648n)).toBe("$11.762648");
    expect(formatMicrosDecimal(11_762_648n)).toBe("11.762648");
  });

  it.each([
    [0n, "$0.00"],
    [4_999n, "$0.00"],
    [5_000n, "$0.01"],
    [-5_000n, "-$0.01"],
    [-4_999n, "$0.00"],
    [6_000_000_000n, "$6,000.00"],
    [1_234_567_894_999n, "$1,234,567.89"],
    [1_234_567_895_000n, "$1,234,567.90"],
    [-11_762_648n, "-$11.76"],
  ])("formatUsd(%s) = %s", (micros, text) => {
    expect(formatUsd(micros)).toBe(text);
  });

  it.each([
    [0n, "$0.000000", "0.000000"],
    [1n, "$0.000001", "0.000001"],
    [-228_154n, "-$0.228154", "-0.228154"],
    [6_000_000_000n, "$6,000.000000", "6000.000000"],
  ])("precise forms of %s", (micros, precise, decimal) => {
    expect(formatUsdPrecise(micros)).toBe(precise);
    expect(formatMicrosDecimal(micros)).toBe(decimal);
  });
});
