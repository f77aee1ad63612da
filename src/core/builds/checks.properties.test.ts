import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkBuild, RULE_IDS, type CheckStatus, type RuleId } from "./checks";
import { PART_CATEGORIES, type Part, type PartCategory, type PartSpecs } from "./parts";

const RUNS = { numRuns: 300 };

// --- Arbitraries ------------------------------------------------------------------------------

/** Mostly defined, sometimes missing: the checks must warn rather than guess. */
const maybe = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> =>
  fc.option(arb, { freq: 6, nil: undefined });
const int = (min: number, max: number) => fc.integer({ min, max });

const plausibleSpecs: fc.Arbitrary<PartSpecs> = fc.record({
  socket: maybe(fc.constantFrom("LGA2066", "lga 2066", "AM4", "sTR5")),
  ramType: maybe(fc.constantFrom("DDR4", "ddr4", "DDR5")),
  dimmSlots: maybe(int(2, 16)),
  maxRamGb: maybe(fc.constantFrom(64, 128, 256, 2048)),
  moduleSizeGb: maybe(fc.constantFrom(8, 16, 32, 64)),
  pcieX16Slots: maybe(int(1, 7)),
  expansionSlots: maybe(int(4, 10)),
  slotWidth: maybe(int(1, 4)),
  cpuPcieLanes: maybe(int(16, 128)),
  boardPowerW: maybe(int(75, 600)),
  tdpW: maybe(int(35, 400)),
  psuWatts: maybe(int(300, 3000)),
  cardLengthMm: maybe(int(150, 400)),
  gpuClearanceMm: maybe(int(200, 500)),
});

/** Anything a row from storage could hold: negative, fractional, NaN, Infinity or absent. */
const wildNumber = maybe(fc.oneof(fc.integer({ min: -10, max: 5000 }), fc.double()));
const wildSpecs: fc.Arbitrary<PartSpecs> = fc.record(
  {
    socket: fc.string({ maxLength: 8 }),
    ramType: fc.string({ maxLength: 6 }),
    dimmSlots: wildNumber,
    maxRamGb: wildNumber,
    moduleSizeGb: wildNumber,
    pcieX16Slots: wildNumber,
    expansionSlots: wildNumber,
    slotWidth: wildNumber,
    cpuPcieLanes: wildNumber,
    boardPowerW: wildNumber,
    tdpW: wildNumber,
    psuWatts: wildNumber,
    cardLengthMm: wildNumber,
    gpuClearanceMm: wildNumber,
  },
  { requiredKeys: [] },
);

const categoryArb: fc.Arbitrary<PartCategory> = fc.oneof(
  { weight: 9, arbitrary: fc.constantFrom(...PART_CATEGORIES) },
  // Categories the type does not allow still reach the core from bad imports; they are ignored.
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }).map((s) => s as PartCategory) },
);

const partArb = (category: fc.Arbitrary<PartCategory>, specs: fc.Arbitrary<PartSpecs>): fc.Arbitrary<Part> =>
  fc.record({
    id: fc.string({ minLength: 1, maxLength: 6 }),
    category,
    name: fc.string({ maxLength: 12 }),
    quantity: fc.oneof({ weight: 5, arbitrary: int(0, 4) }, { weight: 1, arbitrary: int(-1, 1000) }),
    unitPriceMicros: int(0, 10_000_000_000),
    specs,
  });

const anyBuild = fc.array(partArb(categoryArb, fc.oneof(plausibleSpecs, wildSpecs)), { maxLength: 12 });

/** Builds close enough to real ones that every rule often passes, so implications get tested. */
const line = (category: PartCategory, maxLines: number, minLines = 0) =>
  fc.array(
    partArb(fc.constant(category), plausibleSpecs).map((p) => ({ ...p, quantity: Math.max(0, Math.min(p.quantity, 3)) })),
    { minLength: minLines, maxLength: maxLines },
  );
