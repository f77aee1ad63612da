import type { Metadata } from "next";
import { KpiCard } from "@/components/savings/kpi-cards";
import { NotAllowed } from "@/components/shell/not-allowed";
import { PageHeader } from "@/components/ui/page-header";
import { api } from "@/trpc/server";
import { allowedTo } from "../guard";
import { DemandTable } from "./demand-table";
import { hoursText, PeriodForm, resolvePeriod } from "./period-form";
import { WhatIfCard } from "./what-if-card";

export const metadata: Metadata = { title: "Capacity" };

type Params = { from?: string; until?: string; buildId?: string };

/** Should we buy another box? Demand not met, and a replay of the period with one more machine. */
export default async function CapacityPage({ searchParams }: { searchParams: Promise<Params> }) {
  const access = await allowedTo("capacity:read");
  if (!access.allowed) return <NotAllowed action={access.needed} />;
  const params = await searchParams;
  const { from, until } = resolvePeriod(params);
  const trpc = await api();
  const [report, candidates] = await Promise.all([trpc.capacity.report({ from, until }), trpc.capacity.candidates()]);
  const build = candidates.find((c) => c.id === params.buildId) ?? candidates.find((c) => c.status === "planned") ?? candidates[0];
  const whatIf = build ? await trpc.capacity.whatIf({ buildId: build.id, from, until }) : null;
  const d = report.demand;

  return (
    <>
      <PageHeader
        title="Capacity"
        description="Should we buy another machine? The demand the machines did not meet, and a replay of the period's real requests with one more machine, through the same placement and queue rules as the portal. Times are UTC."
      />
      <div className="space-y-8">
        <PeriodForm from={from} until={until} buildId={build?.id} candidates={candidates} />
        <section aria-labelledby="demand-title" className="space-y-4">
          <h2 id="demand-title" className="text-lg font-semibold text-slate-900">Demand not met</h2>
          <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
            <KpiCard id="kpi-wait" label="Wait from request to start" value={hoursText(d.overall.medianWaitHours)} detail={`median of ${d.overall.requests} requests by need; 90th percentile ${hoursText(d.overall.p90WaitHours)}`} />
            <KpiCard id="kpi-waitlisted" label="GPU-hours that waited" value={`${Math.round(d.waitlistedGpuHours).toLocaleString("en-US")} GPU-h`} detail="asked for, and placed later than asked" />
            <KpiCard id="kpi-refused" label="GPU-hours never served" value={`${Math.round(d.refusedGpuHours).toLocaleString("en-US")} GPU-h`} detail="left the queue: unmeetable or withdrawn" />
            <KpiCard id="kpi-held" label="GPU-hours held" value={`${Math.round(report.heldGpuHours).toLocaleString("en-US")} GPU-h`} detail={report.usedGpuHours === null ? "used hours appear once the machines report telemetry" : `${Math.round(report.usedGpuHours)} GPU-h used`} />
          </div>
          <DemandTable weeks={d.weeks} />
        </section>
        {whatIf ? <WhatIfCard result={whatIf} /> : <p className="text-sm text-slate-600">Add a build (planned, or the build of a machine in service) to replay the period with it.</p>}
      </div>
    </>
  );
}
