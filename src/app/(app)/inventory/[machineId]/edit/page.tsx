import type { Metadata } from "next";
import { NotAllowed } from "@/components/shell/not-allowed";
import { PageHeader } from "@/components/ui/page-header";
import { allowedTo } from "../../../guard";
import { MachineForm } from "../../machine-form";
import { loadMachine } from "../../machine-page-data";

export async function generateMetadata({ params }: { params: Promise<{ machineId: string }> }): Promise<Metadata> {
  return { title: `Edit ${(await loadMachine((await params).machineId)).name}` };
}

export default async function EditMachinePage({ params }: { params: Promise<{ machineId: string }> }) {
  const access = await allowedTo("inventory:manage");
  if (!access.allowed) return <NotAllowed action={access.needed} />;
  const machine = await loadMachine((await params).machineId);
  return (
    <>
      <PageHeader
        back={{ href: `/inventory/${machine.id}`, label: machine.name }}
        title={`Edit ${machine.name}`}
        description="Specs only: change its status and GPUs on the machine's page."
      />
      <MachineForm mode="edit" machine={machine} />
    </>
  );
}
