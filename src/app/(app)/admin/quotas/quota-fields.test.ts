import { describe, expect, it } from "vitest";
import { DEFAULT_QUOTA_POLICY } from "@/core/slices/quotas";
import { LIMIT_FIELDS, parseLimit, showLimit } from "./quota-fields";

describe("quota form values", () => {
  it("reads blank as inherit and 0 as no limit", () => {
    expect(parseLimit("  ")).toEqual({ ok: true, value: null });
    expect(parseLimit("0")).toEqual({ ok: true, value: 0 });
    expect(parseLimit(" 168 ")).toEqual({ ok: true, value: 168 });
  });

  it.each(["-1", "1.5", "abc", "1e3", "1000001"])("refuses %j", (text) => {
    expect(parseLimit(text)).toEqual({ ok: false });
  });

  it("shows an absent limit as no limit", () => {
    expect(showLimit(undefined)).toBe("no limit");
    expect(showLimit(1500)).toBe("1,500");
  });

  it("finds each stored limit in the resolved policy", () => {
    expect(LIMIT_FIELDS.map((f) => f.of(DEFAULT_QUOTA_POLICY))).toEqual([3, 1500, 1, 1, 168, 30]);
  });
});
