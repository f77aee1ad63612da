import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { deserializeOutput, serializeOutput } from "./wire-format";

const roundTrip = (value: unknown) => deserializeOutput(serializeOutput(value));

/** What outputs are made of: plain objects and arrays of JSON values, Dates, bigints and undefined. */
const leaf = fc.oneof(
  fc.string(),
  fc.string().map((s) => `\u0000${s}`),
  fc.constantFrom("\u0000D123", "\u0000B9", "\u0000U", "\u0000", "J", "D"),
  fc.double(),
  fc.integer(),
  fc.bigInt(),
  fc.date({ noInvalidDate: true }),
  fc.boolean(),
  fc.constant(null),
);
const output = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: "small" }, leaf, tie("array"), tie("object")),
  array: fc.array(fc.oneof(tie("value"), fc.constant(undefined)), { maxLength: 5 }),
  object: fc.dictionary(fc.string(), fc.oneof(tie("value"), fc.constant(undefined)), { maxKeys: 5 }),
})).value;

/** JSON leaves undefined properties out and writes -0 as 0; the pages cannot tell the difference. */
function asJsonKeepsIt(value: unknown): unknown {
  if (Object.is(value, -0)) return 0;
  if (Array.isArray(value)) return value.map(asJsonKeepsIt);
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, asJsonKeepsIt(v)]));
  }
  return value;
}

describe("the output wire format", () => {
  it("gives back every output as it was (but for undefined properties, which JSON leaves out, and -0, which it writes as 0)", () => {
    fc.assert(
      fc.property(output, (value) => {
        expect(roundTrip(value)).toStrictEqual(asJsonKeepsIt(value));
      }),
      { numRuns: 500, examples: [[-0], [[-0, { z: -0 }]]] },
    );
  });

  it("carries what JSON cannot: Dates, bigints, NaN, ±Infinity, -0 as 0, undefined in arrays and as the whole output", () => {
    const value = { at: new Date("2026-12-07T09:00:00.123Z"), micros: -12_345_678_901_234_567_890n, nan: Number.NaN, inf: [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY], list: [1, undefined, 2], gone: undefined };
    expect(roundTrip(value)).toStrictEqual({ at: value.at, micros: value.micros, nan: Number.NaN, inf: value.inf, list: [1, undefined, 2] });
    expect(roundTrip(undefined)).toBeUndefined();
    expect(roundTrip(null)).toBeNull();
    expect(roundTrip(new Date(0))).toStrictEqual(new Date(0));
    expect(roundTrip(7n)).toBe(7n);
    expect(roundTrip(-0)).toBe(0);
  });

  it("is JSON a browser can read, with the tags as strings", () => {
    expect(serializeOutput({ a: 1n, b: new Date(5), c: "\u0000x" })).toBe('J{"a":"\\u0000B1","b":"\\u0000D5","c":"\\u0000S\\u0000x"}');
  });

  it("sends what is not plain data (a Map, a Set) whole through devalue, as every output went before", () => {
    const value = { seen: new Map([["a", 1n]]), tags: new Set(["x"]), when: new Date(9) };
    expect(serializeOutput(value)[0]).toBe("D");
    expect(roundTrip(value)).toStrictEqual(value);
  });
});
