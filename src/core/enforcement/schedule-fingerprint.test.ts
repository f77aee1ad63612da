import { describe, expect, it } from "vitest";
import { scheduleFingerprintInput } from "./schedule-fingerprint";
import { H, zeusDoc, zeusSlice } from "@test/core/enforcement-fixtures";

const a = zeusSlice("a", "priya", 0, 9, 19);
const b = zeusSlice("b", "marco", 1, 10, 14);

describe("scheduleFingerprintInput", () => {
  it("ignores the window's bounds and the order of slices", () => {
    const doc = zeusDoc([a, b]);
    expect(scheduleFingerprintInput({ ...doc, from: doc.from + H, to: doc.to + H, slices: [b, a] }, "enforce")).toBe(scheduleFingerprintInput(doc, "enforce"));
  });

  it("changes with the mode, an end, a GPU, a person or the login profile", () => {
    const base = scheduleFingerprintInput(zeusDoc([a, b]), "enforce");
    const variants = [
      scheduleFingerprintInput(zeusDoc([a, b]), "warn"),
      scheduleFingerprintInput(zeusDoc([a, { ...b, end: b.end - H }]), "enforce"),
      scheduleFingerprintInput(zeusDoc([a, { ...b, gpus: [{ index: 2, uuid: "GPU-x" }] }]), "enforce"),
      scheduleFingerprintInput(zeusDoc([a, { ...b, linuxUsername: "lena" }]), "enforce"),
      scheduleFingerprintInput({ ...zeusDoc([a, b]), loginProfile: { threads: 1, ramGb: 2 } }, "enforce"),
      scheduleFingerprintInput(zeusDoc([a]), "enforce"),
    ];
    expect(new Set([base, ...variants]).size).toBe(variants.length + 1);
  });
});
