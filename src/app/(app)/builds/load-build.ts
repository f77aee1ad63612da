import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";
import { cache } from "react";
import { api } from "@/trpc/server";

/**
 * The build of a /builds/[buildId] page; a malformed or unknown id is a 404, not an error page.
 * Cached per request, so the title and the body share one load.
 */
export const loadBuild = cache(async (buildId: string) => {
  try {
    return await (await api()).builds.get({ buildId });
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
});
