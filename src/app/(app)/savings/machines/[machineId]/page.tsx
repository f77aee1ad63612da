import type { Metadata } from "next";
import { formatDate } from "@/components/format";
import { formatPercent } from "@/components/savings/format";
import { NotAllowed } from "@/components/shell/not-allowed";
import { SectionCard } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { formatUsd } from "@/core/costs/money";
import { api } from "@/trpc/server";
import { allowedTo } from "../../../guard";
import { loadMachine } from "../../../inventory/machine-page-data";
import { CostForm } from "./cost-form";

type Params = { params: Promise<{ machineId: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: `Cost settings of ${(await loadMachine((await params).machineId)).name}` };
}

/** An admin's page for one machine's on-prem cost assumptions, reached from the savings dashboard. */
export default async function MachineCostsPage({ params }: Params) {
  const access = await allowedTo("prices:manage");
  if (!access.allowed) return <NotAllowed action={access.needed} />;
  const machine = await loadMachine((await params).machineId);
  const trpc = await api();
  const [costs, catalog, summary, build] = await Promise.all([
    trpc.savings.machineCosts({ machineId: machine.id }),
    trpc.savings.catalog(),
    trpc.savings.summary(),
    machine.build ? trpc.builds.get({ buildId: machine.build.id }) : null,
  ]);
  const skusOf = (unit: string) => [...new Set(catalog.entries.filter((e) => e.unit === unit).map((e) => e.sku))].sort();
  const figures = summary.machines.find((m) => m.machineId === machine.id);

  return (
    <>
      <PageHeader
        back={{ href: "/savings", label: "Savings" }}
        title={`Cost settings of ${machine.name}`}
        description={`What ${machine.name} costs to own and run, for the savings against the cloud. In service since ${formatDate(machine.inServiceAt)}.`}
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <CostForm
            costs={costs}
            build={build ? { name: build.name, totalMicros: BigInt(build.totalMicros) } : null}
            vcpuSkus={skusOf("vcpu-hour")}
            ramSkus={skusOf("gb-hour")}
          />
        </div>
        <SectionCard className="self-start" title="With the current settings" headingLevel={2}>
          {figures ? (
            <dl className="space-y-3 text-sm">
              <div>
                <dt className="text-slate-600">Savings to date</dt>
                <dd className="text-xl font-semibold text-slate-900 tabular-nums">{formatUsd(figures.savingsMicros)}</dd>
              </div>
              <div>
                <dt className="text-slate-600">Break-even</dt>
                <dd className="font-medium text-slate-900">{figures.breakEven ? formatDate(figures.breakEven) : "Not yet"}</dd>
              </div>
              <div>
                <dt className="text-slate-600">Utilization to date</dt>
                <dd className="font-medium text-slate-900">{formatPercent(figures.utilization)}</dd>
              </div>
            </dl>
          ) : (
            <p className="text-sm text-slate-600">No figures yet.</p>
          )}
          <p className="mt-4 border-t border-slate-100 pt-3 text-xs text-slate-600">
            Saving recomputes every report, past windows included: these are assumptions about the whole life of the machine, not a
            change from today on.
          </p>
        </SectionCard>
      </div>
    </>
  );
}
