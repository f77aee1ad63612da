import type { Metadata } from "next";
import { Server } from "lucide-react";
import { NotAllowed } from "@/components/shell/not-allowed";
import { parseInstantParam, MS_PER_DAY } from "@/components/slices/times";
import { ZoneNote } from "@/components/time/zone-note";
import { viewerZone } from "@/server/auth/viewer-zone";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/states";
import type { Actor } from "@/server/services/actor";
import { api } from "@/trpc/server";
import { allowedTo } from "../../guard";
import { RequestForm, type RequestMachine } from "./request-form";
import { QuotaSummary } from "./quota-summary";

export const metadata: Metadata = { title: "Request a slice" };

type Params = { machineId?: string; start?: string; end?: string };

/** The machines one can ask for (with their default per-GPU profile) and the limits that apply to the requester's team. */
async function loadRequestContext(actor: Actor) {
  const trpc = await api();
  const from = new Date();
  const [schedule, quotas] = await Promise.all([trpc.slices.schedule({ from, to: new Date(from.getTime() + MS_PER_DAY) }), trpc.quotas.list()]);
  const machines: RequestMachine[] = schedule.machines.map((m) => ({
    id: m.id,
    name: m.name,
    status: m.status,
    gpus: m.gpus.map((g) => g.model),
    profile: m.profile,
  }));
  const policy = quotas.teams.find((t) => t.team.id === actor.teamId)?.effective ?? quotas.fleetEffective;
  return { machines, policy, now: schedule.now.getTime() };
}

export default async function RequestSlicePage({ searchParams }: { searchParams: Promise<Params> }) {
  const access = await allowedTo("slices:request");
  if (!access.allowed) return <NotAllowed action={access.needed} />;
  const params = await searchParams;
  const { machines, policy, now } = await loadRequestContext(access.actor);
  const { zone } = await viewerZone();
  const start = parseInstantParam(params.start, zone);
  const end = parseInstantParam(params.end, zone);
  const [first, ...others] = machines;
  const machineId = (machines.find((m) => m.id === params.machineId) ?? machines.find((m) => m.status === "active") ?? first)?.id;

  return (
    <>
      <PageHeader
        title="Request a slice"
        description={<>Ask for GPUs of a machine for a time window. An admin approves and assigns the GPUs. <ZoneNote now={now} /></>}
      />
      {!first || !machineId ? (
        <EmptyState icon={Server} title="No machines to request" description="There are no machines in service yet." action={<ButtonLink href="/inventory" variant="secondary">Go to the inventory</ButtonLink>} />
      ) : (
        <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
          <RequestForm
            machines={[first, ...others]}
            initial={{
              machineId,
              start: start && start.getTime() > now ? start.toISOString() : null,
              end: end && end.getTime() > Math.max(now, start?.getTime() ?? 0) ? end.toISOString() : null,
            }}
          />
          <QuotaSummary policy={policy} teamName={access.actor.teamName} />
        </div>
      )}
    </>
  );
}
