import { describe, expect, it } from "vitest";
import { findBreakEven } from "./break-even";
import { computeLedger, exactSavings } from "./ledger";
import type { CostDataInput } from "./prepare";
import type { HeldSlice, MachineCostProfile, PriceEntry } from "./types";
import { DAY, GCP_2018_PRICES, HOUR, utc, zeus, ZEUS_IN_SERVICE, zeusSlice } from "@test/core/costs-fixtures";

const T0 = utc("2020-01-01T00:00Z");

/** A $1 machine with one GPU priced at $7/h and nothing else: it pays for itself in 1/7 h. */
const toy: MachineCostProfile = {
  machineId: "toy",
  gpuCount: 1,
  inService: T0,
  capexMicros: 1_000_000n,
  baselineWatts: 0,
  gpus: [{ gpuId: "toy-gpu0", boardPowerW: 0, cloudSku: "gpu7" }],
  vcpuSku: "vcpu",
  ramSku: "ram",
};
const TOY_PRICES: PriceEntry[] = [
  { sku: "gpu7", provider: "test", unit: "gpu-hour", priceMicros: 7_000_000n, effectiveFrom: 0 },
  { sku: "vcpu", provider: "test", unit: "vcpu-hour", priceMicros: 0n, effectiveFrom: 0 },
  { sku: "ram", provider: "test", unit: "gb-hour", priceMicros: 0n, effectiveFrom: 0 },
];
const toySlice = (start: number, end: number, id = "t"): HeldSlice => ({
  id,
  machineId: "toy",
  teamId: "a",
  userId: "u",
  gpuIds: ["toy-gpu0"],
  threads: 0,
  ramGb: 0,
  start,
  end,
});

/**
 * cumulative cloud-equivalent - (capex in full + cumulative energy + maintenance) over
 * [inService, t), in exact ledger units, computed independently through the ledger.
 */
function margin(input: CostDataInput, machineId: string, t: number): bigint {
  const machine = input.machines.find((m) => m.machineId === machineId)!;
  if (t <= machine.inService) return t < machine.inService ? 0n : -machine.capexMicros;
  const ledger = computeLedger({ ...input, window: { from: machine.inService, to: t }, bucket: "month", groupBy: "machine" });
  const exact = ledger.groups.find((g) => g.key === machineId)!.total.exact;
  return exactSavings(exact) + exact.capex - machine.capexMicros * ledger.exactUnitsPerMicro;
}

