import { cache } from "react";
import { api } from "@/trpc/server";
import { pageRecord } from "../page-record";

/** The build of a /builds/[buildId] page. Cached per request, so the title and the body share one load. */
export const loadBuild = cache(async (buildId: string) => pageRecord((await api()).builds.get({ buildId })));
