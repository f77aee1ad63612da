import { Plus, Server } from "lucide-react";
import type { Metadata } from "next";
import { NotAllowed } from "@/components/shell/not-allowed";
import { UnbookedUse } from "@/components/telemetry/unbooked-use";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { SetupChecklist } from "@/components/setup/setup-checklist";
import { EmptyState } from "@/components/ui/states";
import { can } from "@/core/permissions";
import { api } from "@/trpc/server";
import { allowedTo } from "../guard";
import { MachineCard } from "./machine-card";

export const metadata: Metadata = { title: "Inventory" };

export default async function InventoryPage() {
  const access = await allowedTo("inventory:read");
  if (!access.allowed) return <NotAllowed action={access.needed} />;
  const manage = can(access.actor.roles, "inventory:manage");
  const trpc = await api();
  const [machines, setup] = await Promise.all([trpc.inventory.list(), manage ? trpc.setup.checklist() : null]);
  const inUse = machines.filter((m) => m.status !== "retired");
  const retired = machines.filter((m) => m.status === "retired");
  const gpus = inUse.flatMap((m) => m.gpus);
  const free = gpus.filter((g) => g.status.state === "free").length;
  const held = gpus.filter((g) => g.status.state === "held").length;

  return (
    <>
      <PageHeader
        title="Inventory"
        description={
          machines.length === 0
            ? "The team's GPU machines and who holds which GPU."
            : `${inUse.length} machine${inUse.length === 1 ? "" : "s"} in use with ${gpus.length} GPUs: ${free} free now, ${held} held.`
        }
        actions={
          <>
            <ButtonLink href="/inventory/gpu-models" variant="secondary">GPU models</ButtonLink>
            {manage && (
              <ButtonLink href="/inventory/new">
                <Plus aria-hidden="true" />
                Add machine
              </ButtonLink>
            )}
          </>
        }
      />
      {setup?.visible && <SetupChecklist items={setup.items} />}
      {machines.length === 0 ? (
        <EmptyState
          icon={Server}
          title="No machines yet"
          description={manage ? "Add the first machine with its GPUs; everyone will then see who holds which GPU." : "An admin has not added any machines yet."}
          action={manage ? <ButtonLink href="/inventory/new">Add machine</ButtonLink> : undefined}
        />
      ) : (
        <>
          {manage && <UnbookedUse />}
          <div className="grid gap-6 lg:grid-cols-2">
            {inUse.map((machine) => <MachineCard key={machine.id} machine={machine} />)}
          </div>
          {retired.length > 0 && (
            <section aria-labelledby="retired-heading" className="mt-10">
              <h2 id="retired-heading" className="mb-4 text-base font-semibold text-slate-900">Retired machines</h2>
              <div className="grid gap-6 lg:grid-cols-2">
                {retired.map((machine) => <MachineCard key={machine.id} machine={machine} headingLevel={3} />)}
              </div>
            </section>
          )}
        </>
      )}
    </>
  );
}
