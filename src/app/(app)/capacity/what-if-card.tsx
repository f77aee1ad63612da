import { formatUsd } from "@/core/costs/money";
import { KpiCard } from "@/components/savings/kpi-cards";
import { Card, CardHeader } from "@/components/ui/card";
import { HeadRow, Table, TableContainer, TBody, Td, Tr } from "@/components/ui/table";
import type { RouterOutputs } from "@/trpc/types";
import { hoursText } from "./period-form";

type WhatIf = RouterOutputs["capacity"]["whatIf"];
type Summary = WhatIf["baseline"];

const gpuHours = (h: number) => `${Math.round(h).toLocaleString("en-US")} GPU-h`;

/** The answer for one build: what the extra machine would have changed over the period. */
export function WhatIfCard({ result }: { result: WhatIf }) {
  const rows: Array<[string, Summary]> = [
    ["As it was (fair share, backfilling)", result.baseline],
    [`With ${result.build.name}`, result.withMachine],
    ["As it was, plain queue (first come, no backfilling)", result.plain.baseline],
    [`With ${result.build.name}, plain queue`, result.plain.withMachine],
  ];
  return (
    <section aria-labelledby="what-if-title" className="space-y-4">
      <div>
        <h2 id="what-if-title" className="text-lg font-semibold text-slate-900">What if we had {result.build.name}?</h2>
        <p className="text-sm text-slate-600">
          {result.build.gpus.join(", ")}, {result.build.threads} threads, {result.build.ramGb} GB, {formatUsd(result.build.costMicros)}. Replayed: {result.requests.byNeed} requests by need and {result.requests.byMachine} by machine (those keep their machine).
        </p>
      </div>
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <KpiCard id="kpi-avoided" label="Waiting avoided" value={hoursText(result.waitingAvoidedHours)} tone={result.waitingAvoidedHours > 0 ? "good" : "neutral"} detail={`median wait ${hoursText(result.baseline.medianWaitHours)} → ${hoursText(result.withMachine.medianWaitHours)}`} />
        <KpiCard id="kpi-extra" label="Extra GPU-hours served" value={gpuHours(result.extraGpuHoursServed)} detail={`the new machine would have held ${gpuHours(result.newMachineGpuHours)}`} />
        <KpiCard id="kpi-value" label="Their cloud-equivalent value" value={formatUsd(BigInt(result.newMachineValueMicros))} detail="what renting those GPU-hours would have cost" />
        <KpiCard id="kpi-payback" label="Payback at that rate" value={result.paybackMonths === null ? "never" : `${result.paybackMonths.toFixed(1)} months`} tone={result.paybackMonths !== null && result.paybackMonths <= 36 ? "good" : "bad"} footnote="Build cost over the cloud-equivalent per month, before energy." />
      </div>
      <Card>
        <CardHeader title={<span id="replays-title">The replays side by side</span>} description="The same requests, deterministically: the first row reproduces what happened." />
        <TableContainer labelledBy="replays-title">
          <Table>
            <HeadRow columns={["Replay", { label: "Served", className: "text-right" }, { label: "Median wait", className: "text-right" }, { label: "90th percentile", className: "text-right" }, { label: "Total wait", className: "text-right" }, { label: "GPU-h served", className: "text-right" }]} />
            <TBody>
              {rows.map(([label, s]) => (
                <Tr key={label}>
                  <Td>{label}</Td>
                  <Td className="text-right tabular-nums">{s.served} of {s.requests}</Td>
                  <Td className="text-right tabular-nums">{hoursText(s.medianWaitHours)}</Td>
                  <Td className="text-right tabular-nums">{hoursText(s.p90WaitHours)}</Td>
                  <Td className="text-right tabular-nums">{hoursText(s.totalWaitHours)}</Td>
                  <Td className="text-right tabular-nums">{gpuHours(s.servedGpuHours)}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        </TableContainer>
      </Card>
    </section>
  );
}
