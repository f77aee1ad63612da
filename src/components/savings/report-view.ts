import { IDLE_GROUP } from "@/core/costs/groups";
import type { LedgerFigures } from "@/core/costs/figures";
import type { RouterOutputs } from "@/trpc/types";

/**
 * The savings report as the dashboard shows it: plain rows per machine, team and period that
 * both the charts and the tables (and so the CSV exports) read, so every view of a figure is
 * the same number. Money stays bigint micro-dollars until it is displayed.
 */

export type SavingsReport = RouterOutputs["savings"]["report"];
export type SavingsSummary = RouterOutputs["savings"]["summary"];
export type MyUsage = RouterOutputs["savings"]["myUsage"];
export type Assumptions = SavingsSummary["assumptions"];

interface Money {
  cloudMicros: bigint;
  capexMicros: bigint;
  energyMicros: bigint;
  maintenanceMicros: bigint;
  onPremMicros: bigint;
  savingsMicros: bigint;
  heldGpuMs: number;
  availableGpuMs: number;
  utilization: number | null;
}

export interface MachineRow extends Money {
  id: string;
  name: string;
  breakEven: Date | null;
  /** Neither a purchase price nor a build: its capex counts as zero, which flatters its savings. */
  capexMissing: boolean;
}

export interface TeamRow extends Money {
  id: string;
  name: string;
  /** The share of the fleet's costs nobody held a GPU for. */
  idle: boolean;
}

export interface PeriodRow extends Money {
  from: Date;
  to: Date;
  cumulativeCloudMicros: bigint;
  cumulativeOnPremMicros: bigint;
  cumulativeSavingsMicros: bigint;
}

export interface UtilizationTable {
  /** With each machine's utilization over the whole window. */
  machines: { id: string; name: string; utilization: number | null }[];
  periods: { from: Date; to: Date; utilization: (number | null)[] }[];
}

function money(f: LedgerFigures): Money {
  return {
    cloudMicros: f.cloudEquivalentMicros,
    capexMicros: f.capexMicros,
    energyMicros: f.energyBaselineMicros + f.energyGpuMicros,
    maintenanceMicros: f.maintenanceMicros,
    onPremMicros: f.onPremMicros,
    savingsMicros: f.savingsMicros,
    heldGpuMs: f.heldGpuMs,
    availableGpuMs: f.availableGpuMs,
    utilization: f.utilization,
  };
}

/** Per machine over the window, with its break-even (counted from its in-service date), and the fleet's total. */
export function machineRows(report: SavingsReport): { rows: MachineRow[]; total: MachineRow } {
  const breakEven = new Map(report.breakEven.map((b) => [b.machineId, b.at]));
  const noCapex = new Set(report.assumptions.machines.filter((m) => m.capexSource === "none").map((m) => m.name));
  return {
    rows: report.groups.map((g) => ({ id: g.key, name: g.name, breakEven: breakEven.get(g.key) ?? null, capexMissing: noCapex.has(g.name), ...money(g.total) })),
    total: { id: "fleet", name: "All machines", breakEven: report.fleetBreakEven, capexMissing: noCapex.size > 0, ...money(report.fleet.total) },
  };
}

/** Per team over the window (idle capacity last), and the fleet's total. */
export function teamRows(report: SavingsReport): { rows: TeamRow[]; total: TeamRow } {
  const rows = report.groups.map((g) => ({ id: g.key, name: g.name, idle: g.key === IDLE_GROUP, ...money(g.total) }));
  return {
    rows: [...rows.filter((r) => !r.idle).sort((a, b) => b.heldGpuMs - a.heldGpuMs || a.name.localeCompare(b.name)), ...rows.filter((r) => r.idle)],
    total: { id: "fleet", name: "All teams", idle: false, ...money(report.fleet.total) },
  };
}

/** The fleet per period of the window, with running totals from the window's start. */
export function periodRows(report: SavingsReport): PeriodRow[] {
  let cloud = 0n;
  let onPrem = 0n;
  return report.fleet.rows.map((r) => {
    cloud += r.cloudEquivalentMicros;
    onPrem += r.onPremMicros;
    return {
      from: new Date(r.from),
      to: new Date(r.to),
      ...money(r),
      cumulativeCloudMicros: cloud,
      cumulativeOnPremMicros: onPrem,
      cumulativeSavingsMicros: r.cumulativeSavingsMicros,
    };
  });
}

/** Each machine's utilization per period (null while it was not in service). */
export function utilizationTable(report: SavingsReport): UtilizationTable {
  return {
    machines: report.groups.map((g) => ({ id: g.key, name: g.name, utilization: g.total.utilization })),
    periods: report.buckets.map((b, i) => ({
      from: new Date(b.from),
      to: new Date(b.to),
      utilization: report.groups.map((g) => g.rows[i]?.utilization ?? null),
    })),
  };
}
