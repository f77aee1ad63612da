import openapiTS, { astToString, type OpenAPI3 } from "openapi-typescript";
import { openApiDocument } from "@/server/api/rest/document";

export const API_TYPES_FILE = "src/cli/api/types.gen.ts";

/** TypeScript types of the REST API, from its OpenAPI document, for typed clients (openapi-fetch, the CLI). */
export async function renderApiTypes(): Promise<string> {
  const ast = await openapiTS(openApiDocument() as unknown as OpenAPI3);
  return `// Generated from /api/openapi.json by \`npx tsx scripts/api-types.ts\`; do not edit.\n// src/server/api/rest/rest.int.test.ts fails when it is out of date.\n\n${astToString(ast)}`;
}
