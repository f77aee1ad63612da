import { describe, expect, it } from "vitest";
import { matchGpus } from "./gpu-match";

const portal = [
  { id: "g0", index: 0, uuid: null },
  { id: "g1", index: 1, uuid: "GPU-b" },
  { id: "g2", index: 2, uuid: null },
];

describe("matching reported GPUs to the inventory", () => {
  it("fills missing UUIDs by index on the first report and matches known ones by UUID, whatever their index now", () => {
    const m = matchGpus(portal, [{ uuid: "GPU-a", index: 0 }, { uuid: "GPU-b", index: 2 }]);
    expect([...m.byUuid]).toEqual([["GPU-a", "g0"], ["GPU-b", "g1"]]);
    expect(m.learned).toEqual([{ gpuId: "g0", uuid: "GPU-a" }]);
    expect(m.mismatches).toEqual([]);
  });

  it("reports a UUID that disagrees with the GPU at its index, or is unknown, instead of guessing", () => {
    const m = matchGpus([{ id: "g0", index: 0, uuid: "GPU-a" }], [{ uuid: "GPU-z", index: 0 }, { uuid: "GPU-y", index: 5 }]);
    expect(m.byUuid.size).toBe(0);
    expect(m.learned).toEqual([]);
    expect(m.mismatches).toHaveLength(2);
    expect(m.mismatches[0]).toContain("GPU-z");
  });

  it("refuses a UUID registered on another machine", () => {
    const m = matchGpus([...portal, { id: "x", index: 0, uuid: "GPU-q", elsewhere: "zeus" }], [{ uuid: "GPU-q", index: 0 }]);
    expect(m.mismatches).toEqual([expect.stringContaining("zeus")]);
    expect(m.learned).toEqual([]);
  });
});
