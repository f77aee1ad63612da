import type { Metadata } from "next";
import { NotAllowed } from "@/components/shell/not-allowed";
import { PageHeader } from "@/components/ui/page-header";
import { ButtonLink } from "@/components/ui/button";
import { api } from "@/trpc/server";
import { allowedTo } from "../../guard";
import { NeedForm } from "./need-form";

export const metadata: Metadata = { title: "Ask for what you need" };

/** Request GPUs by need: the portal picks the machine and the start, or queues the request fairly. */
export default async function RequestByNeedPage() {
  const access = await allowedTo("slices:request");
  if (!access.allowed) return <NotAllowed action={access.needed} />;
  const models = await (await api()).inventory.gpuModels();
  const memories = [...new Set(models.map((m) => m.vramGb))].sort((a, b) => a - b);
  return (
    <>
      <PageHeader
        title="Ask for what you need"
        description="Say how many GPUs, how much memory and for how long; the portal finds the machine and the earliest start, or keeps your place in a fair queue. All times are UTC."
        actions={<ButtonLink href="/slices/new" variant="secondary">Pick a machine instead</ButtonLink>}
      />
      <NeedForm models={models.map((m) => ({ name: m.name, vramGb: m.vramGb }))} memories={memories} />
    </>
  );
}
