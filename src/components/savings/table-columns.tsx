"use client";

import Link from "next/link";
import { formatDate } from "@/components/format";
import { Badge } from "@/components/ui/badge";
import { formatUsd, formatUsdPrecise } from "@/core/costs/money";
import type { Column } from "./data-table";
import { formatGpuHours, formatPercent, gpuHoursDecimal, percentDecimal, periodLabel } from "./format";
import type { MachineRow, PeriodRow, TeamRow } from "./report-view";

/** Money as shown: cents, with every micro-dollar on hover; negative savings are marked in words too. */
export function Usd({ micros, strong = false }: { micros: bigint; strong?: boolean }) {
  return (
    <span title={formatUsdPrecise(micros)} className={strong ? (micros < 0n ? "font-semibold text-red-700" : "font-semibold text-emerald-800") : undefined}>
      {formatUsd(micros)}
    </span>
  );
}

type Money = Pick<MachineRow, "cloudMicros" | "capexMicros" | "energyMicros" | "maintenanceMicros" | "onPremMicros" | "savingsMicros" | "heldGpuMs" | "utilization">;

function moneyColumn<Row extends Money>(header: string, pick: (row: Row) => bigint, strong = false): Column<Row> {
  return { header, csvHeader: `${header} (USD)`, numeric: true, csv: pick, cell: (row) => <Usd micros={pick(row)} strong={strong} /> };
}

function hoursColumn<Row extends Money>(): Column<Row> {
  return { header: "GPU-hours", numeric: true, csv: (r) => gpuHoursDecimal(r.heldGpuMs), cell: (r) => formatGpuHours(r.heldGpuMs) };
}

function utilizationColumn<Row extends Money>(header: string): Column<Row> {
  return { header, csvHeader: `${header} (%)`, numeric: true, csv: (r) => percentDecimal(r.utilization), cell: (r) => formatPercent(r.utilization) };
}

export function machineColumns(manage: boolean): Column<MachineRow>[] {
  return [
    {
      header: "Machine",
      csv: (r) => r.name,
      cell: (r) => (
        <span className="flex flex-col items-start gap-0.5">
          <span className="font-mono">{r.name}</span>
          {r.capexMissing && r.id !== "fleet" && <Badge tone="warning">No capex set</Badge>}
          {manage && r.id !== "fleet" && (
            <Link href={`/savings/machines/${r.id}`} className="text-xs font-normal text-indigo-700 hover:underline" aria-label={`Cost settings of ${r.name}`}>
              Cost settings
            </Link>
          )}
        </span>
      ),
    },
    hoursColumn(),
    utilizationColumn("Utilization"),
    moneyColumn("Cloud-equivalent", (r) => r.cloudMicros),
    moneyColumn("Capex", (r) => r.capexMicros),
    moneyColumn("Energy", (r) => r.energyMicros),
    moneyColumn("Maintenance", (r) => r.maintenanceMicros),
    moneyColumn("On-prem cost", (r) => r.onPremMicros),
    moneyColumn("Savings", (r) => r.savingsMicros, true),
    {
      header: "Break-even",
      csvHeader: "Break-even (UTC)",
      csv: (r) => r.breakEven,
      cell: (r) => (r.breakEven ? formatDate(r.breakEven) : <span className="text-slate-500">Not yet</span>),
    },
  ];
}

export const teamColumns: Column<TeamRow>[] = [
  { header: "Team", csv: (r) => r.name, cell: (r) => (r.idle ? <span className="font-normal text-slate-600 italic">{r.name}</span> : r.name) },
  hoursColumn(),
  utilizationColumn("Share of capacity"),
  moneyColumn("Cloud-equivalent", (r) => r.cloudMicros),
  moneyColumn("On-prem cost share", (r) => r.onPremMicros),
  moneyColumn("Savings", (r) => r.savingsMicros, true),
];

/** The same figures per purpose (training, interactive, serving). */
export const purposeColumns: Column<TeamRow>[] = [{ ...teamColumns[0]!, header: "Purpose" }, ...teamColumns.slice(1)];

export function periodColumns(bucket: "day" | "week" | "month"): Column<PeriodRow>[] {
  return [
    { header: "Period (UTC)", csvHeader: "Period start (UTC)", csv: (r) => r.from, cell: (r) => periodLabel(r.from, r.to, bucket) },
    { header: "Period end", csvHeader: "Period end (UTC)", csv: (r) => r.to, screen: false },
    hoursColumn(),
    utilizationColumn("Utilization"),
    moneyColumn("Cloud-equivalent", (r) => r.cloudMicros),
    moneyColumn("On-prem cost", (r) => r.onPremMicros),
    moneyColumn("Savings", (r) => r.savingsMicros, true),
    moneyColumn("Cumulative savings", (r) => r.cumulativeSavingsMicros),
  ];
}
