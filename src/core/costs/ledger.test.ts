import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { computeLedger, exactSavings, FLEET_GROUP, IDLE_GROUP, type LedgerInput } from "./ledger";
import { formatUsd, formatUsdPrecise, roundHalfAwayFromZero } from "./money";
import { sliceCloudCostMicros } from "./pricing";
import { effectiveSliceEnd } from "./slices";
import { MS_PER_MONTH } from "./time";
import type { HeldSlice, MachineCostProfile } from "./types";
import { DAY, GCP_2018_PRICES, HOUR, utc, zeus, ZEUS_IN_SERVICE, zeusSlice } from "@test/core/costs-fixtures";

const JULY_2 = { from: utc("2018-07-02T00:00Z"), to: utc("2018-07-03T00:00Z") };
const WORKED_SLICE = zeusSlice({ start: utc("2018-07-02T09:00Z"), end: utc("2018-07-02T19:00Z") });

function ledgerOf(overrides: Partial<LedgerInput> & Pick<LedgerInput, "window">) {
  return computeLedger({ bucket: "day", groupBy: "machine", machines: [zeus], slices: [], prices: GCP_2018_PRICES, ...overrides });
}

function onlyRow(overrides: Partial<LedgerInput> & Pick<LedgerInput, "window">) {
  const ledger = ledgerOf(overrides);
  expect(ledger.groups[0]!.rows).toHaveLength(1);
  return ledger.groups[0]!.rows[0]!;
}

/**
 * Rounding rule under test: every bucket's five components are computed exactly and each is
 * rounded on its own to micro-dollars, half away from zero; on-prem = the sum of the rounded cost
 * components and savings = rounded cloud-equivalent - on-prem, which is exactly how PRODUCT.md
 * adds up the day (17.87535 - 5.475702 - 0.312 - 0.325 = 11.762648). Rounding the exact savings
 * once (11.7626484258) gives the same micro-dollar here, so there is no 1-micro-dollar gap to
 * explain. (Had we derived buckets as differences of rounded cumulatives since in-service instead,
 * the day's capex would read 98.562628 - 93.086927 = 5.475701 and the savings 11.762649.)
 */
describe("PRODUCT.md's worked example: zeus on 2018-07-02", () => {
  const ledger = ledgerOf({ window: JULY_2, slices: [WORKED_SLICE] });
  const row = ledger.groups[0]!.rows[0]!;

  it("matches every figure to the micro-dollar", () => {
    expect(row).toMatchObject({
      cloudEquivalentMicros: 17_875_350n, // 10 h x 1.787535
      capexMicros: 5_475_702n, // 24 h x 6000 / 26298 = 5.4757015742... rounded half away from zero
      energyBaselineMicros: 312_000n, // 0.1 kW x 24 h x 0.13
      energyGpuMicros: 325_000n, // 0.25 kW x 10 h x 0.13
      maintenanceMicros: 0n,
      onPremMicros: 6_112_702n,
      savingsMicros: 11_762_648n,
      heldGpuHours: 10,
      availableGpuHours: 72,
    });
    expect(row.utilization).toBeCloseTo(10 / 72, 12);
  });

  it("shows the savings as $11.76 and $11.762648", () => {
    expect(formatUsd(row.savingsMicros)).toBe("$11.76");
    expect(formatUsdPrecise(row.savingsMicros)).toBe("$11.762648");
  });

  it("keeps the exact amounts behind the rounded ones", () => {
    const unit = ledger.exactUnitsPerMicro;
    // Capex is exactly 24 h x $6,000 / 26,298 h; only its display is rounded.
    expect(row.exact.capex * 26_298n).toBe(24n * 6_000_000_000n * unit);
    expect(row.exact.cloudEquivalent).toBe(17_875_350n * unit);
    // Rounding components one by one (as PRODUCT.md does) and rounding the exact savings
    // (11.7626484258...) once agree here: both give 11.762648.
    expect(roundHalfAwayFromZero(exactSavings(row.exact), unit)).toBe(11_762_648n);
  });

  it("prices an hour of capex at $0.228154, as PRODUCT.md displays it", () => {
    expect(onlyRow({ window: { from: JULY_2.from, to: JULY_2.from + HOUR } }).capexMicros).toBe(228_154n);
  });

  it("gives the same row for that day inside a July report by day (each bucket is rounded on its own)", () => {
    const july = ledgerOf({ window: { from: utc("2018-07-01T00:00Z"), to: utc("2018-08-01T00:00Z") }, slices: [WORKED_SLICE] });
    const sameDay = july.groups[0]!.rows.find((r) => r.from === JULY_2.from)!;
    expect(sameDay).toEqual({ ...row, cumulativeSavingsMicros: sameDay.cumulativeSavingsMicros });
  });

  it("reports the day for the fleet and the team alike", () => {
    expect(ledger.fleet.total.savingsMicros).toBe(11_762_648n);
    const byTeam = ledgerOf({ window: JULY_2, slices: [WORKED_SLICE], groupBy: "team" });
    expect(byTeam.groups.map((g) => g.key)).toEqual(["vision", IDLE_GROUP]);
    expect(byTeam.fleet.total.exact).toEqual(row.exact);
    expect(byTeam.groups[0]!.total.cloudEquivalentMicros).toBe(17_875_350n);
  });
});

