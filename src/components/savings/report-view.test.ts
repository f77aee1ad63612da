import { describe, expect, it } from "vitest";
import { computeLedger, type LedgerGroupBy } from "@/core/costs/ledger";
import { GCP_2018_PRICES, utc, zeus, zeusSlice } from "@test/core/costs-fixtures";
import { machineRows, periodRows, teamRows, utilizationTable, type SavingsReport } from "./report-view";

const hermes = { ...zeus, machineId: "hermes", gpuCount: 1, capexMicros: 0n, inService: utc("2018-08-01T00:00:00Z"), gpus: [{ gpuId: "hermes-gpu0", boardPowerW: 350, cloudSku: "gcp-p100" }] };
const slices = [
  zeusSlice({ start: utc("2018-07-02T09:00:00Z"), end: utc("2018-07-02T19:00:00Z") }),
  zeusSlice({ id: "s2", teamId: "nlp", gpuIds: ["zeus-gpu1"], start: utc("2018-08-30T00:00:00Z"), end: utc("2018-09-02T00:00:00Z") }),
  zeusSlice({ id: "s3", machineId: "hermes", gpuIds: ["hermes-gpu0"], start: utc("2018-08-10T00:00:00Z"), end: utc("2018-08-11T00:00:00Z") }),
];

/** A report as the service shapes it, from the pure ledger. */
function report(groupBy: LedgerGroupBy): SavingsReport {
  const ledger = computeLedger({
    window: { from: utc("2018-06-15T00:00:00Z"), to: utc("2018-10-01T00:00:00Z") },
    bucket: "month",
    groupBy,
    machines: [zeus, hermes],
    slices,
    prices: GCP_2018_PRICES,
    now: utc("2026-01-01T00:00:00Z"),
  });
  return {
    ...ledger,
    groups: ledger.groups.map((g) => ({ ...g, name: g.key === "(idle)" ? "Idle capacity" : g.key })),
    breakEven: ledger.breakEven.byMachine.map((b) => ({ machineId: b.machineId, name: b.machineId, at: b.at === null ? null : new Date(b.at) })),
    fleetBreakEven: ledger.breakEven.fleet === null ? null : new Date(ledger.breakEven.fleet),
    assumptions: {
      machines: [
        { name: "zeus", capexSource: "build total" },
        { name: "hermes", capexSource: "none" },
      ],
      prices: [],
    },
  } as unknown as SavingsReport;
}

const sum = (values: bigint[]) => values.reduce((a, b) => a + b, 0n);

describe("machine rows", () => {
  it("add up to the fleet total, column by column", () => {
    const { rows, total } = machineRows(report("machine"));
    expect(rows.map((r) => r.name)).toEqual(["zeus", "hermes"]);
    for (const key of ["cloudMicros", "capexMicros", "energyMicros", "maintenanceMicros", "onPremMicros", "savingsMicros"] as const) {
      expect(sum(rows.map((r) => r[key]))).toBe(total[key]);
    }
    expect(total.onPremMicros).toBe(total.capexMicros + total.energyMicros + total.maintenanceMicros);
  });

  it("flag a machine without a purchase price or build", () => {
    expect(machineRows(report("machine")).rows.map((r) => [r.name, r.capexMissing])).toEqual([["zeus", false], ["hermes", true]]);
  });
});

describe("period rows", () => {
  it("run cumulative totals that end at the window's totals", () => {
    const r = report("machine");
    const periods = periodRows(r);
    expect(periods.map((p) => p.from.toISOString().slice(0, 10))).toEqual(["2018-06-15", "2018-07-01", "2018-08-01", "2018-09-01"]);
    const last = periods[periods.length - 1]!;
    expect(last.cumulativeCloudMicros).toBe(r.fleet.total.cloudEquivalentMicros);
    expect(last.cumulativeOnPremMicros).toBe(r.fleet.total.onPremMicros);
    expect(last.cumulativeSavingsMicros).toBe(r.fleet.total.savingsMicros);
  });
});

describe("team rows", () => {
  it("put teams by GPU-hours first and idle capacity last, adding up to the fleet", () => {
    const { rows, total } = teamRows(report("team"));
    expect(rows.map((r) => [r.name, r.idle])).toEqual([["nlp", false], ["vision", false], ["Idle capacity", true]]);
    expect(sum(rows.map((r) => r.savingsMicros))).toBe(total.savingsMicros);
  });
});

describe("utilization table", () => {
  it("has one value per machine and period, none before a machine is in service", () => {
    const table = utilizationTable(report("machine"));
    expect(table.machines.map((m) => m.name)).toEqual(["zeus", "hermes"]);
    expect(table.periods.map((p) => p.utilization[1])).toEqual([null, null, 24 / (31 * 24), 0]);
    expect(table.periods[2]!.utilization[0]).toBeCloseTo(48 / (31 * 24 * 3), 12);
  });
});
