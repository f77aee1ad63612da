"use client";

import { Bar, BarChart, CartesianGrid, Cell, LabelList, XAxis, YAxis } from "recharts";

/** One bar: a team's (or the idle capacity's) GPU-hours and the label drawn beside it. */
export type TeamBar = { name: string; hours: number; label: string; spoken: string; unused: boolean };

const compactHours = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });

/** The GPU-hours-by-team drawing, idle capacity hatched; its own module so Recharts loads only once a chart is shown. */
export function TeamsChart({ bars, width, height }: { bars: TeamBar[]; width: number; height: number }) {
  const narrow = width < 560;
  return (
    <BarChart width={width} height={height} data={bars} layout="vertical" accessibilityLayer={false} margin={{ top: 4, right: narrow ? 96 : 150, bottom: 4, left: 4 }} barCategoryGap={10}>
      <defs>
        <pattern id="unused-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" fill="#f1f5f9" />
          <line x1="0" y1="0" x2="0" y2="6" stroke="#64748b" strokeWidth="2" />
        </pattern>
      </defs>
      <CartesianGrid stroke="#e2e8f0" horizontal={false} />
      <XAxis type="number" tickCount={6} tickFormatter={(v: number) => `${compactHours.format(v)} h`} stroke="#64748b" tick={{ fontSize: 12, fill: "#475569" }} />
      <YAxis type="category" dataKey="name" width={narrow ? 90 : 130} stroke="#64748b" tick={{ fontSize: 12, fill: "#334155" }} />
      <Bar dataKey="hours" isAnimationActive={false} radius={[0, 4, 4, 0]}>
        {bars.map((b) => (
          <Cell key={b.name} fill={b.unused ? "url(#unused-hatch)" : "#4f46e5"} stroke={b.unused ? "#64748b" : undefined} />
        ))}
        <LabelList dataKey="label" position="right" fill="#334155" fontSize={12} />
      </Bar>
    </BarChart>
  );
}
