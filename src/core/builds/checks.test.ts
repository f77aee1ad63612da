import { describe, expect, it } from "vitest";
import { checkBuild, RULE_IDS, splitLanes, summarizeChecks, type CheckResult, type CheckStatus, type RuleId } from "./checks";
import { buildTotalMicros, usd, type Part, type PartCategory, type PartSpecs } from "./parts";
import { SEED_BUILD_ATLAS, SEED_BUILD_PLANNED, SEED_BUILD_ZEUS } from "@seed/build-parts";

const ZEUS = SEED_BUILD_ZEUS;
const ATLAS = SEED_BUILD_ATLAS;

function result(parts: readonly Part[], rule: RuleId): CheckResult {
  const found = checkBuild(parts).find((r) => r.rule === rule);
  if (!found) throw new Error(`no result for ${rule}`);
  return found;
}

/** A copy of the build with one line changed; specs are merged, not replaced. */
function change(parts: readonly Part[], id: string, patch: Omit<Partial<Part>, "specs"> & { specs?: PartSpecs }): Part[] {
  return parts.map((p) => (p.id === id ? { ...p, ...patch, specs: { ...p.specs, ...patch.specs } } : p));
}
const drop = (parts: readonly Part[], ...categories: PartCategory[]): Part[] =>
  parts.filter((p) => !categories.includes(p.category));

let nextId = 0;
function part(category: PartCategory, name: string, specs: PartSpecs = {}, quantity = 1): Part {
  nextId += 1;
  return { id: `test-${nextId}`, category, name, quantity, unitPriceMicros: usd(100), specs };
}

interface Case {
  name: string;
  parts: readonly Part[];
  status: CheckStatus;
  /** Fragments the message must contain: the parts it names and the numbers it shows. */
  says: string[];
}

function table(rule: RuleId, cases: Case[]): void {
  describe(rule, () => {
    it.each(cases)("$name -> $status", ({ parts, status, says }) => {
      const r = result(parts, rule);
      expect(r.status).toBe(status);
      for (const fragment of says) expect(r.message).toContain(fragment);
    });
  });
}

const X299 = "ASUS PRIME X299-A";
const I7 = "Intel Core i7-7820X";
const TI = "NVIDIA GeForce GTX 1080 Ti Founders Edition 11 GB";

table("cpu-socket", [
  { name: "seed build", parts: ZEUS, status: "pass", says: [I7, X299, "LGA2066"] },
  {
    name: "AM4 CPU on an LGA2066 board",
    parts: change(ZEUS, "zeus-cpu", { name: "AMD Ryzen 7 2700X", specs: { socket: "AM4" } }),
    status: "fail",
    says: ["AMD Ryzen 7 2700X needs socket AM4", `${X299} has LGA2066`],
  },
  { name: "same socket spelled differently", parts: change(ZEUS, "zeus-cpu", { specs: { socket: "lga 2066" } }), status: "pass", says: [I7] },
  { name: "no CPU", parts: drop(ZEUS, "cpu"), status: "warn", says: ["Add a CPU", X299] },
  { name: "CPU line with quantity 0", parts: change(ZEUS, "zeus-cpu", { quantity: 0 }), status: "warn", says: ["Add a CPU"] },
  { name: "no motherboard", parts: drop(ZEUS, "motherboard"), status: "warn", says: ["Add a motherboard to check the socket of", I7] },
  { name: "neither", parts: drop(ZEUS, "cpu", "motherboard"), status: "warn", says: ["Add a CPU and a motherboard"] },
  {
    name: "board socket unknown",
    parts: change(ZEUS, "zeus-board", { specs: { socket: undefined } }),
    status: "warn",
    says: [`Socket unknown for ${X299}`],
  },
  {
    name: "one of two boards does not fit",
    parts: [...ZEUS, part("motherboard", "ASUS ROG Crosshair VII Hero", { socket: "AM4" })],
    status: "fail",
    says: ["ASUS ROG Crosshair VII Hero has AM4"],
  },
]);

