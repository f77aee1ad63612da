import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { BUCKET_SIZES } from "./buckets";
import { findBreakEven } from "./break-even";
import { computeLedger, exactSavings, type ExactAmounts, type Ledger, type LedgerFigures, type LedgerInput } from "./ledger";
import { ceilDiv, roundHalfAwayFromZero } from "./money";
import { prepareCostData } from "./prepare";
import { sliceCloudCostMicros } from "./pricing";
import type { HeldSlice, MachineCostProfile, PriceEntry } from "./types";
import { DAY, HOUR, utc } from "@test/core/costs-fixtures";

/**
 * Properties over random small fleets: up to 3 machines with 1-4 GPUs, random prices with up to
 * two changes per SKU, up to 10 slices at arbitrary milliseconds (overlaps included, as bad data
 * could have them), any window, bucket and `now`.
 */

const BASE = utc("2024-01-01T00:00Z");
const GPU_SKUS = ["gpu-a", "gpu-b"];
const SKU_UNITS = [...GPU_SKUS.map((sku) => [sku, "gpu-hour"] as const), ["vcpu", "vcpu-hour"] as const, ["ram", "gb-hour"] as const];
const FIELDS: (keyof ExactAmounts)[] = ["cloudEquivalent", "capex", "energyBaseline", "energyGpu", "maintenance"];
const ROUNDED: Record<keyof ExactAmounts, keyof LedgerFigures> = {
  cloudEquivalent: "cloudEquivalentMicros",
  capex: "capexMicros",
  energyBaseline: "energyBaselineMicros",
  energyGpu: "energyGpuMicros",
  maintenance: "maintenanceMicros",
};

const instant = (minDays: number, maxDays: number) => fc.integer({ min: BASE + minDays * DAY, max: BASE + maxDays * DAY });

const pricesArb: fc.Arbitrary<PriceEntry[]> = fc
  .tuple(
    ...SKU_UNITS.map(() =>
      fc.tuple(fc.bigInt({ min: 0n, max: 3_000_000n }), fc.array(fc.tuple(instant(-10, 90), fc.bigInt({ min: 0n, max: 3_000_000n })), { maxLength: 2 })),
    ),
  )
  .map((perSku) =>
    perSku.flatMap(([first, changes], i) => {
      const [sku, unit] = SKU_UNITS[i]!;
      const times = new Set<number>();
      return [
        { sku, provider: "test", unit, priceMicros: first, effectiveFrom: BASE - 400 * DAY },
        ...changes.filter(([t]) => !times.has(t) && times.add(t)).map(([t, p]) => ({ sku, provider: "test", unit, priceMicros: p, effectiveFrom: t })),
      ];
    }),
  );

const machineArb = (i: number): fc.Arbitrary<MachineCostProfile> =>
  fc
    .record({
      inService: instant(-30, 30),
      life: fc.option(fc.integer({ min: HOUR, max: 150 * DAY }), { nil: undefined }),
      capexMicros: fc.bigInt({ min: 0n, max: 10_000_000_000n }),
      amortizationMonths: fc.constantFrom(1, 2, 3, 36),
      baselineWatts: fc.integer({ min: 0, max: 300 }),
      pricePerKwhMicros: fc.bigInt({ min: 0n, max: 300_000n }),
      maintenancePerMonthMicros: fc.bigInt({ min: 0n, max: 100_000_000n }),
      gpus: fc.array(fc.tuple(fc.integer({ min: 0, max: 600 }), fc.constantFrom(...GPU_SKUS)), { minLength: 1, maxLength: 4 }),
    })
    .map(({ life, gpus, ...m }) => ({
      ...m,
      machineId: `m${i}`,
      retiredAt: life === undefined ? undefined : m.inService + life,
      gpuCount: gpus.length,
      gpus: gpus.map(([boardPowerW, cloudSku], g) => ({ gpuId: `m${i}-g${g}`, boardPowerW, cloudSku })),
      vcpuSku: "vcpu",
      ramSku: "ram",
    }));

const sliceSeedArb = fc.record({
  machine: fc.nat(),
  gpuMask: fc.nat({ max: 15 }),
  threads: fc.integer({ min: 0, max: 16 }),
  ramGb: fc.integer({ min: 0, max: 128 }),
  start: instant(-40, 100),
  length: fc.integer({ min: 0, max: 20 * DAY }),
  team: fc.constantFrom("a", "b", "c"),
});