describe("findBreakEven", () => {
  it("solves the crossing exactly and ceils it to the millisecond", () => {
    const input = { machines: [toy], slices: [toySlice(T0 + HOUR, T0 + 10 * HOUR)], prices: TOY_PRICES };
    const at = T0 + HOUR + 514_286; // 3,600,000 / 7 = 514,285.71 ms
    expect(findBreakEven(input).byMachine).toEqual([{ machineId: "toy", at }]);
    expect(margin(input, "toy", at) >= 0n).toBe(true);
    expect(margin(input, "toy", at - 1) < 0n).toBe(true);
  });

  it("returns null when the slices never pay for the machine", () => {
    const input = { machines: [toy], slices: [toySlice(T0, T0 + 8 * 60_000)], prices: TOY_PRICES };
    expect(findBreakEven(input).byMachine[0]!.at).toBeNull();
  });

  it("returns null when break-even comes only after `now`, and the instant when it comes at `now`", () => {
    const slices = [toySlice(T0 + HOUR, T0 + 10 * HOUR)];
    const at = T0 + HOUR + 514_286;
    expect(findBreakEven({ machines: [toy], slices, prices: TOY_PRICES, now: at - 1 }).byMachine[0]!.at).toBeNull();
    expect(findBreakEven({ machines: [toy], slices, prices: TOY_PRICES, now: at }).byMachine[0]!.at).toBe(at);
  });

  it("breaks even at once for a machine that cost nothing", () => {
    expect(findBreakEven({ machines: [{ ...toy, capexMicros: 0n }], slices: [], prices: TOY_PRICES }).byMachine[0]!.at).toBe(T0);
  });

  it("crosses over several slices and a price change", () => {
    const prices: PriceEntry[] = [...TOY_PRICES, { sku: "gpu7", provider: "test", unit: "gpu-hour", priceMicros: 1_000_000n, effectiveFrom: T0 + 2 * DAY }];
    // $10 of capex: day 1 earns 7 x 1 h = $7; on day 3 the GPU earns $1/h, so $3 more takes 3 h.
    const slices = [toySlice(T0, T0 + HOUR, "a"), toySlice(T0 + 2 * DAY - HOUR, T0 + 2 * DAY + 5 * HOUR, "b")];
    const input = { machines: [{ ...toy, capexMicros: 10_000_000n }], slices, prices };
    // Day 2's slice: its first hour at $7 covers the last $3 in 3/7 h.
    expect(findBreakEven(input).byMachine[0]!.at).toBe(T0 + 2 * DAY - HOUR + 1_542_858); // ceil(3 x 3,600,000 / 7)
    const input2 = { ...input, slices: [toySlice(T0, T0 + HOUR, "a"), toySlice(T0 + 2 * DAY, T0 + 2 * DAY + 5 * HOUR, "b")] };
    expect(findBreakEven(input2).byMachine[0]!.at).toBe(T0 + 2 * DAY + 3 * HOUR);
  });

  it("counts energy and maintenance against the cloud-equivalent", () => {
    const machine: MachineCostProfile = {
      ...toy,
      capexMicros: 10_000_000n,
      baselineWatts: 100,
      maintenancePerMonthMicros: 730_500n, // $0.001/h
      gpus: [{ gpuId: "toy-gpu0", boardPowerW: 250, cloudSku: "gpu7" }],
    };
    const prices = TOY_PRICES.map((p) => (p.sku === "gpu7" ? { ...p, priceMicros: 2_000_000n } : p));
    const input = { machines: [machine], slices: [toySlice(T0 + DAY, T0 + 30 * DAY)], prices };
    // By the slice's start: -$10 - 24 h x ($0.013 + $0.001) = -$10.336; then it earns
    // $2 - $0.013 - $0.0325 - $0.001 = $1.9535 an hour.
    const expected = T0 + DAY + Math.ceil((10_336_000 * HOUR) / 1_953_500);
    const at = findBreakEven(input).byMachine[0]!.at!;
    expect(at).toBe(expected);
    expect(margin(input, "toy", at) >= 0n).toBe(true);
    expect(margin(input, "toy", at - 1) < 0n).toBe(true);
  });

  it("finds zeus's break-even from its real workload", () => {
    // Three people, one GPU each, 10 h a day from the in-service date.
    const slices: HeldSlice[] = [];
    for (let d = 0; d < 400; d++) {
      for (const gpu of [0, 1, 2]) {
        const start = ZEUS_IN_SERVICE + d * DAY + 9 * HOUR;
        slices.push(zeusSlice({ id: `${d}-${gpu}`, gpuIds: [`zeus-gpu${gpu}`], start, end: start + 10 * HOUR }));
      }
    }
    const input = { machines: [zeus], slices, prices: GCP_2018_PRICES };
    const at = findBreakEven(input).byMachine[0]!.at!;
    // 3 x $17.87535 - $0.312 - 3 x $0.325 = $52.339 a day: $6,000 takes about 115 days.
    expect(Math.floor((at - ZEUS_IN_SERVICE) / DAY)).toBe(114);
    expect(margin(input, "zeus", at) >= 0n).toBe(true);
    expect(margin(input, "zeus", at - 1) < 0n).toBe(true);
  });

  it("finds the fleet's break-even with each machine's capex counted from its own in-service date", () => {
    const second: MachineCostProfile = { ...toy, machineId: "toy2", inService: T0 + DAY, gpus: [{ gpuId: "toy2-gpu0", boardPowerW: 0, cloudSku: "gpu7" }] };
    const slices = [toySlice(T0 + 12 * HOUR, T0 + 12 * HOUR + 30 * 60_000)];
    const result = findBreakEven({ machines: [toy, second], slices, prices: TOY_PRICES });
    // toy earns $3.50 by 12:30 on day 1 and pays its $1 at 12:08:34.286; toy2's $1 arrives on
    // day 2, when the fleet holds $3.50 against $2: the fleet broke even at toy's moment.
    expect(result.byMachine).toEqual([
      { machineId: "toy", at: T0 + 12 * HOUR + 514_286 },
      { machineId: "toy2", at: null },
    ]);
    expect(result.fleet).toBe(T0 + 12 * HOUR + 514_286);
    // A fleet that buys a second machine first must earn both back.
    const bothFirst = findBreakEven({ machines: [toy, { ...second, inService: T0 }], slices, prices: TOY_PRICES });
    expect(bothFirst.fleet).toBe(T0 + 12 * HOUR + 1_028_572); // ceil(2 x 3,600,000 / 7)
  });

  it("is reported by computeLedger whatever its window", () => {
    const input = { machines: [toy], slices: [toySlice(T0 + HOUR, T0 + 10 * HOUR)], prices: TOY_PRICES };
    const ledger = computeLedger({ ...input, window: { from: T0 + 5 * DAY, to: T0 + 6 * DAY }, bucket: "day", groupBy: "team" });
    expect(ledger.breakEven).toEqual(findBreakEven(input));
  });
});
