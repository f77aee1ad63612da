import type { Metadata } from "next";
import { BuildEditor } from "@/components/builds/build-editor";
import { NotAllowed } from "@/components/shell/not-allowed";
import { can } from "@/core/permissions";
import { api } from "@/trpc/server";
import { allowedTo } from "../../guard";
import { loadBuild } from "../load-build";
import { BackLink } from "@/components/ui/page-header";

export async function generateMetadata({ params }: { params: Promise<{ buildId: string }> }): Promise<Metadata> {
  const access = await allowedTo("inventory:read");
  return { title: access.allowed ? (await loadBuild((await params).buildId)).name : "Build" };
}

export default async function BuildPage({ params }: { params: Promise<{ buildId: string }> }) {
  const access = await allowedTo("inventory:read");
  if (!access.allowed) return <NotAllowed action={access.needed} />;
  const canManage = can(access.actor.roles, "builds:manage");
  const build = await loadBuild((await params).buildId);
  const machines = canManage ? await (await api()).builds.machines() : [];

  return (
    <>
      <BackLink href="/builds">Builds</BackLink>
      <BuildEditor build={build} canManage={canManage} machines={machines} />
    </>
  );
}
