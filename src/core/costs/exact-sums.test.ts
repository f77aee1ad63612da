import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ExactSums } from "./exact-sums";

describe("ExactSums", () => {
  it("adds products exactly, past 2^53 too", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(3), fc.bigInt({ min: 0n, max: 2n ** 60n }), fc.nat()), { maxLength: 40 }), (adds) => {
        const sums = new ExactSums(4);
        const expected = [0n, 0n, 0n, 0n];
        for (const [slot, a, b] of adds) {
          sums.addProduct(slot, Number(a), b, a);
          expected[slot]! += a * BigInt(b);
        }
        expect([0, 1, 2, 3].map((i) => sums.get(i))).toEqual(expected);
        expect([0, 1, 2, 3].map((i) => sums.isZero(i))).toEqual(expected.map((e) => e === 0n));
      }),
    );
  });

  it("spills a sum that would leave the exact range of a number", () => {
    const sums = new ExactSums(1);
    sums.addProduct(0, Number.MAX_SAFE_INTEGER, 1, BigInt(Number.MAX_SAFE_INTEGER));
    sums.addProduct(0, 1, 1, 1n);
    expect(sums.get(0)).toBe(2n ** 53n);
  });
});
