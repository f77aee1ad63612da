import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { unstorableTextPath } from "./storable-text";

describe("unstorableTextPath", () => {
  it.each([
    ["a NUL in a top-level field", { name: "GTX\u00001080" }, "name"],
    ["a NUL in a nested array item", { quotes: [{ vendor: "ok" }, { vendor: "x\u0000" }] }, "quotes[1].vendor"],
    ["a lone high surrogate", { reason: "\uD800" }, "reason"],
    ["a lone low surrogate", { reason: "end \uDFFF" }, "reason"],
    ["a bare string input", "\u0000", "input"],
    ["a NUL in an object key", { specs: { "k\u0000": 1 } }, "specs.k\u0000"],
  ])("finds %s", (_label, input, path) => {
    expect(unstorableTextPath(input)).toBe(path);
  });

  it.each([
    ["plain text", { name: "GTX 1080 Ti", reason: "'; DROP TABLE slice; --" }],
    ["emoji (paired surrogates)", { name: "🙂".repeat(3) }],
    ["non-text values", { n: 1, d: new Date(0), b: true, nothing: null, list: [1, 2] }],
    ["no input", undefined],
  ])("accepts %s", (_label, input) => {
    expect(unstorableTextPath(input)).toBeNull();
  });

  it("accepts every well-formed string without NUL", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }).filter((s) => !s.includes("\u0000")), (s) => {
        expect(unstorableTextPath({ s })).toBeNull();
      }),
    );
  });
});

describe("unstorableTextPath on deep input", () => {
  it("walks 100,000 levels of nesting without overflowing the stack", () => {
    let deep: unknown = "x\u0000";
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(unstorableTextPath(deep)).toMatch(/^(\[0\]){100000}$/);
  });
});
