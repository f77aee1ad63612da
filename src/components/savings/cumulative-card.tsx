"use client";

import dynamic from "next/dynamic";
import { formatDate } from "@/components/format";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/states";
import { formatUsd } from "@/core/costs/money";
import { ChartFrame } from "./chart-frame";
import type { CumulativePoint, CumulativeSeries } from "./cumulative-chart";
import { CsvButton, DataTable } from "./data-table";
import type { PeriodRow } from "./report-view";
import { seriesStyle, SeriesLegend } from "./series";
import { periodColumns } from "./table-columns";

// Recharts is a large download the page's first paint does not need: the charts draw only once their frame is measured.
const CumulativeChart = dynamic(() => import("./cumulative-chart").then((m) => m.CumulativeChart), {
  ssr: false,
  loading: () => <Skeleton className="h-full w-full" />,
});

const SERIES: CumulativeSeries = [
  { key: "cloud", name: "Cloud-equivalent", short: "Cloud", style: seriesStyle(0) },
  { key: "onPrem", name: "On-prem cost", short: "On-prem", style: seriesStyle(1) },
  { key: "savings", name: "Savings", short: "Savings", style: seriesStyle(2) },
];

const dollars = (micros: bigint) => Number(micros) / 1e6;

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
  const points: CumulativePoint[] = [
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
          {(width) => <CumulativeChart series={SERIES} points={points} width={width} from={from} to={to} breakEvenAt={breakEvenInWindow ? breakEvenAt : null} />}
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
