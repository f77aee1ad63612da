import type { Metadata } from "next";
import Link from "next/link";
import { formatDate } from "@/components/format";
import { LocalTime } from "@/components/time/local-time";
import { NotAllowed } from "@/components/shell/not-allowed";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader, SectionCard } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/states";
import { ACTIONS, ListTable, Td, Th, Tr } from "@/components/ui/table";
import { can } from "@/core/permissions";
import { api } from "@/trpc/server";
import { allowedTo } from "../../guard";
import { GpuChip, GpuStatusText, gpuSummary, MachineStatusBadge } from "../gpu-status-line";
import { loadMachine } from "../machine-page-data";
import { EnforcementSection } from "./enforcement-section";
import { AddGpuButton, GpuRowActions } from "./gpu-actions";
import { MachineStatusActions } from "./machine-status-actions";
import { MachineTelemetry } from "./machine-telemetry";

export async function generateMetadata({ params }: { params: Promise<{ machineId: string }> }): Promise<Metadata> {
  return { title: (await loadMachine((await params).machineId)).name };
}

function Spec({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="py-2.5 sm:grid sm:grid-cols-3 sm:gap-4">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="mt-0.5 text-sm text-slate-900 sm:col-span-2 sm:mt-0">{children}</dd>
    </div>
  );
}

export default async function MachinePage({ params }: { params: Promise<{ machineId: string }> }) {
  const access = await allowedTo("inventory:read");
  if (!access.allowed) return <NotAllowed action={access.needed} />;
  const manage = can(access.actor.roles, "inventory:manage");
  const machine = await loadMachine((await params).machineId);
  const gpuModels = manage ? await (await api()).inventory.gpuModels() : [];
  const modelOptions = gpuModels.map(({ id, name, vramGb }) => ({ id, name, vramGb }));

  return (
    <>
      <PageHeader
        back={{ href: "/inventory", label: "Inventory" }}
        title={
          <span className="flex flex-wrap items-center gap-3">
            <span className="font-mono">{machine.name}</span>
            <MachineStatusBadge status={machine.status} />
          </span>
        }
        description={machine.location || undefined}
        actions={
          manage && (
            <>
              <ButtonLink href={`/inventory/${machine.id}/edit`} variant="secondary">Edit</ButtonLink>
              <MachineStatusActions machine={{ id: machine.id, name: machine.name, status: machine.status }} heldGpus={machine.gpus.filter((g) => g.status.holder || g.status.next).length} />
            </>
          )
        }
      />

      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader title="Specifications" />
          <CardBody className="py-2">
            <dl className="divide-y divide-slate-100">
              <Spec label="GPUs">{gpuSummary(machine.gpus)}</Spec>
              <Spec label="CPU">{machine.cpuModel}</Spec>
              <Spec label="Cores / threads">{machine.cores} cores / {machine.threads} threads</Spec>
              <Spec label="RAM">{machine.ramGb} GB</Spec>
              <Spec label="Storage">{machine.storage || "—"}</Spec>
              <Spec label="In service since">{formatDate(machine.inServiceAt)}</Spec>
              {machine.retiredAt && <Spec label="Retired"><LocalTime at={machine.retiredAt} /></Spec>}
              <Spec label="Reserved for the system">{machine.reservedThreads} thread{machine.reservedThreads === 1 ? "" : "s"}, {machine.reservedRamGb} GB RAM</Spec>
              <Spec label="Build">
                {machine.build ? (
                  <Link href={`/builds/${machine.build.id}`} className="font-medium text-indigo-700 hover:underline">{machine.build.name}</Link>
                ) : (
                  <span className="text-slate-600">Not linked to a build</span>
                )}
              </Spec>
            </dl>
          </CardBody>
        </Card>

        <SectionCard title="Default slice" description="What one GPU comes with when someone requests a slice.">
          {machine.gpus.length === 0 ? (
            <p className="text-sm text-slate-600">This machine has no GPUs, so it has no slices.</p>
          ) : (
            <>
              <p className="text-sm text-slate-700">Per GPU</p>
              <p className="mt-1 text-2xl font-semibold text-slate-900">
                {machine.profile.threads} threads, {machine.profile.ramGb} GB RAM
              </p>
              <p className="mt-3 text-sm text-slate-600">
                ({machine.threads} − {machine.reservedThreads}) threads and ({machine.ramGb} − {machine.reservedRamGb}) GB RAM shared by {machine.gpus.length} GPU{machine.gpus.length === 1 ? "" : "s"}, rounded down.
                Slices can use {machine.sliceCapacity.threads} threads and {machine.sliceCapacity.ramGb} GB in all.
              </p>
            </>
          )}
        </SectionCard>
      </div>

      <MachineTelemetry machine={{ id: machine.id, name: machine.name }} manage={manage} />

      <section aria-labelledby="gpus-heading" className="mt-8">
        <div className="mb-3 flex flex-wrap items-end justify-between gap-3">
          <h2 id="gpus-heading" className="text-lg font-semibold text-slate-900">GPUs</h2>
          {manage && machine.status !== "retired" && <AddGpuButton machine={{ id: machine.id, name: machine.name }} gpuModels={modelOptions} />}
        </div>
        <ListTable caption={`GPUs of ${machine.name}`} columns={["GPU", "Status", "Model", "VRAM", "Board power", "UUID", manage && ACTIONS]} rows={machine.gpus} empty={<EmptyState title="No GPUs" headingLevel={3} description={manage ? "Add the machine's GPUs so people can request slices of it." : "An admin has not added this machine's GPUs yet."} />}>
          {(gpu) => (
            <Tr key={gpu.id}>
              <Th scope="row">
                <span className="flex items-center gap-2">
                  <GpuChip index={gpu.index} state={gpu.status.state} />
                  <span className="whitespace-nowrap">GPU {gpu.index}</span>
                </span>
              </Th>
              <Td className="min-w-56">
                <GpuStatusText status={gpu.status} />
              </Td>
              <Td className="whitespace-nowrap">{gpu.model.name}</Td>
              <Td className="whitespace-nowrap">{gpu.model.vramGb} GB</Td>
              <Td className="whitespace-nowrap">{gpu.model.boardPowerW} W</Td>
              <Td className="whitespace-nowrap">{gpu.uuid ? <code className="text-xs text-slate-700">{gpu.uuid}</code> : <span className="text-slate-500">—</span>}</Td>
              {manage && (
                <Td className="text-right">
                  <GpuRowActions machineName={machine.name} gpu={{ id: gpu.id, index: gpu.index, uuid: gpu.uuid, modelId: gpu.model.id }} gpuModels={modelOptions} />
                </Td>
              )}
            </Tr>
          )}
        </ListTable>
      </section>
      {manage && <EnforcementSection machine={{ id: machine.id, name: machine.name }} />}
    </>
  );
}