table("ram-type", [
  { name: "seed build", parts: ZEUS, status: "pass", says: ["8 × Corsair Vengeance LPX 16 GB DDR4-3000 is DDR4", X299] },
  {
    name: "DDR5 modules on a DDR4 board",
    parts: change(ZEUS, "zeus-ram", { name: "Kingston FURY Beast 16 GB DDR5-5200", specs: { ramType: "DDR5" } }),
    status: "fail",
    says: ["Kingston FURY Beast 16 GB DDR5-5200 is DDR5", `${X299} takes DDR4`],
  },
  { name: "type in lower case", parts: change(ZEUS, "zeus-ram", { specs: { ramType: "ddr4" } }), status: "pass", says: [] },
  { name: "no RAM", parts: drop(ZEUS, "ram"), status: "warn", says: ["Add RAM", X299] },
  { name: "RAM type unknown", parts: change(ZEUS, "zeus-ram", { specs: { ramType: undefined } }), status: "warn", says: ["RAM type unknown"] },
  { name: "no motherboard", parts: drop(ZEUS, "motherboard"), status: "warn", says: ["Add a motherboard"] },
]);

table("ram-capacity", [
  { name: "seed build: 8 x 16 GB", parts: ZEUS, status: "pass", says: ["8 RAM modules fit the 8 DIMM slots of", "128 GB of RAM is within the 128 GB"] },
  {
    name: "12 modules on 8 slots",
    parts: change(ZEUS, "zeus-ram", { quantity: 12, specs: { moduleSizeGb: 8 } }),
    status: "fail",
    says: ["12 RAM modules", `need 12 DIMM slots; ${X299} has 8`],
  },
  {
    name: "256 GB on a 128 GB board",
    parts: change(ZEUS, "zeus-ram", { specs: { moduleSizeGb: 32 } }),
    status: "fail",
    says: ["total 256 GB", `${X299} takes at most 128 GB`],
  },
  {
    name: "two RAM lines add up",
    parts: [...change(ZEUS, "zeus-ram", { quantity: 4 }), part("ram", "Crucial 16 GB DDR4-2666", { ramType: "DDR4", moduleSizeGb: 16 }, 4)],
    status: "pass",
    says: ["8 RAM modules", "128 GB"],
  },
  {
    name: "module size unknown",
    parts: change(ZEUS, "zeus-ram", { specs: { moduleSizeGb: undefined } }),
    status: "warn",
    says: ["Module size unknown for 8 × Corsair Vengeance"],
  },
  {
    name: "known sizes already exceed the maximum",
    parts: [
      ...change(change(ZEUS, "zeus-board", { specs: { dimmSlots: 16 } }), "zeus-ram", { quantity: 4, specs: { moduleSizeGb: 64 } }),
      part("ram", "Unlabelled DIMM", { ramType: "DDR4" }, 2),
    ],
    status: "fail",
    says: ["total 256 GB"],
  },
  { name: "board maximum unknown", parts: change(ZEUS, "zeus-board", { specs: { maxRamGb: undefined } }), status: "warn", says: [`Maximum RAM unknown for ${X299}`] },
  { name: "no motherboard", parts: drop(ZEUS, "motherboard"), status: "warn", says: ["Add a motherboard"] },
]);

