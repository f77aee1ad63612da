/** A small utilization trace (0–100 %), for the eye only: the numbers beside it carry the meaning. */
export function Sparkline({ values, width = 96, height = 24 }: { values: number[]; width?: number; height?: number }) {
  if (values.length < 2) return <span className="inline-block text-xs text-slate-500" style={{ width }}>no history yet</span>;
  const step = width / (values.length - 1);
  const points = values.map((v, i) => `${(i * step).toFixed(1)},${(height - (Math.min(Math.max(v, 0), 100) / 100) * (height - 2) - 1).toFixed(1)}`).join(" ");
  return (
    <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} aria-hidden="true" className="overflow-visible">
      <line x1="0" x2={width} y1={height - 1} y2={height - 1} className="stroke-slate-200" strokeWidth="1" />
      <polyline points={points} fill="none" className="stroke-indigo-600" strokeWidth="1.5" strokeLinejoin="round" />
    </svg>
  );
}

/** A horizontal share bar with its text; `tone` warns when a GPU is nearly full. */
export function ShareBar({ share, label }: { share: number; label: string }) {
  const pct = Math.round(Math.min(Math.max(share, 0), 1) * 100);
  return (
    <div className="min-w-28">
      <div className="text-xs text-slate-700">{label}</div>
      <div className="mt-1 h-1.5 w-full rounded-full bg-slate-100" aria-hidden="true">
        <div className={pct >= 90 ? "h-1.5 rounded-full bg-amber-500" : "h-1.5 rounded-full bg-indigo-600"} style={{ width: `${pct}%` }} />
      </div>
    </div>
  );
}