describe("slices across edges", () => {
  it("splits a slice over a bucket edge exactly", () => {
    const overnight = zeusSlice({ start: utc("2018-07-02T20:00Z"), end: utc("2018-07-03T04:00Z") });
    const ledger = ledgerOf({ window: { from: JULY_2.from, to: JULY_2.from + 2 * DAY }, slices: [overnight] });
    const [first, second] = ledger.groups[0]!.rows;
    expect(first!.cloudEquivalentMicros).toBe(7_150_140n);
    expect(second!.cloudEquivalentMicros).toBe(7_150_140n);
    expect(first!.heldGpuMs).toBe(4 * HOUR);
    expect(second!.heldGpuMs).toBe(4 * HOUR);
    expect(first!.energyGpuMicros + second!.energyGpuMicros).toBe(260_000n);
  });

  it("splits an edge that falls between the slice's milliseconds without losing any", () => {
    const odd = zeusSlice({ start: utc("2018-07-02T20:00:00.001Z"), end: utc("2018-07-03T03:59:59.999Z") });
    const ledger = ledgerOf({ window: { from: JULY_2.from, to: JULY_2.from + 2 * DAY }, slices: [odd] });
    const [first, second] = ledger.groups[0]!.rows;
    const whole = ledgerOf({ window: { from: JULY_2.from, to: JULY_2.from + 2 * DAY }, slices: [odd], bucket: "week" });
    expect(first!.exact.cloudEquivalent + second!.exact.cloudEquivalent).toBe(whole.groups[0]!.rows[0]!.exact.cloudEquivalent);
    expect(first!.heldGpuMs + second!.heldGpuMs).toBe(8 * HOUR - 2);
  });

  it("counts a released slice until its release", () => {
    const booked = { start: WORKED_SLICE.start, end: WORKED_SLICE.end, releasedAt: utc("2018-07-02T12:00Z") };
    const released = { ...WORKED_SLICE, end: effectiveSliceEnd(booked) };
    const row = onlyRow({ window: JULY_2, slices: [released] });
    expect(row.cloudEquivalentMicros).toBe(3n * 1_787_535n);
    expect(row.energyGpuMicros).toBe(97_500n);
    expect(row.heldGpuHours).toBe(3);
  });

  it("counts a slice that ends where the window starts as nothing (half-open windows)", () => {
    const row = onlyRow({ window: { from: WORKED_SLICE.end, to: WORKED_SLICE.end + HOUR }, slices: [WORKED_SLICE] });
    expect(row.cloudEquivalentMicros).toBe(0n);
    expect(row.heldGpuMs).toBe(0);
  });
});

