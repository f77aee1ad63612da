import Link from "next/link";
import { FleetUse } from "@/components/telemetry/fleet-use";
import type { RouterOutputs } from "@/trpc/types";
import { GpuStatusList, gpuSummary, MachineStatusBadge } from "./gpu-status-line";

type MachineView = RouterOutputs["inventory"]["machine"];

/** A machine in the inventory grid: what it is, where, and what each of its GPUs is doing now. */
export function MachineCard({ machine, headingLevel = 2 }: { machine: MachineView; headingLevel?: 2 | 3 }) {
  const Heading = `h${headingLevel}` as const;
  const free = machine.gpus.filter((g) => g.status.state === "free").length;
  return (
    <article className="flex flex-col rounded-lg border border-slate-200 bg-white shadow-xs">
      <header className="flex flex-wrap items-start justify-between gap-x-3 gap-y-1 border-b border-slate-200 px-5 py-4">
        <div className="min-w-0">
          <Heading className="text-lg font-semibold text-slate-900">
            <Link href={`/inventory/${machine.id}`} className="rounded-sm font-mono hover:text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600">
              {machine.name}
            </Link>
          </Heading>
          {machine.location && <p className="text-sm text-slate-600">{machine.location}</p>}
        </div>
        <MachineStatusBadge status={machine.status} />
      </header>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 px-5 py-4 text-sm sm:gap-x-6">
        <dt className="text-slate-600">GPUs</dt>
        <dd className="font-medium text-slate-900">{gpuSummary(machine.gpus)}</dd>
        <dt className="text-slate-600">CPU</dt>
        <dd className="text-slate-900">
          {machine.cpuModel} · {machine.cores} cores / {machine.threads} threads
        </dd>
        <dt className="text-slate-600">RAM</dt>
        <dd className="text-slate-900">{machine.ramGb} GB</dd>
        {machine.storage && (
          <>
            <dt className="text-slate-600">Storage</dt>
            <dd className="text-slate-900">{machine.storage}</dd>
          </>
        )}
        {machine.gpus.length > 0 && (
          <>
            <dt className="text-slate-600">Slice per GPU</dt>
            <dd className="text-slate-900">
              {machine.profile.threads} threads, {machine.profile.ramGb} GB RAM
            </dd>
          </>
        )}
      </dl>
      {machine.gpus.length > 0 && (
        <div className="border-t border-slate-100 px-5 py-4">
          <p className="mb-2 text-xs font-semibold tracking-wide text-slate-600 uppercase">
            {machine.status === "active" ? `${free} of ${machine.gpus.length} GPUs free now` : "GPUs"}
          </p>
          <GpuStatusList gpus={machine.gpus} label={`GPUs of ${machine.name}`} />
          <FleetUse gpus={machine.gpus.map((g) => ({ id: g.id, index: g.index }))} />
        </div>
      )}
    </article>
  );
}
