"use client";

import { useState } from "react";
import { formatUsd, formatUsdPrecise } from "@/core/costs/money";
import { LocalTime } from "@/components/time/local-time";
import { CsvButton, DataTable, type Column } from "@/components/savings/data-table";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { hours } from "./format";
import type { TelemetryOutputs } from "./types";

type UsedHeld = TelemetryOutputs["usedVersusHeld"];
type Row = UsedHeld["byMachine"][number];
const GROUPS = [
  { key: "byMachine", label: "Machine" },
  { key: "byTeam", label: "Team" },
  { key: "byPerson", label: "Person" },
] as const;

/** Used GPU-hours beside held ones and the idle-held cost, by machine, team or person, from the agents' telemetry. */
export function UsedHeldCard({ data, fileName }: { data: UsedHeld; fileName: string }) {
  const [group, setGroup] = useState<(typeof GROUPS)[number]>(GROUPS[0]);
  const columns: Column<Row>[] = [
    { header: group.label, csv: (r) => r.key },
    { header: "Held GPU-h", csv: (r) => r.heldGpuHours.toFixed(3), cell: (r) => hours(r.heldGpuHours), numeric: true },
    { header: "Measured GPU-h", csv: (r) => r.measuredGpuHours.toFixed(3), cell: (r) => hours(r.measuredGpuHours), numeric: true },
    { header: "Used GPU-h", csv: (r) => r.usedGpuHours.toFixed(3), cell: (r) => hours(r.usedGpuHours), numeric: true },
    { header: "Idle held GPU-h", csv: (r) => r.idleHeldGpuHours.toFixed(3), cell: (r) => hours(r.idleHeldGpuHours), numeric: true },
    { header: "Idle-held cost", csvHeader: "Idle-held cost (micro-USD)", csv: (r) => r.idleHeldCostMicros.toString(), cell: (r) => <span title={formatUsdPrecise(r.idleHeldCostMicros)}>{formatUsd(r.idleHeldCostMicros)}</span>, numeric: true },
  ];
  const rows = data[group.key];
  return (
    <Card>
      <CardHeader
        title="Used versus held"
        description={data.telemetrySince ? <>From the machines&apos; agents, which report since <LocalTime at={data.telemetrySince} />. A GPU-hour is used when its GPU was busy (above 0 %); idle-held cost is the cloud-equivalent of held hours the GPU sat idle.</> : "No machine reports telemetry yet: enroll the machines' agents to see used GPU-hours and the idle-held cost."}
        actions={rows.length > 0 && <CsvButton of={`used versus held by ${group.label.toLowerCase()}`} fileName={fileName.replace(".csv", `-${group.label.toLowerCase()}.csv`)} rows={rows} columns={columns} />}
      />
      {data.telemetrySince && (
        <CardBody className="space-y-3">
          <div role="group" aria-label="Group by" className="flex gap-2">
            {GROUPS.map((g) => (
              <button key={g.key} type="button" aria-pressed={g.key === group.key} onClick={() => setGroup(g)} className="rounded-md px-2.5 py-1 text-sm ring-1 ring-slate-300 aria-pressed:bg-indigo-600 aria-pressed:text-white aria-pressed:ring-indigo-600">
                {g.label}
              </button>
            ))}
          </div>
          {rows.length === 0 ? <p className="text-sm text-slate-600">No slices were held in this window since telemetry began.</p> : <DataTable caption={`Used versus held GPU-hours by ${group.label.toLowerCase()}`} rows={rows} columns={columns} rowKey={(r) => r.key} />}
        </CardBody>
      )}
    </Card>
  );
}