describe("the machine's life", () => {
  const amortizationEnd = ZEUS_IN_SERVICE + 36 * MS_PER_MONTH;

  it("stops capex after N months (zeus: 2021-06-14 18:00 UTC)", () => {
    expect(new Date(amortizationEnd).toISOString()).toBe("2021-06-14T18:00:00.000Z");
    const ledger = ledgerOf({ window: { from: utc("2021-06-14T00:00Z"), to: utc("2021-06-16T00:00Z") } });
    const [last, after] = ledger.groups[0]!.rows;
    expect(last!.exact.capex * 26_298n).toBe(18n * 6_000_000_000n * ledger.exactUnitsPerMicro);
    expect(after!.capexMicros).toBe(0n);
    expect(after!.energyBaselineMicros).toBe(312_000n); // still running, still drawing power
  });

  it("amortizes exactly the capex over the whole period", () => {
    const ledger = ledgerOf({ window: { from: ZEUS_IN_SERVICE - DAY, to: amortizationEnd + 90 * DAY }, bucket: "month" });
    const { total, rows } = ledger.groups[0]!;
    expect(total.exact.capex).toBe(6_000_000_000n * ledger.exactUnitsPerMicro);
    // The rounded total is the sum of rounded months: within half a micro-dollar per month.
    const drift = total.capexMicros - 6_000_000_000n;
    expect(2n * (drift < 0n ? -drift : drift) <= BigInt(rows.length)).toBe(true);
  });

  it("accrues nothing before the in-service date, not even for a slice held there", () => {
    const early = zeusSlice({ start: utc("2018-06-14T09:00Z"), end: utc("2018-06-15T03:00Z") });
    const ledger = ledgerOf({ window: { from: utc("2018-06-14T00:00Z"), to: utc("2018-06-16T00:00Z") }, slices: [early] });
    const [before, first] = ledger.groups[0]!.rows;
    expect(before).toMatchObject({ cloudEquivalentMicros: 0n, capexMicros: 0n, energyBaselineMicros: 0n, energyGpuMicros: 0n, onPremMicros: 0n, heldGpuMs: 0, availableGpuMs: 0, utilization: null });
    expect(first!.heldGpuHours).toBe(3);
    expect(first!.capexMicros).toBe(5_475_702n);
  });

  it("accrues nothing after retirement, and a slice is cut there", () => {
    const retired: MachineCostProfile = { ...zeus, retiredAt: utc("2018-07-02T12:00Z") };
    const row = onlyRow({ window: JULY_2, machines: [retired], slices: [WORKED_SLICE] });
    expect(row).toMatchObject({ cloudEquivalentMicros: 3n * 1_787_535n, energyBaselineMicros: 156_000n, heldGpuHours: 3, availableGpuHours: 36 });
    expect(row.utilization).toBeCloseTo(3 / 36, 12);
    expect(onlyRow({ window: { from: JULY_2.to, to: JULY_2.to + DAY }, machines: [retired] }).onPremMicros).toBe(0n);
  });

  it("accrues maintenance per hour in service ($730.50 a month is $1 an hour)", () => {
    expect(onlyRow({ window: JULY_2, machines: [{ ...zeus, maintenancePerMonthMicros: 730_500_000n }] }).maintenanceMicros).toBe(24_000_000n);
  });

  it("uses the machine's own power price and baseline", () => {
    const row = onlyRow({ window: JULY_2, machines: [{ ...zeus, baselineWatts: 150, pricePerKwhMicros: 150_000n }], slices: [WORKED_SLICE] });
    expect(row.energyBaselineMicros).toBe(540_000n); // 0.15 kW x 24 h x 0.15
    expect(row.energyGpuMicros).toBe(375_000n); // 0.25 kW x 10 h x 0.15
  });

  it("counts only what happened before `now`", () => {
    const now = utc("2018-07-02T12:00Z");
    const row = onlyRow({ window: JULY_2, slices: [WORKED_SLICE], now });
    expect(row).toMatchObject({ cloudEquivalentMicros: 3n * 1_787_535n, energyBaselineMicros: 156_000n, heldGpuHours: 3, availableGpuHours: 36 });
    expect(row.exact.capex * 26_298n).toBe(12n * 6_000_000_000n * ledgerOf({ window: JULY_2 }).exactUnitsPerMicro);
  });
});

