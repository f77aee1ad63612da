import type { CompleteDocument } from "@/core/transfer/records";
import { findInventoryRows } from "@/server/db/transfer";
import { read } from "@/server/db/tx";
import { toSnapshot } from "./snapshot";

/** Everything an import takes, as one document (with every slice's id as its externalId). */
export async function exportInventory(): Promise<CompleteDocument> {
  return toSnapshot(await read(findInventoryRows)).document;
}
