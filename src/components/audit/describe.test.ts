import { describe, expect, it } from "vitest";
import { describeAction, describeChange } from "./describe";

describe("describeChange", () => {
  it("lists the fields that differ", () => {
    expect(describeChange({ team: "Vision", name: "A" }, { team: "NLP", name: "A" })).toEqual(["team: Vision → NLP"]);
    expect(describeChange(null, { gpus: [] })).toEqual(["gpus: — → none"]);
  });

  it("words an import's counts instead of printing [object Object]", () => {
    const lines = describeChange(null, { created: { machines: 0, slices: 9150 }, updated: { machines: 0 } });
    expect(lines).toEqual(["created: — → slices 9,150", "updated: — → none"]);
  });

  it("falls back to the code of an unknown action", () => {
    expect(describeAction("slice.approve-override")).toBe("approved over quota slice");
    expect(describeAction("nobody.knows")).toBe("nobody.knows");
  });
});