describe("utilization", () => {
  const other = zeusSlice({ id: "s2", gpuIds: ["zeus-gpu1", "zeus-gpu2"], start: JULY_2.from, end: JULY_2.to, threads: 10, ramGb: 80 });

  it.each([
    ["idle", [], 0],
    ["one GPU for 10 h", [WORKED_SLICE], 10 / 72],
    ["plus two GPUs all day", [WORKED_SLICE, other], 58 / 72],
  ])("%s", (_, slices, expected) => {
    expect(onlyRow({ window: JULY_2, slices: slices as HeldSlice[] }).utilization).toBeCloseTo(expected, 12);
  });

  it("is null when the machine was not in service", () => {
    expect(onlyRow({ window: { from: ZEUS_IN_SERVICE - DAY, to: ZEUS_IN_SERVICE } }).utilization).toBeNull();
  });

  it("weighs machines by their GPUs in the fleet", () => {
    const hera: MachineCostProfile = { ...zeus, machineId: "hera", gpuCount: 1, gpus: [{ gpuId: "hera-gpu0", boardPowerW: 450, cloudSku: "gcp-p100" }] };
    const heraSlice = zeusSlice({ id: "h1", machineId: "hera", gpuIds: ["hera-gpu0"], start: JULY_2.from, end: JULY_2.to });
    const ledger = ledgerOf({ window: JULY_2, machines: [zeus, hera], slices: [WORKED_SLICE, heraSlice] });
    expect(ledger.groups.map((g) => g.total.utilization)).toEqual([10 / 72, 1]);
    expect(ledger.fleet.total.utilization).toBeCloseTo(34 / 96, 12);
  });
});

describe("grouping by team", () => {
  const vision = zeusSlice({ id: "v", teamId: "vision", gpuIds: ["zeus-gpu0"], start: utc("2018-07-02T09:00Z"), end: utc("2018-07-02T21:00Z") });
  const nlp = zeusSlice({ id: "n", teamId: "nlp", gpuIds: ["zeus-gpu1", "zeus-gpu2"], threads: 10, ramGb: 80, start: JULY_2.from, end: utc("2018-07-02T06:00Z") });
  const byTeam = ledgerOf({ window: JULY_2, slices: [vision, nlp], groupBy: "team" });
  const byMachine = ledgerOf({ window: JULY_2, slices: [vision, nlp] });
  const team = (key: string) => byTeam.groups.find((g) => g.key === key)!.total;

  it("lists the teams in order, then (idle)", () => {
    expect(byTeam.groups.map((g) => g.key)).toEqual(["nlp", "vision", IDLE_GROUP]);
  });

  it("gives each team its own slices' cloud-equivalent, GPU energy and GPU-hours", () => {
    expect(team("vision")).toMatchObject({ cloudEquivalentMicros: 12n * 1_787_535n, energyGpuMicros: 390_000n, heldGpuHours: 12 });
    expect(team("nlp")).toMatchObject({ cloudEquivalentMicros: 6n * 3_575_070n, energyGpuMicros: 390_000n, heldGpuHours: 12 });
    expect(team(IDLE_GROUP)).toMatchObject({ cloudEquivalentMicros: 0n, energyGpuMicros: 0n, heldGpuHours: 0 });
  });

  it("shares capex, baseline energy and maintenance by held over available GPU-hours; idle takes the rest", () => {
    const day = byMachine.groups[0]!.total.exact;
    // Each team held 12 of 72 GPU-hours: a sixth each, two thirds idle.
    expect(team("vision").exact.capex).toBe(day.capex / 6n);
    expect(team("nlp").exact.energyBaseline).toBe(day.energyBaseline / 6n);
    expect(team(IDLE_GROUP).exact.capex).toBe(day.capex - 2n * (day.capex / 6n));
    expect(team("vision").energyBaselineMicros).toBe(52_000n);
    expect(team(IDLE_GROUP).energyBaselineMicros).toBe(208_000n);
  });

  it("adds up to the fleet, exactly and in rounded micro-dollars", () => {
    expect(byTeam.fleet.total.exact).toEqual(byMachine.fleet.total.exact);
    const sum = (f: (g: (typeof byTeam.groups)[number]) => bigint) => byTeam.groups.reduce((s, g) => s + f(g), 0n);
    expect(sum((g) => g.total.savingsMicros)).toBe(byTeam.fleet.total.savingsMicros);
    expect(sum((g) => g.total.onPremMicros)).toBe(byTeam.fleet.total.onPremMicros);
    expect(byTeam.fleet.total.heldGpuHours).toBe(24);
    expect(byTeam.fleet.total.availableGpuHours).toBe(72);
  });

  it("shows each team's utilization as its share of the fleet's GPU-hours", () => {
    expect(team("vision").utilization).toBeCloseTo(12 / 72, 12);
    expect(team(IDLE_GROUP).utilization).toBe(0);
    expect(byTeam.fleet.total.utilization).toBeCloseTo(24 / 72, 12);
  });
});

