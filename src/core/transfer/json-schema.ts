import { z } from "zod";
import { inventoryDocument } from "./schema";

/** The published JSON Schema of the inventory document (version 1), generated from the zod schema import validates with. */
export function inventoryJsonSchema(id: string): Record<string, unknown> {
  return { ...z.toJSONSchema(inventoryDocument, { io: "input", target: "draft-2020-12" }), $id: id };
}
