import type { Metadata } from "next";
import { NotAllowed } from "@/components/shell/not-allowed";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/states";
import { ACTIONS, ListTable, Td, Th, Tr } from "@/components/ui/table";
import { can } from "@/core/permissions";
import { api } from "@/trpc/server";
import { allowedTo } from "../../guard";
import { CreateGpuModelForm, GpuModelActions } from "./gpu-model-forms";

export const metadata: Metadata = { title: "GPU models" };

export default async function GpuModelsPage() {
  const access = await allowedTo("inventory:read");
  if (!access.allowed) return <NotAllowed action={access.needed} />;
  const manage = can(access.actor.roles, "inventory:manage");
  const models = await (await api()).inventory.gpuModels();
  return (
    <>
      <PageHeader back={{ href: "/inventory", label: "Inventory" }} title="GPU models" description="The kinds of card in the machines. Board power feeds the energy cost of every GPU-hour." />
      {manage && <CreateGpuModelForm />}
      <ListTable caption="GPU models" columns={["Name", "VRAM", "Board power", "Priced in the cloud as", "GPUs", manage && ACTIONS]} rows={models} empty={<EmptyState title="No GPU models yet" description={manage ? "Add the first one above, e.g. GTX 1080 Ti, 11 GB, 250 W." : "An admin has not added any GPU models yet."} />}>
        {(model) => (
          <Tr key={model.id}>
            <Th scope="row" className="whitespace-nowrap">{model.name}</Th>
            <Td className="whitespace-nowrap">{model.vramGb} GB</Td>
            <Td className="whitespace-nowrap">{model.boardPowerW} W</Td>
            <Td>{model.cloudSku ? <code className="text-xs">{model.cloudSku}</code> : <span className="text-slate-500">Not priced yet</span>}</Td>
            <Td>{model.gpuCount}</Td>
            {manage && (
              <Td className="text-right">
                <GpuModelActions model={model} />
              </Td>
            )}
          </Tr>
        )}
      </ListTable>
    </>
  );
}
