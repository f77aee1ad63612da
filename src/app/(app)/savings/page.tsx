import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { Server } from "lucide-react";
import { NotAllowed } from "@/components/shell/not-allowed";
import { formatDate } from "@/components/format";
import { LocalTime } from "@/components/time/local-time";
import { AssumptionsCard } from "@/components/savings/assumptions";
import { KpiCards } from "@/components/savings/kpi-cards";
import { MyUsageCards } from "@/components/savings/my-usage";
import { ReportSkeleton } from "@/components/savings/skeletons";
import { EARLIEST_INSTANT } from "@/core/time/instant-range";
import { WINDOW_PRESETS, resolveWindow, windowSearch, type WindowChoice } from "@/components/savings/window";
import { WindowPicker } from "@/components/savings/window-picker";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { can } from "@/core/permissions";
import { currentActor } from "@/server/auth/session";
import { api } from "@/trpc/server";
import { allowedTo } from "../guard";
import { ReportSections } from "./report-sections";

type SearchParams = Record<string, string | string[] | undefined>;

export async function generateMetadata(): Promise<Metadata> {
  const actor = await currentActor();
  return { title: actor && can(actor.roles, "savings:read") ? "Savings" : "Your usage" };
}

/** Leadership and admins see the savings dashboard; members see their own and their team's usage. */
export default async function SavingsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const access = await allowedTo("savings:read");
  if (access.allowed) return <Dashboard params={params} manage={can(access.actor.roles, "prices:manage")} />;
  const member = await allowedTo("slices:request");
  if (!member.allowed) return <NotAllowed action={access.needed} />;
  return <Usage params={params} />;
}

function windowText(choice: WindowChoice & { ok: true }, allTime = "All time") {
  const preset = WINDOW_PRESETS.find((p) => p.value === choice.window.preset)!;
  const range = `${formatDate(choice.window.from)} – ${formatDate(new Date(choice.window.to.getTime() - 1))}`;
  return `${preset.value === "all" ? allTime : preset.label}: ${range} (UTC)`;
}

async function Dashboard({ params, manage }: { params: SearchParams; manage: boolean }) {
  const header = (
    <PageHeader
      title="Savings"
      description="What the team's own GPU machines saved against renting the same GPU time in the cloud."
      actions={<ButtonLink href="/savings/prices" variant="secondary">Price catalog</ButtonLink>}
    />
  );
  let summary;
  try {
    summary = await (await api()).savings.summary();
  } catch (error) {
    // The ledger refuses to guess: a held GPU whose model has no priced cloud equivalent stops every figure.
    if (!(error instanceof TRPCError && error.code === "BAD_REQUEST")) throw error;
    return (
      <>
        {header}
        <ErrorState
          title="The savings cannot be computed"
          message={
            <>
              {error.message} {manage ? "Set the GPU model's cloud equivalent or add the missing price in the " : "An admin can fix it in the "}
              <Link href="/savings/prices" className="font-medium underline">price catalog</Link>.
            </>
          }
        />
      </>
    );
  }
  // Windows that run "to date" end where the figures above are computed, so the two agree to the micro-dollar.
  const now = summary.asOf;
  if (summary.machines.length === 0) {
    return (
      <>
        {header}
        <EmptyState
          icon={Server}
          title="No machines yet"
          description="Savings appear once a machine is in the inventory with its purchase price or build, and slices are held on it."
          action={manage ? <ButtonLink href="/inventory">Go to the inventory</ButtonLink> : undefined}
        />
      </>
    );
  }
  const choice = resolveWindow(params, { now, since: summary.since });
  return (
    <>
      {header}
      <div className="space-y-10">
        {summary.assumptions.warnings.length > 0 && (
          <div role="status" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900">
            <p className="font-medium">Read these figures with care</p>
            <ul className="mt-1 list-disc pl-5">
              {summary.assumptions.warnings.map((warning) => (
                <li key={warning}>{warning}</li>
              ))}
            </ul>
          </div>
        )}
        <p className="-mb-6 text-sm text-slate-600">
          Figures as of <LocalTime at={now} />. The ledger counts whole UTC days, weeks and months, so periods and their dates below are UTC.
        </p>
        <KpiCards summary={summary} now={now} />
        <section aria-labelledby="explore-heading" className="space-y-4">
          <div>
            <h2 id="explore-heading" className="text-lg font-semibold text-slate-900">
              Explore a period
            </h2>
            <p className="mt-1 text-sm text-slate-600">{choice.ok ? windowText(choice) : "Choose a window."}</p>
          </div>
          <WindowPicker request={choice.request} path="/savings" error={choice.ok ? undefined : choice.error} />
          {choice.ok && (
            <Suspense key={windowSearch(choice.request)} fallback={<ReportSkeleton />}>
              <ReportSections window={choice.window} manage={manage} />
            </Suspense>
          )}
        </section>
        <AssumptionsCard assumptions={summary.assumptions} now={now} />
      </div>
    </>
  );
}

/** Members cannot read the fleet's savings; all time for them starts at the earliest date the server accepts. */
const EARLIEST = new Date(EARLIEST_INSTANT);

async function Usage({ params }: { params: SearchParams }) {
  const now = new Date();
  const choice = resolveWindow(params, { now, since: EARLIEST });
  const usage = choice.ok ? await (await api()).savings.myUsage({ from: choice.window.from, to: choice.window.to }) : null;
  return (
    <>
      <PageHeader
        title="Your usage"
        description="The GPU time you and your team held, and what the same time would have cost on cloud GPUs."
      />
      <div className="space-y-6">
        <WindowPicker request={choice.request} path="/savings" buckets={false} error={choice.ok ? undefined : choice.error} />
        {choice.ok && usage && (
          <>
            <p className="text-sm text-slate-600">
              {choice.window.preset === "all" ? `All time, up to ${formatDate(choice.window.to)} (UTC)` : windowText(choice)}
            </p>
            <MyUsageCards usage={usage} />
            {usage.mine.slices === 0 && (
              <EmptyState
                title="No GPU time in this window"
                description="Slices you hold appear here with what they would have cost in the cloud."
                action={<ButtonLink href="/inventory">See free GPUs</ButtonLink>}
              />
            )}
            <p className="text-sm text-slate-600">
              Cloud-equivalent: held hours × (GPUs × GPU rate + threads × vCPU rate + RAM GB × GB rate), at the cloud prices in effect
              at the time. Team savings are the team&apos;s cloud-equivalent minus its share of the machines&apos; costs.
            </p>
          </>
        )}
      </div>
    </>
  );
}
