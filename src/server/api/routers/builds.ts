import { buildContents, buildRef, linkBuildIn, saveBuildIn } from "@/contracts/builds";
import {
  createBuild,
  deleteBuild,
  duplicateBuild,
  getBuild,
  linkBuild,
  listBuilds,
  listLinkableMachines,
  saveBuild,
  unlinkBuild,
} from "@/server/services/builds";
import { permitted, router } from "../trpc";

export const buildsRouter = router({
  list: permitted("inventory:read").query(() => listBuilds()),
  get: permitted("inventory:read")
    .input(buildRef)
    .query(({ input }) => getBuild(input.buildId)),
  /** Machines a build can be linked to, with the build each already runs. */
  machines: permitted("builds:manage").query(() => listLinkableMachines()),

  create: permitted("builds:manage")
    .input(buildContents)
    .mutation(({ ctx, input }) => createBuild(ctx.actor, input)),
  /** Replaces the whole build; refused with CONFLICT when it changed since `expectedUpdatedAt`. */
  save: permitted("builds:manage")
    .input(saveBuildIn)
    .mutation(({ ctx, input }) => saveBuild(ctx.actor, input)),
  duplicate: permitted("builds:manage")
    .input(buildRef)
    .mutation(({ ctx, input }) => duplicateBuild(ctx.actor, input)),
  delete: permitted("builds:manage")
    .input(buildRef)
    .mutation(({ ctx, input }) => deleteBuild(ctx.actor, input)),
  link: permitted("builds:manage")
    .input(linkBuildIn)
    .mutation(({ ctx, input }) => linkBuild(ctx.actor, input)),
  unlink: permitted("builds:manage")
    .input(buildRef)
    .mutation(({ ctx, input }) => unlinkBuild(ctx.actor, input)),
});
