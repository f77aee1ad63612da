import { describe, expect, it } from "vitest";
import { formatFieldPath } from "./field-path";

describe("formatFieldPath", () => {
  it("writes array indices in brackets and keys with dots", () => {
    expect(formatFieldPath(["machines", 2, "gpus", 1, "model"])).toBe("machines[2].gpus[1].model");
    expect(formatFieldPath(["end"])).toBe("end");
    expect(formatFieldPath([0, "name"])).toBe("[0].name");
    expect(formatFieldPath([])).toBe("");
  });
});
