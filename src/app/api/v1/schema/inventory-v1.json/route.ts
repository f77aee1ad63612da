import { inventoryJsonSchema } from "@/core/transfer/json-schema";
import { INVENTORY_SCHEMA_PATH } from "@/server/api/rest/paths";

/** Public: editors and scripts validate documents against it before importing. */
export function GET(req: Request) {
  return Response.json(inventoryJsonSchema(new URL(INVENTORY_SCHEMA_PATH, req.url).href), { headers: { "Content-Type": "application/schema+json" } });
}
