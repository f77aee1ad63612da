"use client";

import { usePlotArea, useXAxisScale, useYAxisScale } from "recharts";
import { spreadLabels } from "./chart-axes";

/**
 * Direct labels at the right end of each line, in the chart's right margin, moved apart where
 * lines end close together, so a reader needs neither the legend nor colour to tell them apart.
 */
export function EndLabels({ labels }: { labels: { x: number; y: number; text: string; color: string }[] }) {
  const xScale = useXAxisScale();
  const yScale = useYAxisScale();
  const plot = usePlotArea();
  if (!xScale || !yScale || !plot) return null;
  const placed = labels
    .map((l) => ({ ...l, px: xScale(l.x), py: yScale(l.y) }))
    .filter((l): l is typeof l & { px: number; py: number } => typeof l.px === "number" && typeof l.py === "number");
  const ys = spreadLabels(placed.map((l) => l.py), 15, plot.y + 6, plot.y + plot.height);
  return (
    <g aria-hidden="true">
      {placed.map((l, i) => (
        <g key={l.text}>
          <line x1={l.px + 4} y1={l.py} x2={plot.x + plot.width + 6} y2={ys[i]!} stroke={l.color} strokeWidth={1} strokeOpacity={0.5} />
          <text x={plot.x + plot.width + 9} y={ys[i]!} dy="0.35em" fontSize={12} fontWeight={600} fill={l.color}>
            {l.text}
          </text>
        </g>
      ))}
    </g>
  );
}