table("gpu-slots", [
  { name: "seed build: 3 dual-slot cards", parts: ZEUS, status: "pass", says: ["3 GPUs", `3 usable x16 slots of ${X299}`, "6 of the 8 expansion slots"] },
  {
    name: "a 4th GTX 1080 Ti on the same line",
    parts: change(ZEUS, "zeus-gpu", { quantity: 4 }),
    status: "fail",
    says: ["4 GPUs", TI, `${X299} has 3 usable`],
  },
  {
    name: "a 4th line kept at quantity 0 as a what-if",
    parts: [...ZEUS, part("gpu", "NVIDIA GeForce GTX 1080 Ti", { slotWidth: 2 }, 0)],
    status: "pass",
    says: ["3 GPUs"],
  },
  {
    name: "triple-slot cards overflow the case",
    parts: change(ZEUS, "zeus-gpu", { name: "ASUS ROG Strix RTX 3090", specs: { slotWidth: 3 } }),
    status: "fail",
    says: ["3 × ASUS ROG Strix RTX 3090 take 9 slot positions", "Corsair Carbide Series Air 540 has 8 expansion slots"],
  },
  {
    name: "4 dual-slot cards in a 7-opening case",
    parts: change(ATLAS, "atlas-case", { name: "Generic ATX tower", specs: { expansionSlots: 7 } }),
    status: "fail",
    says: ["take 8 slot positions", "Generic ATX tower has 7"],
  },
  { name: "no GPU", parts: drop(ZEUS, "gpu"), status: "warn", says: ["Add a GPU"] },
  { name: "no case", parts: drop(ZEUS, "case"), status: "warn", says: ["Add a case", TI] },
  { name: "no motherboard", parts: drop(ZEUS, "motherboard"), status: "warn", says: ["Add a motherboard"] },
  { name: "slot width unknown", parts: change(ZEUS, "zeus-gpu", { specs: { slotWidth: undefined } }), status: "warn", says: ["Slot width unknown"] },
  { name: "board slots unknown", parts: change(ZEUS, "zeus-board", { specs: { pcieX16Slots: undefined } }), status: "warn", says: [`x16 slots unknown for ${X299}`] },
]);

table("pcie-lanes", [
  {
    name: "seed build: 28 lanes for 3 GPUs",
    parts: ZEUS,
    status: "warn",
    says: [`${I7} has 28 PCIe lanes for 3 GPUs`, "want 48", "x16/x8/x4"],
  },
  {
    name: "44 lanes for 2 GPUs",
    parts: change(change(ZEUS, "zeus-cpu", { name: "Intel Core i9-7900X", specs: { cpuPcieLanes: 44 } }), "zeus-gpu", { quantity: 2 }),
    status: "pass",
    says: ["Intel Core i9-7900X has 44 PCIe lanes"],
  },
  { name: "44 lanes for 3 GPUs", parts: change(ZEUS, "zeus-cpu", { specs: { cpuPcieLanes: 44 } }), status: "warn", says: ["x16/x16/x8"] },
  { name: "Atlas: 128 lanes for 4 GPUs", parts: ATLAS, status: "pass", says: ["128 PCIe lanes", "4 GPUs"] },
  {
    name: "dual socket: lanes add up",
    parts: change(ATLAS, "atlas-cpu", { quantity: 2, specs: { cpuPcieLanes: 48 } }),
    status: "pass",
    says: ["96 PCIe lanes"],
  },
  { name: "no CPU", parts: drop(ZEUS, "cpu"), status: "warn", says: ["Add a CPU"] },
  { name: "no GPU", parts: drop(ZEUS, "gpu"), status: "warn", says: ["Add a GPU"] },
  { name: "lanes unknown", parts: change(ZEUS, "zeus-cpu", { specs: { cpuPcieLanes: undefined } }), status: "warn", says: [`PCIe lanes unknown for ${I7}`] },
]);

const loadOf1000: Part[] = [
  part("gpu", "Test GPU", { boardPowerW: 500 }),
  part("cpu", "Test CPU", { tdpW: 400 }),
];

