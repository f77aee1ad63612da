import type { Metadata } from "next";
import { NotAllowed } from "@/components/shell/not-allowed";
import { PageHeader } from "@/components/ui/page-header";
import { api } from "@/trpc/server";
import { allowedTo } from "../../guard";
import { MachineForm } from "../machine-form";

export const metadata: Metadata = { title: "Add machine" };

export default async function NewMachinePage() {
  const access = await allowedTo("inventory:manage");
  if (!access.allowed) return <NotAllowed action={access.needed} />;
  const gpuModels = await (await api()).inventory.gpuModels();
  return (
    <>
      <PageHeader back={{ href: "/inventory", label: "Inventory" }} title="Add machine" description="Its specs and GPUs. The build it came from is linked from the Builds pages." />
      <MachineForm mode="create" gpuModels={gpuModels.map(({ id, name, vramGb }) => ({ id, name, vramGb }))} />
    </>
  );
}
