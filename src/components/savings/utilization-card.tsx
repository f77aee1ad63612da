"use client";

import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { formatDate } from "@/components/format";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { axisPercent, timeTicks } from "./chart-axes";
import { ChartFrame, ChartTooltip } from "./chart-frame";
import { CsvButton, DataTable, type Column } from "./data-table";
import { EndLabels } from "./end-labels";
import { formatPercent, percentDecimal, periodLabel } from "./format";
import type { UtilizationTable } from "./report-view";
import { markerDot, seriesStyle, SeriesLegend } from "./series";

type Period = UtilizationTable["periods"][number];
type Point = { t: number; label: string } & Record<string, number | null | string>;
const MAX_MARKED_POINTS = 40;

function columnsOf(table: UtilizationTable, bucket: "day" | "week" | "month"): Column<Period>[] {
  return [
    { header: "Period", csvHeader: "Period start (UTC)", csv: (p) => p.from, cell: (p) => periodLabel(p.from, p.to, bucket) },
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
  const points: Point[] = table.periods.map((p) => ({
    t: p.from.getTime(),
    label: periodLabel(p.from, p.to, bucket),
    ...Object.fromEntries(table.machines.map((m, i) => [m.id, p.utilization[i] === null || p.utilization[i] === undefined ? null : p.utilization[i]! * 100])),
  }));
  const first = table.periods[0]?.from;
  const end = table.periods[table.periods.length - 1]?.to;
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
          {(width) => {
            const narrow = width < 560;
            const from = first?.getTime() ?? 0;
            const to = table.periods[table.periods.length - 1]?.from.getTime() ?? from;
            const { ticks, label } = timeTicks(from, to, Math.floor(width / 100));
            const marked = points.length <= MAX_MARKED_POINTS;
            const ends = table.machines.flatMap((m, i) => {
              const lastValue = [...points].reverse().find((p) => typeof p[m.id] === "number");
              return lastValue ? [{ x: lastValue.t, y: lastValue[m.id] as number, text: m.name, color: styles[i]!.color }] : [];
            });
            return (
              <LineChart width={width} height={300} data={points} accessibilityLayer={false} margin={{ top: 12, right: narrow ? 12 : 96, bottom: 4, left: 4 }}>
                <CartesianGrid stroke="#e2e8f0" vertical={false} />
                <XAxis dataKey="t" type="number" domain={[from, to]} ticks={ticks} tickFormatter={label} stroke="#64748b" tick={{ fontSize: 12, fill: "#475569" }} />
                <YAxis domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tickFormatter={axisPercent} stroke="#64748b" tick={{ fontSize: 12, fill: "#475569" }} width={48} />
                <Tooltip
                  content={({ active, payload }) => {
                    const point = payload?.[0]?.payload as Point | undefined;
                    if (!active || !point) return null;
                    return (
                      <ChartTooltip
                        title={point.label}
                        lines={table.machines.map((m, i) => ({
                          label: m.name,
                          value: typeof point[m.id] === "number" ? `${(point[m.id] as number).toFixed(1)}%` : "not in service",
                          color: styles[i]!.color,
                        }))}
                      />
                    );
                  }}
                />
                {table.machines.map((m, i) => (
                  <Line
                    key={m.id}
                    dataKey={m.id}
                    name={m.name}
                    stroke={styles[i]!.color}
                    strokeWidth={2}
                    strokeDasharray={styles[i]!.dash}
                    dot={marked ? markerDot(styles[i]!) : false}
                    activeDot={{ r: 5 }}
                    isAnimationActive={false}
                  />
                ))}
                {!narrow && <EndLabels labels={ends} />}
              </LineChart>
            );
          }}
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
