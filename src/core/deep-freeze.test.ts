import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { deepFreeze } from "./deep-freeze";

function everyObjectFrozen(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return true;
  if (!Object.isFrozen(value)) return false;
  return (Array.isArray(value) ? value : Object.values(value)).every(everyObjectFrozen);
}

describe("deepFreeze", () => {
  it("freezes every nested object and array and returns the same value", () => {
    const at = new Date(0);
    const value = { a: [1, { b: "x", at }], c: { d: null, e: 10n } };
    expect(deepFreeze(value)).toBe(value);
    expect(everyObjectFrozen(value)).toBe(true);
    expect(Object.isFrozen(at)).toBe(true);
    expect(() => {
      (value.a as unknown[]).push(2);
    }).toThrow(TypeError);
  });

  it("leaves primitives as they are", () => {
    for (const v of [1, "s", null, undefined, 5n, true]) expect(deepFreeze(v)).toBe(v);
  });

  it("refuses a Map or Set, whose contents freezing cannot protect", () => {
    expect(() => deepFreeze({ m: new Map() })).toThrow(/Map or Set/);
  });

  it("freezes any JSON-like value entirely and keeps it equal", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (json) => {
        const copy = structuredClone(json);
        const frozen = deepFreeze(json);
        expect(frozen).toEqual(copy);
        expect(everyObjectFrozen(frozen)).toBe(true);
      }),
    );
  });
});
