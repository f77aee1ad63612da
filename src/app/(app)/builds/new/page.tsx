import type { Metadata } from "next";
import Link from "next/link";
import { BuildEditor } from "@/components/builds/build-editor";
import { NotAllowed } from "@/components/shell/not-allowed";
import { allowedTo } from "../../guard";

export const metadata: Metadata = { title: "New build" };

export default async function NewBuildPage() {
  const access = await allowedTo("builds:manage");
  if (!access.allowed) return <NotAllowed action={access.needed} />;
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-3 text-sm">
        <Link href="/builds" className="font-medium text-indigo-700 hover:underline">← Builds</Link>
      </nav>
      <BuildEditor build={null} canManage machines={[]} />
    </>
  );
}
