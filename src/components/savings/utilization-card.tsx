"use client";

import dynamic from "next/dynamic";
import { formatDate } from "@/components/format";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/states";
import { ChartFrame } from "./chart-frame";
import { CsvButton, DataTable, type Column } from "./data-table";
import { formatPercent, percentDecimal, periodLabel } from "./format";
import type { UtilizationTable } from "./report-view";
import { seriesStyle, SeriesLegend } from "./series";
import type { UtilizationPoint } from "./utilization-chart";

// Recharts is a large download the page's first paint does not need: the charts draw only once their frame is measured.
const UtilizationChart = dynamic(() => import("./utilization-chart").then((m) => m.UtilizationChart), {
  ssr: false,
  loading: () => <Skeleton className="h-full w-full" />,
});

type Period = UtilizationTable["periods"][number];

function columnsOf(table: UtilizationTable, bucket: "day" | "week" | "month"): Column<Period>[] {
  return [
    { header: "Period (UTC)", csvHeader: "Period start (UTC)", csv: (p) => p.from, cell: (p) => periodLabel(p.from, p.to, bucket) },
    { header: "Period end", csvHeader: "Period end (UTC)", csv: (p) => p.to, screen: false },
    ...table.machines.map((m, i) => ({
      header: m.name,
      csvHeader: `${m.name} utilization (%)`,
      numeric: true,
      csv: (p: Period) => percentDecimal(p.utilization[i] ?? null),
      cell: (p: Period) => formatPercent(p.utilization[i] ?? null),
    })),
  ];
}

/** Held GPU-hours over available GPU-hours, per machine and period: which machines are busy, which idle. */
export function UtilizationCard({ table, bucket, fileName }: { table: UtilizationTable; bucket: "day" | "week" | "month"; fileName: string }) {
  const styles = table.machines.map((_, i) => seriesStyle(i));
  const points: UtilizationPoint[] = table.periods.map((p) => ({
    t: p.from.getTime(),
    label: periodLabel(p.from, p.to, bucket),
    ...Object.fromEntries(table.machines.map((m, i) => [m.id, p.utilization[i] === null || p.utilization[i] === undefined ? null : p.utilization[i]! * 100])),
  }));
  const first = table.periods[0]?.from;
  const end = table.periods[table.periods.length - 1]?.to;
  const from = first?.getTime() ?? 0;
  const to = table.periods[table.periods.length - 1]?.from.getTime() ?? from;
  const summary =
    first && end
      ? `Line chart of utilization per ${bucket} from ${formatDate(first)} to ${formatDate(new Date(end.getTime() - 1))}, one line per machine. ` +
        table.machines.map((m) => `${m.name} ${formatPercent(m.utilization)} over the window`).join(", ") +
        "."
      : "No periods in this window.";
  const columns = columnsOf(table, bucket);

  return (
    <Card>
      <CardHeader
        title="Utilization per machine"
        description={`Held GPU-hours ÷ GPU-hours in service, per machine and ${bucket}.`}
        actions={<CsvButton of={`utilization per ${bucket}`} fileName={fileName} rows={table.periods} columns={columns} />}
      />
      <CardBody className="space-y-4">
        <ChartFrame
          summary={summary}
          height={300}
          legend={
            <SeriesLegend
              label="Machines in the utilization chart"
              items={table.machines.map((m, i) => ({ name: m.name, style: styles[i]!, detail: `${formatPercent(m.utilization)} overall` }))}
            />
          }
        >
          {(width) => <UtilizationChart points={points} machines={table.machines} styles={styles} width={width} from={from} to={to} />}
        </ChartFrame>
        <details className="rounded-lg border border-slate-200">
          <summary className="cursor-pointer px-4 py-2.5 text-sm font-medium text-slate-800 select-none hover:bg-slate-50">
            Show the numbers per {bucket} ({table.periods.length} rows)
          </summary>
          <div className="max-h-[28rem] overflow-y-auto border-t border-slate-200">
            <DataTable caption="Utilization per machine and period" rows={table.periods} columns={columns} rowKey={(p) => String(p.from.getTime())} className="rounded-none border-0" />
          </div>
        </details>
      </CardBody>
    </Card>
  );
}
