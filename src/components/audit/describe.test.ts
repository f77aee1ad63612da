import { describe, expect, it } from "vitest";
import { describeAction, describeChange } from "./describe";

describe("describeChange", () => {
  it("lists the fields that differ", () => {
    expect(describeChange({ team: "Vision", name: "A" }, { team: "NLP", name: "A" }, "UTC")).toEqual(["team: Vision → NLP"]);
    expect(describeChange(null, { gpus: [] }, "UTC")).toEqual(["gpus: — → none"]);
  });

  it("words an import's counts instead of printing [object Object]", () => {
    const lines = describeChange(null, { created: { machines: 0, slices: 9150 }, updated: { machines: 0 } }, "UTC");
    expect(lines).toEqual(["created: — → slices 9,150", "updated: — → none"]);
  });

  it("shows the instants of a snapshot in the viewer's zone", () => {
    expect(describeChange({ end: "2026-12-07T09:00:00.000Z" }, { end: "2026-12-07T13:00:00.000Z" }, "Asia/Kolkata")).toEqual(["end: 7 Dec 2026, 14:30 GMT+5:30 → 7 Dec 2026, 18:30 GMT+5:30"]);
  });

  it("falls back to the code of an unknown action", () => {
    expect(describeAction("slice.approve-override")).toBe("approved over quota slice");
    expect(describeAction("nobody.knows")).toBe("nobody.knows");
  });
});