type SliceSeed = typeof sliceSeedArb extends fc.Arbitrary<infer T> ? T : never;

function toSlice(seed: SliceSeed, machines: readonly MachineCostProfile[], i: number): HeldSlice {
  const machine = machines[seed.machine % machines.length]!;
  return {
    id: `s${i}`,
    machineId: machine.machineId,
    teamId: seed.team,
    userId: "u",
    gpuIds: machine.gpus.filter((_, g) => (seed.gpuMask >> g) & 1).map((g) => g.gpuId),
    threads: seed.threads,
    ramGb: seed.ramGb,
    start: seed.start,
    end: seed.start + seed.length,
  };
}

type Scenario = Omit<LedgerInput, "groupBy">;

const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    machines: fc.integer({ min: 1, max: 3 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => machineArb(i)))),
    seeds: fc.array(sliceSeedArb, { maxLength: 10 }),
    prices: pricesArb,
    from: instant(-40, 100),
    length: fc.integer({ min: 0, max: 60 * DAY }),
    bucket: fc.constantFrom(...BUCKET_SIZES),
    now: fc.option(instant(-40, 160), { nil: undefined }),
  })
  .map(({ machines, seeds, prices, from, length, bucket, now }) => ({
    machines,
    slices: seeds.map((s, i) => toSlice(s, machines, i)),
    prices,
    window: { from, to: from + length },
    bucket,
    now,
  }));

const abs = (v: bigint) => (v < 0n ? -v : v);

function totalsByKey(ledger: Ledger): Map<string, LedgerFigures> {
  return new Map(ledger.groups.map((g) => [g.key, g.total]));
}

function expectSameExact(a: LedgerFigures, b: LedgerFigures, fields: (keyof ExactAmounts)[] = FIELDS) {
  for (const f of fields) expect(a.exact[f]).toBe(b.exact[f]);
}

const RUNS = { numRuns: 100 };

