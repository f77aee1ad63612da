"use client";

import { useQuery } from "@tanstack/react-query";
import { Activity } from "lucide-react";
import { Badge, type BadgeLooks } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { HeadRow, Table, TBody, Td, Th, Tr } from "@/components/ui/table";
import { LocalTime } from "@/components/time/local-time";
import type { TelemetryOutputs } from "./types";
import { useTRPC } from "@/trpc/react";
import { ago, celsius, mib, pct, watts } from "./format";
import { ShareBar, Sparkline } from "./sparkline";

type Live = TelemetryOutputs["live"];

const AGENT_LOOK: BadgeLooks<NonNullable<Live["agent"]>["state"]> = {
  reporting: { label: "Agent reporting", tone: "success" },
  silent: { label: "Agent silent", tone: "warning" },
  enrolled: { label: "Agent enrolled, no report yet", tone: "info" },
  revoked: { label: "Agent revoked", tone: "danger" },
};

/** Live use of a machine's GPUs from its agent, refreshed every 10 s without reloading the page. */
export function LiveGpus({ machineId, machineName }: { machineId: string; machineName: string }) {
  const trpc = useTRPC();
  const live = useQuery(trpc.telemetry.live.queryOptions({ machineId }, { refetchInterval: 10_000 }));
  if (live.isPending) return <Card aria-busy="true"><CardHeader title="Live use" /><CardBody><div className="h-24 animate-pulse rounded bg-slate-100" /></CardBody></Card>;
  if (live.isError) return <ErrorState title="Live use could not be loaded" message={live.error.message} retry={() => live.refetch()} />;
  const { agent, gpus, unbooked } = live.data;
  const now = new Date();
  const look = agent ? AGENT_LOOK[agent.state] : null;
  return (
    <Card>
      <CardHeader
        title="Live use"
        description={agent ? <AgentHealth agent={agent} now={now} /> : "No agent reports from this machine yet. An admin can enroll its agent below."}
        actions={look && <Badge tone={look.tone}>{look.label}</Badge>}
      />
      {gpus.every((g) => !g.latest) ? (
        <CardBody>
          <EmptyState icon={Activity} headingLevel={3} title="No readings in the last 30 minutes" description="Per-GPU utilization, memory, temperature, power and processes appear here once the machine's agent reports." />
        </CardBody>
      ) : (
        <Table caption={`Live use of the GPUs of ${machineName}`}>
          <HeadRow columns={["GPU", "Utilization", "Memory", "Temp.", "Power", "Processes"]} />
          <TBody>
            {gpus.map((g) => (
              <Tr key={g.gpuId}>
                <Th scope="row" className="whitespace-nowrap">GPU {g.index}</Th>
                <Td>
                  <div className="flex items-center gap-3">
                    <span className="w-12 text-right font-medium tabular-nums text-slate-900">{pct(g.latest?.utilPct)}</span>
                    <Sparkline values={g.sparkline} />
                  </div>
                </Td>
                <Td>{g.latest?.memUsedMib != null ? <ShareBar share={g.latest.memUsedMib / g.memTotalMib} label={`${mib(g.latest.memUsedMib)} of ${mib(g.memTotalMib)}`} /> : "—"}</Td>
                <Td className="whitespace-nowrap tabular-nums">{celsius(g.latest?.tempC)}</Td>
                <Td className="whitespace-nowrap tabular-nums">{watts(g.latest?.powerW)}</Td>
                <Td className="min-w-56">
                  {g.processes.length === 0 ? (
                    <span className="text-slate-500">{g.latest ? "none" : "no reading"}</span>
                  ) : (
                    <ul className="space-y-0.5">
                      {g.processes.map((p) => (
                        <li key={p.pid} className="text-sm">
                          <span className="font-medium text-slate-900">{p.person?.name ?? p.linuxUser ?? "unknown user"}</span>
                          <span className="text-slate-600"> · <code className="text-xs">{p.name}</code> · {mib(p.memMib)}</span>
                        </li>
                      ))}
                    </ul>
                  )}
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      {unbooked.length > 0 && (
        <div className="border-t border-slate-200 px-5 py-4" role="region" aria-label="Unbooked use">
          <h3 className="text-sm font-semibold text-red-800">Unbooked use</h3>
          <ul className="mt-2 space-y-1 text-sm text-slate-800">
            {unbooked.map((u) => (
              <li key={u.id}>
                <span className="font-medium">{u.person ? `${u.person.name} (${u.who})` : u.who}</span> runs <code className="text-xs">{u.processName}</code> on GPU {u.gpuIndex ?? "?"} without holding it, since <LocalTime at={u.since} />; up to {mib(u.maxMemMib)}.
              </li>
            ))}
          </ul>
        </div>
      )}
    </Card>
  );
}

function AgentHealth({ agent, now }: { agent: NonNullable<Live["agent"]>; now: Date }) {
  const skew = agent.clockSkewMs === null ? null : Math.round(agent.clockSkewMs / 1000);
  return (
    <span>
      {agent.lastReportAt ? `Last report ${ago(agent.lastReportAt, now)}` : "No report yet"}
      {agent.version && ` · agent ${agent.version}`}
      {agent.hostname && ` on ${agent.hostname}`}
      {skew !== null && Math.abs(skew) >= 2 && ` · clock ${skew > 0 ? "ahead" : "behind"} by ${Math.abs(skew)} s`}
      {agent.faults.length > 0 && <span className="block text-amber-900">Faults: {agent.faults.join("; ")}</span>}
    </span>
  );
}
