import { describe, expect, it } from "vitest";
import { dollarsInputText, parseDollars } from "./money";

describe("parseDollars", () => {
  it.each([
    ["0.13", 130_000n],
    ["$0.13", 130_000n],
    [".5", 500_000n],
    ["6000", 6_000_000_000n],
    ["6,000.00", 6_000_000_000n],
    ["$ 1,299.99", 1_299_990_000n],
    ["0.031611", 31_611n],
    ["0.1", 100_000n],
    ["0.000001", 1n],
    ["12.", 12_000_000n],
    ["  2.48 ", 2_480_000n],
    ["0", 0n],
  ])("reads %j as %s micro-dollars", (text, micros) => {
    expect(parseDollars(text)).toEqual({ ok: true, micros });
  });

  it("stays exact where a float would not (0.1 + 0.2 style amounts)", () => {
    const sum = [parseDollars("0.1"), parseDollars("0.2")].reduce((acc, p) => acc + (p.ok ? p.micros : 0n), 0n);
    expect(sum).toBe(300_000n);
    expect(parseDollars("9007199254740993.000001")).toEqual({ ok: true, micros: 9_007_199_254_740_993_000_001n });
  });

  it.each([
    ["", "must not be empty"],
    ["   ", "must not be empty"],
    ["-1", "must be an amount in dollars, like 0.13 or 6,000"],
    ["1e3", "must be an amount in dollars, like 0.13 or 6,000"],
    ["12,34", "must be an amount in dollars, like 0.13 or 6,000"],
    ["abc", "must be an amount in dollars, like 0.13 or 6,000"],
    [".", "must be an amount in dollars, like 0.13 or 6,000"],
    ["1.2.3", "must be an amount in dollars, like 0.13 or 6,000"],
    ["0.0000001", "must have at most 6 decimals (a micro-dollar)"],
  ])("refuses %j: %s", (text, error) => {
    expect(parseDollars(text)).toEqual({ ok: false, error });
  });

  it("refuses more than the maximum", () => {
    expect(parseDollars("10.000001", { max: 10_000_000n })).toEqual({ ok: false, error: "must be at most $10.00" });
    expect(parseDollars("10", { max: 10_000_000n })).toEqual({ ok: true, micros: 10_000_000n });
  });
});

describe("dollarsInputText", () => {
  it.each([
    [130_000n, "0.13"],
    [6_000_000_000n, "6000.00"],
    [31_611n, "0.031611"],
    [0n, "0.00"],
    [1n, "0.000001"],
    [1_500_000n, "1.50"],
  ])("writes %s micro-dollars as %j", (micros, text) => {
    expect(dollarsInputText(micros)).toBe(text);
  });

  it("round-trips through parseDollars", () => {
    for (const micros of [0n, 1n, 130_000n, 2_933_908n, 6_000_000_000n, 123_456_789_012n]) {
      expect(parseDollars(dollarsInputText(micros))).toEqual({ ok: true, micros });
    }
  });
});