describe("ledger properties", () => {
  it("buckets add up to the whole window, whatever the bucket size", () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const ledgers = BUCKET_SIZES.map((bucket) => computeLedger({ ...scenario, bucket, groupBy: "machine" }));
        const reference = totalsByKey(ledgers[0]!);
        for (const ledger of ledgers) {
          const unit = ledger.exactUnitsPerMicro;
          for (const group of [...ledger.groups, ledger.fleet]) {
            const other = group.key === "fleet" ? ledgers[0]!.fleet.total : reference.get(group.key)!;
            expectSameExact(group.total, other);
            expect(group.total.heldGpuMs).toBe(other.heldGpuMs);
            expect(group.total.availableGpuMs).toBe(other.availableGpuMs);
            // A fleet row is the sum of its machines' rounded rows: up to 1/2 per machine.
            const parts = BigInt(group.key === "fleet" ? ledger.groups.length : 1);
            for (const f of FIELDS) {
              const rounded = group.rows.reduce((s, r) => s + (r[ROUNDED[f]] as bigint), 0n);
              const exact = group.rows.reduce((s, r) => s + r.exact[f], 0n);
              expect(group.total[ROUNDED[f]]).toBe(rounded);
              expect(group.total.exact[f]).toBe(exact);
              // Each row is its exact value rounded, so the total drifts by at most 1/2 per row.
              const worstRow = group.rows.reduce((w, r) => {
                const error = abs((r[ROUNDED[f]] as bigint) * unit - r.exact[f]);
                return error > w ? error : w;
              }, 0n);
              expect(2n * worstRow <= parts * unit).toBe(true);
              expect(2n * abs(rounded - roundHalfAwayFromZero(exact, unit)) <= parts * BigInt(group.rows.length) + 1n).toBe(true);
            }
            expect(group.rows.reduce((s, r) => s + r.heldGpuMs, 0)).toBe(group.total.heldGpuMs);
            const last = group.rows[group.rows.length - 1];
            if (last) expect(last.cumulativeSavingsMicros).toBe(group.total.savingsMicros);
          }
        }
      }),
      RUNS,
    );
  });

  it("splitting the window at any instant never changes the total", () => {
    fc.assert(
      fc.property(scenarioArb, fc.double({ min: 0, max: 1, noNaN: true }), (scenario, cut) => {
        const { from, to } = scenario.window;
        const at = from + Math.floor((to - from) * cut);
        for (const groupBy of ["machine", "team"] as const) {
          const whole = computeLedger({ ...scenario, groupBy });
          const left = computeLedger({ ...scenario, groupBy, window: { from, to: at } });
          const right = computeLedger({ ...scenario, groupBy, window: { from: at, to } });
          const [l, r] = [totalsByKey(left), totalsByKey(right)];
          const pairs: [LedgerFigures, LedgerFigures | undefined, LedgerFigures | undefined][] = [
            [whole.fleet.total, left.fleet.total, right.fleet.total],
            ...whole.groups.map((g) => [g.total, l.get(g.key), r.get(g.key)] as [LedgerFigures, LedgerFigures | undefined, LedgerFigures | undefined]),
          ];
          for (const [w, a, b] of pairs) {
            // The fleet and machines add up in every field; a team's shared costs are allocated per
            // bucket, so for teams only its own slices' amounts are additive.
            const fields = groupBy === "team" && w !== whole.fleet.total ? (["cloudEquivalent", "energyGpu"] as const) : FIELDS;
            for (const f of fields) expect(w.exact[f]).toBe((a?.exact[f] ?? 0n) + (b?.exact[f] ?? 0n));
            expect(w.heldGpuMs).toBe((a?.heldGpuMs ?? 0) + (b?.heldGpuMs ?? 0));
            if (groupBy === "machine") expect(w.availableGpuMs).toBe((a?.availableGpuMs ?? 0) + (b?.availableGpuMs ?? 0));
          }
        }
      }),
      RUNS,
    );
  });

  it("team totals add up to the fleet total", () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const byTeam = computeLedger({ ...scenario, groupBy: "team" });
        const byMachine = computeLedger({ ...scenario, groupBy: "machine" });
        const unit = byTeam.exactUnitsPerMicro;
        for (const f of FIELDS) {
          expect(byTeam.groups.reduce((s, g) => s + g.total.exact[f], 0n)).toBe(byMachine.fleet.total.exact[f]);
          expect(byTeam.groups.reduce((s, g) => s + (g.total[ROUNDED[f]] as bigint), 0n)).toBe(byTeam.fleet.total[ROUNDED[f]]);
        }
        expect(byTeam.groups.reduce((s, g) => s + g.total.heldGpuMs, 0)).toBe(byMachine.fleet.total.heldGpuMs);
        expect(byTeam.fleet.total.availableGpuMs).toBe(byMachine.fleet.total.availableGpuMs);
        byTeam.fleet.rows.forEach((row, i) => {
          expect(byTeam.groups.reduce((s, g) => s + g.rows[i]!.savingsMicros, 0n)).toBe(row.savingsMicros);
          // Teams and machines round different parts of the same exact amounts.
          const tolerance = BigInt(byTeam.groups.length + byMachine.groups.length);
          for (const f of FIELDS) {
            expect(2n * abs((row[ROUNDED[f]] as bigint) - (byMachine.fleet.rows[i]![ROUNDED[f]] as bigint)) <= tolerance).toBe(true);
          }
          // No team is charged a negative share, and idle never holds anything.
          expect(byTeam.groups.every((g) => FIELDS.every((f) => g.rows[i]!.exact[f] >= 0n))).toBe(true);
        });
        expect(byTeam.groups[byTeam.groups.length - 1]!.total.heldGpuMs).toBe(0);
        expect(roundHalfAwayFromZero(exactSavings(byTeam.fleet.total.exact), unit)).toBe(
          roundHalfAwayFromZero(exactSavings(byMachine.fleet.total.exact), unit),
        );
      }),
      RUNS,
    );
  });

  it("cloud-equivalent is monotone in slice length", () => {
    fc.assert(
      fc.property(scenarioArb, sliceSeedArb, fc.integer({ min: 0, max: 30 * DAY }), (scenario, seed, extra) => {
        const slice = toSlice(seed, scenario.machines, 0);
        const machine = scenario.machines.find((m) => m.machineId === slice.machineId)!;
        const longer = { ...slice, end: slice.end + extra };
        for (const window of [scenario.window, { from: BASE - 100 * DAY, to: BASE + 300 * DAY }]) {
          const short = sliceCloudCostMicros(slice, machine, scenario.prices, window);
          expect(sliceCloudCostMicros(longer, machine, scenario.prices, window) >= short).toBe(true);
          expect(short >= 0n).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it("break-even is the first millisecond at which the cumulative figures balance", () => {
    const marginAt = (scenario: Scenario, machines: readonly MachineCostProfile[], t: number): bigint => {
      let margin = 0n;
      const inService = machines.filter((m) => m.inService <= t);
      if (inService.length === 0) return 0n;
      const from = Math.min(...inService.map((m) => m.inService));
      const ledger = computeLedger({ ...scenario, window: { from, to: t }, bucket: "month", groupBy: "machine" });
      for (const m of inService) {
        const exact = ledger.groups.find((g) => g.key === m.machineId)!.total.exact;
        margin += exactSavings(exact) + exact.capex - m.capexMicros * ledger.exactUnitsPerMicro;
      }
      return margin;
    };
    fc.assert(
      fc.property(scenarioArb, fc.double({ min: 0, max: 1, noNaN: true }), (scenario, probe) => {
        const result = findBreakEven(scenario);
        const horizon = scenario.now ?? BASE + 200 * DAY;
        const cases = [
          ...scenario.machines.map((m, i) => ({ machines: [m], at: result.byMachine[i]!.at })),
          { machines: scenario.machines, at: result.fleet },
        ];
        for (const { machines, at } of cases) {
          const start = Math.min(...machines.map((m) => m.inService));
          if (at === null) {
            if (horizon >= start) expect(marginAt(scenario, machines, horizon) < 0n).toBe(true);
            continue;
          }
          expect(at).toBeGreaterThanOrEqual(start);
          expect(at).toBeLessThanOrEqual(horizon);
          expect(marginAt(scenario, machines, at) >= 0n).toBe(true);
          if (at > start) {
            expect(marginAt(scenario, machines, at - 1) < 0n).toBe(true);
            expect(marginAt(scenario, machines, start + Math.floor((at - 1 - start) * probe)) < 0n).toBe(true);
          }
        }
      }),
      RUNS,
    );
  });

  it("break-even agrees with a plain sweep over every event", () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        expect(findBreakEven(scenario)).toEqual(referenceBreakEven(scenario));
      }),
      RUNS,
    );
  });
});

