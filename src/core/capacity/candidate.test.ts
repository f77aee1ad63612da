import { describe, expect, it } from "vitest";
import { SEED_BUILD_PLANNED } from "@seed/build-parts";
import { machineFromBuild } from "./candidate";

describe("machineFromBuild", () => {
  it("turns the planned 2× RTX 5090 build into a machine with the catalog's prices", () => {
    const m = machineFromBuild({
      id: "planned",
      name: "Planned 2× RTX 5090",
      parts: SEED_BUILD_PLANNED,
      models: [{ name: "RTX 5090", vramGb: 32, cloudMicrosPerHour: 3_670_000 }, { name: "RTX 509", vramGb: 1, cloudMicrosPerHour: 1 }],
      cloudMicrosPerThreadHour: 31_611,
      cloudMicrosPerGbHour: 4_237,
    });
    expect(m.gpus).toEqual([
      { id: "planned-g0", model: "RTX 5090", vramGb: 32, cloudMicrosPerHour: 3_670_000 },
      { id: "planned-g1", model: "RTX 5090", vramGb: 32, cloudMicrosPerHour: 3_670_000 },
    ]);
    expect(m).toMatchObject({ threads: 48, ramGb: 128, status: "active", reservedThreads: 1, reservedRamGb: 8 });
  });
});
