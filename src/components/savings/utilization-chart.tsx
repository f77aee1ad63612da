"use client";

import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { axisPercent, timeTicks } from "./chart-axes";
import { ChartTooltip } from "./chart-frame";
import { EndLabels } from "./end-labels";
import { markerDot, type SeriesStyle } from "./series";

/** One period: its start, its label, and each machine's utilization in percent (keyed by machine id; null when not in service). */
export type UtilizationPoint = { t: number; label: string } & Record<string, number | null | string>;

const MAX_MARKED_POINTS = 40;

/** The utilization drawing, one line per machine; its own module so Recharts loads only once a chart is shown. */
export function UtilizationChart({
  points,
  machines,
  styles,
  width,
  from,
  to,
}: {
  points: UtilizationPoint[];
  machines: { id: string; name: string }[];
  styles: SeriesStyle[];
  width: number;
  from: number;
  to: number;
}) {
  const narrow = width < 560;
  const { ticks, label } = timeTicks(from, to, Math.floor(width / 100));
  const marked = points.length <= MAX_MARKED_POINTS;
  const ends = machines.flatMap((m, i) => {
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
          const point = payload?.[0]?.payload as UtilizationPoint | undefined;
          if (!active || !point) return null;
          return (
            <ChartTooltip
              title={point.label}
              lines={machines.map((m, i) => ({
                label: m.name,
                value: typeof point[m.id] === "number" ? `${(point[m.id] as number).toFixed(1)}%` : "not in service",
                color: styles[i]!.color,
              }))}
            />
          );
        }}
      />
      {machines.map((m, i) => (
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
}