const withIds = (groups: Part[][]): Part[] => groups.flat().map((p, i) => ({ ...p, id: `p${i}` }));
const plausibleBuild: fc.Arbitrary<Part[]> = fc
  .tuple(line("cpu", 2), line("motherboard", 2), line("gpu", 3), line("ram", 2), line("psu", 2), line("case", 2))
  .map(withIds);
/** One board, one case and a few GPUs: the shape in which gpu-slots can pass. */
const gpuRig: fc.Arbitrary<Part[]> = fc
  .tuple(line("motherboard", 1, 1), line("case", 1, 1), line("gpu", 3, 1), line("cpu", 1))
  .map(withIds);

const statusOf = (parts: readonly Part[], rule: RuleId): CheckStatus | undefined =>
  checkBuild(parts).find((r) => r.rule === rule)?.status;

// --- Properties -------------------------------------------------------------------------------

describe("checkBuild properties", () => {
  it("never throws and always returns one result per rule, in order", () => {
    fc.assert(
      fc.property(anyBuild, (parts) => {
        const results = checkBuild(parts);
        expect(results.map((r) => r.rule)).toEqual([...RULE_IDS]);
        for (const r of results) {
          expect(["pass", "warn", "fail"]).toContain(r.status);
          expect(r.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("duplicating a part with quantity 0 changes no result", () => {
    fc.assert(
      fc.property(anyBuild, fc.nat(), fc.nat(), fc.boolean(), (parts, pick, at, sameId) => {
        fc.pre(parts.length > 0);
        const original = parts[pick % parts.length]!;
        const whatIf = { ...original, id: sameId ? original.id : `${original.id}-what-if`, quantity: 0 };
        const withCopy = parts.toSpliced(at % (parts.length + 1), 0, whatIf);
        expect(checkBuild(withCopy)).toEqual(checkBuild(parts));
      }),
      RUNS,
    );
  });

  it("more PSU watts never turn psu-headroom from pass into fail", () => {
    let passedBefore = 0;
    fc.assert(
      fc.property(plausibleBuild, fc.nat(), int(1, 2000), fc.constantFrom("new line", "more watts", "more units"), (parts, pick, extra, how) => {
        const psus = parts.filter((p) => p.category === "psu" && p.quantity > 0 && p.specs.psuWatts !== undefined);
        const target = psus[pick % Math.max(psus.length, 1)];
        let more: Part[];
        if (how === "new line" || !target) {
          more = [...parts, { id: "extra-psu", category: "psu", name: "Extra PSU", quantity: 1, unitPriceMicros: 0, specs: { psuWatts: extra } }];
        } else if (how === "more watts") {
          more = parts.map((p) => (p === target ? { ...p, specs: { ...p.specs, psuWatts: (p.specs.psuWatts ?? 0) + extra } } : p));
        } else {
          more = parts.map((p) => (p === target ? { ...p, quantity: p.quantity + 1 } : p));
        }
        if (statusOf(parts, "psu-headroom") !== "pass") return;
        passedBefore += 1;
        expect(statusOf(more, "psu-headroom")).toBe("pass");
      }),
      RUNS,
    );
    // Guard against a generator that never produces the case the property is about (typically
    // 10-15 % of runs pass before; the bound is loose so the guard never flakes).
    expect(passedBefore).toBeGreaterThan(RUNS.numRuns / 60);
  });

  it("removing a GPU never turns gpu-slots from pass into fail", () => {
    let passedBefore = 0;
    fc.assert(
      fc.property(gpuRig, fc.nat(), fc.boolean(), (parts, pick, wholeLine) => {
        const gpus = parts.filter((p) => p.category === "gpu" && p.quantity > 0);
        fc.pre(gpus.length > 0);
        const target = gpus[pick % gpus.length]!;
        const fewer = wholeLine
          ? parts.filter((p) => p !== target)
          : parts.map((p) => (p === target ? { ...p, quantity: p.quantity - 1 } : p));
        if (statusOf(parts, "gpu-slots") !== "pass") return;
        passedBefore += 1;
        expect(statusOf(fewer, "gpu-slots")).not.toBe("fail");
      }),
      RUNS,
    );
    expect(passedBefore).toBeGreaterThan(RUNS.numRuns / 60);
  });
});
