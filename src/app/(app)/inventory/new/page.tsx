import type { Metadata } from "next";
import Link from "next/link";
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
      <nav aria-label="Breadcrumb" className="mb-3 text-sm">
        <Link href="/inventory" className="font-medium text-indigo-700 hover:underline">← Inventory</Link>
      </nav>
      <PageHeader title="Add machine" description="Its specs and GPUs. The build it came from is linked from the Builds pages." />
      <MachineForm mode="create" gpuModels={gpuModels.map(({ id, name, vramGb }) => ({ id, name, vramGb }))} />
    </>
  );
}