table("psu-headroom", [
  {
    name: "seed build: 1600 W for 990 W",
    parts: ZEUS,
    status: "pass",
    says: ["EVGA SuperNOVA 1600 T2 supplies 1600 W", "750 W", "140 W", "= 990 W", "1237.5 W"],
  },
  {
    name: "1000 W PSU",
    parts: change(ZEUS, "zeus-psu", { name: "EVGA SuperNOVA 1000 G3", specs: { psuWatts: 1000 } }),
    status: "fail",
    says: ["EVGA SuperNOVA 1000 G3 supplies 1000 W", "needs 1237.5 W"],
  },
  { name: "exactly 1.25 x load", parts: [...loadOf1000, part("psu", "1250 W PSU", { psuWatts: 1250 })], status: "pass", says: ["1250 W"] },
  { name: "1 W short", parts: [...loadOf1000, part("psu", "1249 W PSU", { psuWatts: 1249 })], status: "fail", says: ["needs 1250 W"] },
  { name: "Atlas: two 1600 W units", parts: ATLAS, status: "pass", says: ["2 × Corsair AX1600i supplies 3200 W", "2812.5 W"] },
  { name: "Atlas with one unit", parts: change(ATLAS, "atlas-psu", { quantity: 1 }), status: "fail", says: ["supplies 1600 W", "2812.5 W"] },
  {
    name: "separate PSU lines add up",
    parts: [...change(ATLAS, "atlas-psu", { quantity: 1 }), part("psu", "Second PSU", { psuWatts: 1600 })],
    status: "pass",
    says: ["3200 W"],
  },
  { name: "no PSU", parts: drop(ZEUS, "psu"), status: "warn", says: ["Add a PSU"] },
  { name: "no CPU", parts: drop(ZEUS, "cpu"), status: "warn", says: ["Add a CPU", "EVGA SuperNOVA 1600 T2"] },
  {
    name: "no CPU, GPUs alone already too much",
    parts: drop(change(ZEUS, "zeus-psu", { specs: { psuWatts: 850 } }), "cpu"),
    status: "fail",
    says: ["supplies 850 W"],
  },
  { name: "GPU power unknown", parts: change(ZEUS, "zeus-gpu", { specs: { boardPowerW: undefined } }), status: "warn", says: [`Power draw unknown for 3 × ${TI}`] },
  { name: "PSU watts unknown", parts: change(ZEUS, "zeus-psu", { specs: { psuWatts: undefined } }), status: "warn", says: ["Wattage unknown"] },
]);

table("card-length", [
  { name: "seed build: 267 mm in 320 mm", parts: ZEUS, status: "pass", says: [`${TI} (267 mm)`, "Corsair Carbide Series Air 540 (up to 320 mm)"] },
  {
    name: "358 mm card",
    parts: change(ZEUS, "zeus-gpu", { name: "GIGABYTE AORUS RTX 4090 Master", specs: { cardLengthMm: 358 } }),
    status: "fail",
    says: ["GIGABYTE AORUS RTX 4090 Master is 358 mm long", "fits cards up to 320 mm"],
  },
  { name: "exactly the clearance", parts: change(ZEUS, "zeus-gpu", { specs: { cardLengthMm: 320 } }), status: "pass", says: ["320 mm"] },
  { name: "no case", parts: drop(ZEUS, "case"), status: "warn", says: ["Add a case"] },
  { name: "card length unknown", parts: change(ZEUS, "zeus-gpu", { specs: { cardLengthMm: undefined } }), status: "warn", says: ["Card length unknown"] },
  { name: "clearance unknown", parts: change(ZEUS, "zeus-case", { specs: { gpuClearanceMm: undefined } }), status: "warn", says: ["GPU clearance unknown"] },
]);

