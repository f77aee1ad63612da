"use client";

import dynamic from "next/dynamic";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/states";
import { CsvButton, DataTable } from "./data-table";
import { ChartFrame } from "./chart-frame";
import { formatGpuHours, formatPercent } from "./format";
import type { TeamRow } from "./report-view";
import { purposeColumns, teamColumns } from "./table-columns";
import type { TeamBar } from "./teams-chart";

// Recharts is a large download the page's first paint does not need: the charts draw only once their frame is measured.
const TeamsChart = dynamic(() => import("./teams-chart").then((m) => m.TeamsChart), {
  ssr: false,
  loading: () => <Skeleton className="h-full w-full" />,
});

const MS_PER_HOUR = 3_600_000;

/** The card's words per grouping: teams, or the slices' purposes (shared out the same way). */
const WORDS = {
  team: { title: "GPU-hours by team", description: "GPU-hours held in the window, charged to the requester's team.", of: "savings by team", per: "team", none: "No team held a GPU in this window.", columns: teamColumns },
  purpose: { title: "Costs and savings by purpose", description: "Training, interactive work and serving, as each slice was requested: serving runs around the clock, so its cost is shown apart.", of: "savings by purpose", per: "purpose", none: "No slice held a GPU in this window.", columns: purposeColumns },
} as const;

/** GPU-hours each team (or purpose) held in the window (and the capacity nobody held), with their share of costs and savings. */
export function TeamsCard({ rows, total, fileName, by = "team" }: { rows: TeamRow[]; total: TeamRow; fileName: string; by?: keyof typeof WORDS }) {
  const words = WORDS[by];
  const teams = rows.filter((r) => !r.idle);
  const unusedMs = Math.max(0, total.availableGpuMs - total.heldGpuMs);
  const share = (ms: number) => (total.availableGpuMs > 0 ? ms / total.availableGpuMs : null);
  const bars: TeamBar[] = [
    ...teams.map((t) => bar(t.name, t.heldGpuMs, false)),
    bar("Idle capacity", unusedMs, true),
  ];
  function bar(name: string, ms: number, unused: boolean): TeamBar {
    const hours = formatGpuHours(ms);
    const pct = formatPercent(share(ms));
    return { name, hours: ms / MS_PER_HOUR, label: `${hours} h · ${pct}`, spoken: `${name} ${hours} GPU-hours, ${pct} of capacity`, unused };
  }
  const summary = `Bar chart of GPU-hours held per ${words.per} in the window. ${bars.map((b) => b.spoken).join("; ")}.`;
  const rowsWithTotal = [...rows, total];
  const height = 40 + bars.length * 44;

  return (
    <Card>
      <CardHeader
        title={words.title}
        description={words.description}
        actions={<CsvButton of={words.of} fileName={fileName} rows={rowsWithTotal} columns={words.columns} />}
      />
      <CardBody className="space-y-5">
        {teams.length === 0 ? (
          <p className="text-sm text-slate-600">{words.none}</p>
        ) : (
          <ChartFrame summary={summary} height={height}>
            {(width) => <TeamsChart bars={bars} width={width} height={height} />}
          </ChartFrame>
        )}
        <div className="space-y-3">
          <DataTable caption={`Usage, costs and savings per ${words.per}`} rows={rows} total={total} columns={words.columns} rowKey={(r) => r.id} />
          <p className="text-xs text-slate-600">
            Machine costs are shared in proportion to the GPU-hours each {words.per} held; the cost of hours nobody held stays with idle
            capacity. Share of capacity: GPU-hours held ÷ the fleet&apos;s GPU-hours in service.
          </p>
        </div>
      </CardBody>
    </Card>
  );
}
