"use client";

import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { formatDate } from "@/components/format";
import { formatUsd } from "@/core/costs/money";
import { axisUsd, timeTicks } from "./chart-axes";
import { ChartTooltip } from "./chart-frame";
import { EndLabels } from "./end-labels";
import { markerDot, type SeriesStyle } from "./series";

export type CumulativeKey = "cloud" | "onPrem" | "savings";
export type CumulativeSeries = readonly { key: CumulativeKey; name: string; short: string; style: SeriesStyle }[];
export type CumulativePoint = { t: number } & Record<CumulativeKey, number> & Record<`${CumulativeKey}Micros`, bigint>;

const MAX_MARKED_POINTS = 40;

/** The cumulative savings drawing; its own module so Recharts loads only once a chart is shown. */
export function CumulativeChart({
  series,
  points,
  width,
  from,
  to,
  breakEvenAt,
}: {
  series: CumulativeSeries;
  points: CumulativePoint[];
  width: number;
  from: number;
  to: number;
  breakEvenAt: number | null;
}) {
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
          const point = payload?.[0]?.payload as CumulativePoint | undefined;
          if (!active || !point) return null;
          return (
            <ChartTooltip
              title={`Up to ${formatDate(new Date(point.t - 1))}`}
              lines={series.map((s) => ({ label: s.name, value: formatUsd(point[`${s.key}Micros`]), color: s.style.color }))}
            />
          );
        }}
      />
      {series.map((s) => (
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
      {!narrow && <EndLabels labels={series.map((s) => ({ x: last.t, y: last[s.key], text: `${s.short} ${axisUsd(last[s.key])}`, color: s.style.color }))} />}
    </LineChart>
  );
}
