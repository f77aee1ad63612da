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
import { byActor } from "../by-actor";
import { permitted, router } from "../trpc";

const manage = permitted("builds:manage");

export const buildsRouter = router({
  list: permitted("inventory:read").query(() => listBuilds()),
  get: permitted("inventory:read")
    .input(buildRef)
    .query(({ input }) => getBuild(input.buildId)),
  /** Machines a build can be linked to, with the build each already runs. */
  machines: manage.query(() => listLinkableMachines()),

  create: manage.input(buildContents).mutation(byActor(createBuild)),
  /** Replaces the whole build; refused with CONFLICT when it changed since `expectedUpdatedAt`. */
  save: manage.input(saveBuildIn).mutation(byActor(saveBuild)),
  duplicate: manage.input(buildRef).mutation(byActor(duplicateBuild)),
  delete: manage.input(buildRef).mutation(byActor(deleteBuild)),
  link: manage.input(linkBuildIn).mutation(byActor(linkBuild)),
  unlink: manage.input(buildRef).mutation(byActor(unlinkBuild)),
});
