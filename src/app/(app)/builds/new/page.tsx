import type { Metadata } from "next";
import { BuildEditor } from "@/components/builds/build-editor";
import { NotAllowed } from "@/components/shell/not-allowed";
import { allowedTo } from "../../guard";
import { BackLink } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "New build" };

export default async function NewBuildPage() {
  const access = await allowedTo("builds:manage");
  if (!access.allowed) return <NotAllowed action={access.needed} />;
  return (
    <>
      <BackLink href="/builds">Builds</BackLink>
      <BuildEditor build={null} canManage machines={[]} />
    </>
  );
}
