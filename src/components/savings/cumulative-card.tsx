"use client";

import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { formatDate } from "@/components/format";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { formatUsd } from "@/core/costs/money";
import { axisUsd, timeTicks } from "./chart-axes";
import { ChartFrame, ChartTooltip } from "./chart-frame";
import { CsvButton, DataTable } from "./data-table";
import { EndLabels } from "./end-labels";
import type { PeriodRow } from "./report-view";
import { markerDot, seriesStyle, SeriesLegend } from "./series";
import { periodColumns } from "./table-columns";

const SERIES = [
  { key: "cloud", name: "Cloud-equivalent", short: "Cloud", style: seriesStyle(0) },
  { key: "onPrem", name: "On-prem cost", short: "On-prem", style: seriesStyle(1) },
  { key: "savings", name: "Savings", short: "Savings", style: seriesStyle(2) },
] as const;
type SeriesKey = (typeof SERIES)[number]["key"];
type Point = { t: number } & Record<SeriesKey, number> & Record<`${SeriesKey}Micros`, bigint>;

const dollars = (micros: bigint) => Number(micros) / 1e6;
const MAX_MARKED_POINTS = 40;

/**
 * The fleet's running totals over the window: what the same GPU time would have cost in the
 * cloud, what the machines cost, and the difference, with the fleet's break-even marked.
 */
export function CumulativeCard({
  periods,
  window,
  bucket,
  fleetBreakEven,
  fileName,
}: {
  periods: PeriodRow[];
  window: { from: Date; to: Date };
  bucket: "day" | "week" | "month";
  fleetBreakEven: Date | null;
  fileName: string;
}) {
  const from = window.from.getTime();
  const to = window.to.getTime();
  const points: Point[] = [
    { t: from, cloud: 0, onPrem: 0, savings: 0, cloudMicros: 0n, onPremMicros: 0n, savingsMicros: 0n },
    ...periods.map((p) => ({
      t: p.to.getTime(),
      cloud: dollars(p.cumulativeCloudMicros),
      onPrem: dollars(p.cumulativeOnPremMicros),
      savings: dollars(p.cumulativeSavingsMicros),
      cloudMicros: p.cumulativeCloudMicros,
      onPremMicros: p.cumulativeOnPremMicros,
      savingsMicros: p.cumulativeSavingsMicros,
    })),
  ];
  const last = points[points.length - 1]!;
  const breakEvenAt = fleetBreakEven?.getTime() ?? null;
  const breakEvenInWindow = breakEvenAt !== null && breakEvenAt >= from && breakEvenAt <= to;
  const breakEvenText = fleetBreakEven
    ? breakEvenInWindow
      ? `The fleet broke even on ${formatDate(fleetBreakEven)}.`
      : `The fleet broke even on ${formatDate(fleetBreakEven)}${breakEvenAt! < from ? ", before this window" : ""}.`
    : "The fleet has not broken even yet.";
  const summary =
    `Line chart of cumulative cloud-equivalent, on-prem cost and savings from ${formatDate(window.from)} to ${formatDate(new Date(to - 1))}. ` +
    `By the end: cloud-equivalent ${formatUsd(last.cloudMicros)}, on-prem cost ${formatUsd(last.onPremMicros)}, savings ${formatUsd(last.savingsMicros)}. ${breakEvenText}`;
  const columns = periodColumns(bucket);

  return (
    <Card>
      <CardHeader
        title="Cumulative savings"
        description={`Running totals from the start of the window. ${breakEvenText}`}
        actions={<CsvButton of={`fleet figures per ${bucket}`} fileName={fileName} rows={periods} columns={columns} />}
      />
      <CardBody className="space-y-4">
        <ChartFrame
          summary={summary}
          height={340}
          legend={<SeriesLegend items={SERIES.map((s) => ({ name: s.name, style: s.style }))} label="Lines in the cumulative savings chart" />}
        >
          {(width) => <Chart points={points} width={width} from={from} to={to} breakEvenAt={breakEvenInWindow ? breakEvenAt : null} />}
        </ChartFrame>
        <details className="group rounded-lg border border-slate-200">
          <summary className="cursor-pointer px-4 py-2.5 text-sm font-medium text-slate-800 select-none hover:bg-slate-50">
            Show the numbers per {bucket} ({periods.length} rows)
          </summary>
          <div className="max-h-[28rem] overflow-y-auto border-t border-slate-200">
            <DataTable caption="Fleet figures per period" rows={periods} columns={columns} rowKey={(r) => String(r.from.getTime())} className="rounded-none border-0" />
          </div>
        </details>
      </CardBody>
    </Card>
  );
}

function Chart({ points, width, from, to, breakEvenAt }: { points: Point[]; width: number; from: number; to: number; breakEvenAt: number | null }) {
  const narrow = width < 560;
  const { ticks, label } = timeTicks(from, to, Math.floor(width / 100));
  const last = points[points.length - 1]!;
  const marked = points.length <= MAX_MARKED_POINTS;
  const breakEvenOnRight = breakEvenAt !== null && breakEvenAt > (from + to) / 2;
  return (
    <LineChart width={width} height={340} data={points} accessibilityLayer={false} margin={{ top: 24, right: narrow ? 12 : 128, bottom: 4, left: 4 }}>
      <CartesianGrid stroke="#e2e8f0" vertical={false} />
      <XAxis dataKey="t" type="number" domain={[from, to]} ticks={ticks} tickFormatter={label} stroke="#64748b" tick={{ fontSize: 12, fill: "#475569" }} />
      <YAxis tickFormatter={axisUsd} stroke="#64748b" tick={{ fontSize: 12, fill: "#475569" }} width={60} />
      <ReferenceLine y={0} stroke="#94a3b8" />
      {breakEvenAt !== null && (
        <ReferenceLine
          x={breakEvenAt}
          stroke="#0f172a"
          strokeDasharray="3 3"
          label={{ value: `Break-even ${formatDate(new Date(breakEvenAt))}`, position: breakEvenOnRight ? "insideTopRight" : "insideTopLeft", fill: "#0f172a", fontSize: 12, fontWeight: 600 }}
        />
      )}
      <Tooltip
        content={({ active, payload }) => {
          const point = payload?.[0]?.payload as Point | undefined;
          if (!active || !point) return null;
          return (
            <ChartTooltip
              title={`Up to ${formatDate(new Date(point.t - 1))}`}
              lines={SERIES.map((s) => ({ label: s.name, value: formatUsd(point[`${s.key}Micros`]), color: s.style.color }))}
            />
          );
        }}
      />
      {SERIES.map((s) => (
        <Line
          key={s.key}
          dataKey={s.key}
          name={s.name}
          type="linear"
          stroke={s.style.color}
          strokeWidth={s.key === "savings" ? 3 : 2}
          strokeDasharray={s.style.dash}
          dot={marked ? markerDot(s.style) : false}
          activeDot={{ r: 5 }}
          isAnimationActive={false}
        />
      ))}
      {!narrow && <EndLabels labels={SERIES.map((s) => ({ x: last.t, y: last[s.key], text: `${s.short} ${axisUsd(last[s.key])}`, color: s.style.color }))} />}
    </LineChart>
  );
}
