import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";
import { cache } from "react";
import { api } from "@/trpc/server";

/**
 * The machine of a /inventory/[machineId] page; a malformed or unknown id is a 404, not an error
 * page. Cached per request, so the page's title and body share one load.
 */
export const loadMachine = cache(async (machineId: string) => {
  try {
    return await (await api()).inventory.machine({ machineId });
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
});
