"use client";

import { Bar, BarChart, CartesianGrid, Cell, LabelList, XAxis, YAxis } from "recharts";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { CsvButton, DataTable } from "./data-table";
import { ChartFrame } from "./chart-frame";
import { formatGpuHours, formatPercent } from "./format";
import type { TeamRow } from "./report-view";
import { teamColumns } from "./table-columns";

const MS_PER_HOUR = 3_600_000;
const compactHours = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });

type Bar = { name: string; hours: number; label: string; spoken: string; unused: boolean };

/** GPU-hours each team held in the window (and the capacity nobody held), with the teams' share of costs and savings. */
export function TeamsCard({ rows, total, fileName }: { rows: TeamRow[]; total: TeamRow; fileName: string }) {
  const teams = rows.filter((r) => !r.idle);
  const unusedMs = Math.max(0, total.availableGpuMs - total.heldGpuMs);
  const share = (ms: number) => (total.availableGpuMs > 0 ? ms / total.availableGpuMs : null);
  const bars: Bar[] = [
    ...teams.map((t) => bar(t.name, t.heldGpuMs, false)),
    bar("Idle capacity", unusedMs, true),
  ];
  function bar(name: string, ms: number, unused: boolean): Bar {
    const hours = formatGpuHours(ms);
    const pct = formatPercent(share(ms));
    return { name, hours: ms / MS_PER_HOUR, label: `${hours} h · ${pct}`, spoken: `${name} ${hours} GPU-hours, ${pct} of capacity`, unused };
  }
  const summary = `Bar chart of GPU-hours held per team in the window. ${bars.map((b) => b.spoken).join("; ")}.`;
  const rowsWithTotal = [...rows, total];
  const height = 40 + bars.length * 44;

  return (
    <Card>
      <CardHeader
        title="GPU-hours by team"
        description="GPU-hours held in the window, charged to the requester's team."
        actions={<CsvButton of="savings by team" fileName={fileName} rows={rowsWithTotal} columns={teamColumns} />}
      />
      <CardBody className="space-y-5">
        {teams.length === 0 ? (
          <p className="text-sm text-slate-600">No team held a GPU in this window.</p>
        ) : (
          <ChartFrame summary={summary} height={height}>
            {(width) => {
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
            }}
          </ChartFrame>
        )}
        <div className="space-y-3">
          <DataTable caption="Usage, costs and savings per team" rows={rows} total={total} columns={teamColumns} rowKey={(r) => r.id} />
          <p className="text-xs text-slate-600">
            Machine costs are shared in proportion to the GPU-hours each team held; the cost of hours nobody held stays with idle
            capacity. Share of capacity: GPU-hours held ÷ the fleet&apos;s GPU-hours in service.
          </p>
        </div>
      </CardBody>
    </Card>
  );
}