describe("the scenarios of the founding story", () => {
  it("the seed build has no fail; only pcie-lanes warns (28 lanes < 48)", () => {
    const statuses = Object.fromEntries(checkBuild(ZEUS).map((r) => [r.rule, r.status]));
    expect(statuses).toEqual({
      "cpu-socket": "pass",
      "ram-type": "pass",
      "ram-capacity": "pass",
      "gpu-slots": "pass",
      "pcie-lanes": "warn",
      "psu-headroom": "pass",
      "card-length": "pass",
    });
  });

  it("a 4th GTX 1080 Ti fails the slot check, naming the GPU and the board", () => {
    const gpu = ZEUS.find((p) => p.id === "zeus-gpu");
    if (!gpu) throw new Error("seed GPU missing");
    const withFourth = [...ZEUS, { ...gpu, id: "zeus-gpu-4", quantity: 1 }];
    const slots = result(withFourth, "gpu-slots");
    expect(slots.status).toBe("fail");
    expect(slots.message).toContain("GTX 1080 Ti");
    expect(slots.message).toContain(X299);
    expect(slots.partIds).toEqual(expect.arrayContaining(["zeus-gpu", "zeus-gpu-4", "zeus-board"]));
    // "A 4th GPU would have made it about $7,000."
    expect(buildTotalMicros(withFourth)).toBe(usd(6_691));
  });

  it("a PSU too small fails", () => {
    expect(result(change(ZEUS, "zeus-psu", { specs: { psuWatts: 1200 } }), "psu-headroom").status).toBe("fail");
  });

  it("a 28-lane CPU with 3 GPUs warns and says how they run", () => {
    const lanes = result(ZEUS, "pcie-lanes");
    expect(lanes.status).toBe("warn");
    expect(lanes.message).toContain("x16/x8/x4");
    expect(lanes.partIds).toEqual(["zeus-cpu", "zeus-gpu"]);
  });

  it("DDR5 RAM on a DDR4 board fails", () => {
    const ram = result(change(ZEUS, "zeus-ram", { specs: { ramType: "DDR5" } }), "ram-type");
    expect(ram.status).toBe("fail");
    expect(ram.partIds).toEqual(["zeus-ram", "zeus-board"]);
  });

  it.each([
    ["Atlas", ATLAS],
    ["the planned 2x RTX 5090 build", SEED_BUILD_PLANNED],
  ])("%s passes every rule", (_name, parts) => {
    expect(checkBuild(parts).map((r) => [r.rule, r.status])).toEqual(RULE_IDS.map((rule) => [rule, "pass"]));
  });
});

describe("checkBuild shape", () => {
  it("returns one result per rule in a fixed order, even for an empty build", () => {
    const results = checkBuild([]);
    expect(results.map((r) => r.rule)).toEqual([...RULE_IDS]);
    expect(results.every((r) => r.status === "warn" && r.message.startsWith("Add "))).toBe(true);
  });

  it("a fail is reported even when another pair passes", () => {
    const compact = part("case", "Compact case", { gpuClearanceMm: 250, expansionSlots: 8 });
    const length = result([...ZEUS, compact], "card-length");
    expect(length.status).toBe("fail");
    expect(length.message).not.toContain("Air 540");
    expect(length.partIds).toEqual(["zeus-gpu", compact.id]);
  });
});

describe("splitLanes", () => {
  it.each([
    [28, 3, [16, 8, 4]],
    [44, 3, [16, 16, 8]],
    [24, 2, [16, 8]],
    [64, 4, [16, 16, 16, 16]],
    [16, 4, [4, 4, 4, 4]],
    [20, 3, [8, 8, 4]],
    [0, 2, [0, 0]],
  ])("%i lanes for %i GPUs -> %j", (lanes, gpus, widths) => {
    expect(splitLanes(lanes, gpus)).toEqual(widths);
  });
});

describe("summarizeChecks", () => {
  it("counts statuses and reports the worst", () => {
    expect(summarizeChecks(checkBuild(ZEUS))).toEqual({ status: "warn", pass: 6, warn: 1, fail: 0 });
    expect(summarizeChecks(checkBuild(change(ZEUS, "zeus-gpu", { quantity: 4 })))).toEqual({
      status: "fail",
      pass: 5,
      warn: 1,
      fail: 1,
    });
    expect(summarizeChecks(checkBuild(ATLAS))).toEqual({ status: "pass", pass: 7, warn: 0, fail: 0 });
    expect(summarizeChecks([])).toEqual({ status: "pass", pass: 0, warn: 0, fail: 0 });
  });
});