/**
 * The obvious break-even: every slope change and capex jump of the given machines as one sorted
 * event list, swept from the first in-service date, solving each linear stretch exactly.
 */
function referenceBreakEven(scenario: Scenario) {
  const data = prepareCostData(scenario);
  const { unit, horizon } = data;
  const eventsOf = (mi: number) => {
    const m = data.machines[mi]!;
    const perWatt = m.pricePerKwhMicros * unit.perWattKwhMs;
    const overhead = BigInt(m.baselineWatts) * perWatt + m.maintenancePerMonthMicros * unit.perMicroMonthMs;
    const events = [
      { t: m.inService, value: -m.capexMicros * unit.perMicro, slope: -overhead },
      { t: m.retiredAt, value: 0n, slope: overhead },
    ];
    for (const s of data.slices.filter((x) => x.machineIndex === mi)) {
      for (const p of s.pieces) {
        const slope = p.microsPerHour * unit.perMicroHourMs - BigInt(s.gpuWatts) * perWatt;
        events.push({ t: p.from, value: 0n, slope }, { t: p.to, value: 0n, slope: -slope });
      }
    }
    return events;
  };
  const sweep = (events: { t: number; value: bigint; slope: bigint }[]): number | null => {
    events.sort((a, b) => a.t - b.t);
    let value = 0n;
    let slope = 0n;
    for (let i = 0; i < events.length; ) {
      const t = events[i]!.t;
      if (t > horizon) return null;
      for (; i < events.length && events[i]!.t === t; i++) {
        value += events[i]!.value;
        slope += events[i]!.slope;
      }
      if (value >= 0n) return t;
      const next = i < events.length ? events[i]!.t : Number.POSITIVE_INFINITY;
      if (slope > 0n) {
        const at = t + Number(ceilDiv(-value, slope));
        if (at < next) return at <= horizon ? at : null;
      }
      if (next !== Number.POSITIVE_INFINITY) value += slope * BigInt(next - t);
    }
    return null;
  };
  return {
    byMachine: data.machines.map((m, mi) => ({ machineId: m.machineId, at: sweep(eventsOf(mi)) })),
    fleet: sweep(data.machines.flatMap((_, mi) => eventsOf(mi))),
  };
}
