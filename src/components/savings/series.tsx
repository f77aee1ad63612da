import type { ReactElement } from "react";

/**
 * How chart series tell themselves apart without colour: each has its own dash pattern and
 * marker shape as well as a colour (all at least 3:1 against white), and the legend draws the
 * same line and marker next to the series' name.
 */
export type MarkerShape = "circle" | "square" | "triangle" | "diamond" | "cross";

export interface SeriesStyle {
  color: string;
  /** SVG stroke-dasharray; undefined for a solid line. */
  dash?: string;
  marker: MarkerShape;
}

export const SERIES_STYLES: readonly SeriesStyle[] = [
  { color: "#4f46e5", marker: "circle" },
  { color: "#b45309", dash: "7 4", marker: "square" },
  { color: "#047857", dash: "2 3", marker: "triangle" },
  { color: "#be185d", dash: "10 3 2 3", marker: "diamond" },
  { color: "#475569", dash: "4 2", marker: "cross" },
];

export function seriesStyle(index: number): SeriesStyle {
  return SERIES_STYLES[index % SERIES_STYLES.length]!;
}

/** A marker centred on (cx, cy), drawn in the series' colour with a white halo so it reads on top of lines. */
export function Marker({ shape, cx, cy, color, size = 4 }: { shape: MarkerShape; cx: number; cy: number; color: string; size?: number }): ReactElement {
  const common = { fill: color, stroke: "#fff", strokeWidth: 1 };
  switch (shape) {
    case "circle":
      return <circle cx={cx} cy={cy} r={size} {...common} />;
    case "square":
      return <rect x={cx - size} y={cy - size} width={size * 2} height={size * 2} {...common} />;
    case "triangle":
      return <polygon points={`${cx},${cy - size * 1.2} ${cx + size * 1.1},${cy + size * 0.9} ${cx - size * 1.1},${cy + size * 0.9}`} {...common} />;
    case "diamond":
      return <polygon points={`${cx},${cy - size * 1.3} ${cx + size * 1.1},${cy} ${cx},${cy + size * 1.3} ${cx - size * 1.1},${cy}`} {...common} />;
    case "cross":
      return (
        <path
          d={`M${cx - size},${cy - size}L${cx + size},${cy + size}M${cx + size},${cy - size}L${cx - size},${cy + size}`}
          stroke={color}
          strokeWidth={2.5}
          fill="none"
        />
      );
  }
}

/** The legend of a line chart, in HTML so it wraps on small screens and reads as a list. */
export function SeriesLegend({ items, label = "Legend" }: { items: { name: string; style: SeriesStyle; detail?: string }[]; label?: string }) {
  return (
    <ul aria-label={label} className="flex flex-wrap gap-x-5 gap-y-1.5 text-sm text-slate-700">
      {items.map(({ name, style, detail }) => (
        <li key={name} className="flex items-center gap-2">
          <svg aria-hidden="true" width="34" height="12" viewBox="0 0 34 12" className="shrink-0">
            <line x1="1" y1="6" x2="33" y2="6" stroke={style.color} strokeWidth="2.5" strokeDasharray={style.dash} />
            <Marker shape={style.marker} cx={17} cy={6} color={style.color} size={3.5} />
          </svg>
          <span>
            {name}
            {detail && <span className="text-slate-500"> · {detail}</span>}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** Recharts `dot` renderer drawing the series' marker (nothing where the value is missing). */
export function markerDot(style: SeriesStyle, size = 3.5) {
  function MarkerDot(props: { cx?: number; cy?: number | null; index?: number; value?: unknown }) {
    const { cx, cy, index } = props;
    if (typeof cx !== "number" || typeof cy !== "number" || props.value === null) return <g key={`none-${index}`} />;
    return (
      <g key={`marker-${index}`}>
        <Marker shape={style.marker} cx={cx} cy={cy} color={style.color} size={size} />
      </g>
    );
  }
  return MarkerDot;
}
