/** Where the import/export document's JSON Schema is published (src/app/api/v1/schema/inventory-v1.json). */
export const INVENTORY_SCHEMA_PATH = "/api/v1/schema/inventory-v1.json";