describe("report shape", () => {
  it("runs the cumulative savings through the window and totals every column", () => {
    const ledger = ledgerOf({ window: { from: JULY_2.from, to: JULY_2.from + 3 * DAY }, slices: [WORKED_SLICE] });
    const { rows, total } = ledger.groups[0]!;
    expect(rows.map((r) => r.cumulativeSavingsMicros)).toEqual([
      rows[0]!.savingsMicros,
      rows[0]!.savingsMicros + rows[1]!.savingsMicros,
      total.savingsMicros,
    ]);
    expect(total.cloudEquivalentMicros).toBe(17_875_350n);
    expect(total.availableGpuHours).toBe(3 * 72);
  });

  it("has the fleet as its one group when grouped by fleet", () => {
    const ledger = ledgerOf({ window: JULY_2, slices: [WORKED_SLICE], groupBy: "fleet" });
    expect(ledger.groups).toEqual([ledger.fleet]);
    expect(ledger.fleet.key).toBe(FLEET_GROUP);
    expect(ledger.fleet.total.savingsMicros).toBe(11_762_648n);
  });

  it("prices each slice as sliceCloudCostMicros does", () => {
    const window = { from: JULY_2.from, to: JULY_2.from + 2 * DAY };
    const slice = zeusSlice({ start: utc("2018-07-02T20:00Z"), end: utc("2018-07-03T04:00Z") });
    expect(ledgerOf({ window, slices: [slice] }).groups[0]!.total.cloudEquivalentMicros).toBe(sliceCloudCostMicros(slice, zeus, GCP_2018_PRICES, window));
  });
});

describe("bad input", () => {
  function codeAndField(fn: () => unknown) {
    try {
      fn();
    } catch (e) {
      if (e instanceof AppError) return { code: e.code, field: e.field };
      throw e;
    }
    throw new Error("expected an AppError");
  }

  it.each([
    ["a slice on an unknown machine", { slices: [{ ...WORKED_SLICE, machineId: "ghost" }] }, "slices[0].machineId"],
    ["a GPU the machine lacks", { slices: [{ ...WORKED_SLICE, gpuIds: ["hera-gpu0"] }] }, "slices[0].gpuIds[0]"],
    ["fractional threads", { slices: [{ ...WORKED_SLICE, threads: 2.5 }] }, "slices[0].threads"],
    ["gpuCount not matching the GPUs", { machines: [{ ...zeus, gpuCount: 4 }] }, "machines[0].gpus"],
    ["a machine listed twice", { machines: [zeus, zeus] }, "machines[1].machineId"],
    ["retired before in service", { machines: [{ ...zeus, retiredAt: zeus.inService - 1 }] }, "machines[0].retiredAt"],
    ["zero amortization months", { machines: [{ ...zeus, amortizationMonths: 0 }] }, "machines[0].amortizationMonths"],
    ["fractional watts", { machines: [{ ...zeus, baselineWatts: 99.5 }] }, "machines[0].baselineWatts"],
    ["an unknown grouping", { groupBy: "user" as never }, "groupBy"],
    ["an unknown bucket", { bucket: "hour" as never }, "bucket"],
    ["a fractional now", { now: 1.5 }, "now"],
  ])("refuses %s, naming the field", (_, overrides, field) => {
    expect(codeAndField(() => ledgerOf({ window: JULY_2, slices: [WORKED_SLICE], ...overrides }))).toEqual({ code: "VALIDATION", field });
  });
});
