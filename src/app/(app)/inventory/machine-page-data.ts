import { cache } from "react";
import { api } from "@/trpc/server";
import { pageRecord } from "../page-record";

/** The machine of a /inventory/[machineId] page. Cached per request, so the page's title and body share one load. */
export const loadMachine = cache(async (machineId: string) => pageRecord((await api()).inventory.machine({ machineId })));
