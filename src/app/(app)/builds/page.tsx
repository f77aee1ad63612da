import { Plus, Wrench } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { BuildStatusBadge, CheckStatusLabel, checkSummaryText, PremiumText } from "@/components/builds/build-status";
import { usd } from "@/components/builds/money";
import { NotAllowed } from "@/components/shell/not-allowed";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/states";
import { can } from "@/core/permissions";
import type { RouterOutputs } from "@/trpc/types";
import { api } from "@/trpc/server";
import { allowedTo } from "../guard";

type BuildView = RouterOutputs["builds"]["get"];

export const metadata: Metadata = { title: "Builds" };

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex items-baseline justify-between gap-4 py-2">
      <dt className="shrink-0 text-slate-600">{label}</dt>
      <dd className="min-w-0 text-right text-slate-900">{children}</dd>
    </div>
  );
}

function BuildCard({ build }: { build: BuildView }) {
  return (
    <Card role="article" aria-labelledby={`build-${build.id}`} className="flex flex-col">
      <div className="flex items-start justify-between gap-3 border-b border-slate-200 px-5 py-4">
        <h2 id={`build-${build.id}`} className="min-w-0 text-base font-semibold break-words text-slate-900">
          <Link href={`/builds/${build.id}`} className="hover:text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600">
            {build.name}
          </Link>
        </h2>
        <BuildStatusBadge status={build.status} />
      </div>
      <CardBody className="flex-1 py-2">
        <dl className="divide-y divide-slate-100 text-sm">
          <Row label="Total">
            <span className="font-semibold tabular-nums">{usd(build.totalMicros)}</span>
            <span className="text-slate-600"> · {build.parts.length} lines, {build.gpuCount} GPU{build.gpuCount === 1 ? "" : "s"}</span>
          </Row>
          <Row label="Checks">
            <CheckStatusLabel status={build.checkSummary.status} />
            <span className="text-slate-600">
              {" · "}
              {build.checkSummary.status === "pass" ? `all ${build.checkSummary.pass} checks` : checkSummaryText(build.checkSummary)}
            </span>
          </Row>
          <Row label="Machine">
            {build.machine ? (
              <Link href={`/inventory/${build.machine.id}`} className="font-mono font-medium text-indigo-700 hover:underline">
                {build.machine.name}
              </Link>
            ) : (
              <span className="text-slate-600">Not linked</span>
            )}
          </Row>
          <Row label={build.bestQuote ? `vs ${build.bestQuote.vendor}` : "Premium avoided"}>
            {build.bestQuote ? <PremiumText micros={build.bestQuote.premiumAvoidedMicros} /> : <span className="text-slate-600">No vendor quote</span>}
          </Row>
        </dl>
      </CardBody>
    </Card>
  );
}

export default async function BuildsPage() {
  const access = await allowedTo("inventory:read");
  if (!access.allowed) return <NotAllowed action={access.needed} />;
  const manage = can(access.actor.roles, "builds:manage");
  const builds = await (await api()).builds.list();
  const inService = builds.filter((b) => b.machine).reduce((sum, b) => sum + b.totalMicros, 0);

  return (
    <>
      <PageHeader
        title="Builds"
        description={
          builds.length === 0
            ? "Parts lists of the team's machines, checked for compatibility and compared with vendor quotes."
            : `${builds.length} build${builds.length === 1 ? "" : "s"}; the ones that run machines cost ${usd(inService)} in all. Open one to check its parts or try a "what if".`
        }
        actions={
          manage && (
            <ButtonLink href="/builds/new">
              <Plus aria-hidden="true" />
              New build
            </ButtonLink>
          )
        }
      />
      {builds.length === 0 ? (
        <EmptyState
          icon={Wrench}
          title="No builds yet"
          description={manage ? "Write down a machine's parts list: the portal checks the parts fit and compares the total with vendor quotes." : "An admin has not added any builds yet."}
          action={manage ? <ButtonLink href="/builds/new">New build</ButtonLink> : undefined}
        />
      ) : (
        <div className="grid gap-6 md:grid-cols-2 xl:grid-cols-3">
          {builds.map((build) => (
            <BuildCard key={build.id} build={build} />
          ))}
        </div>
      )}
    </>
  );
}
