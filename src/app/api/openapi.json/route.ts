import { openApiDocument } from "@/server/api/rest/document";

/** Public, like any API description: it names endpoints and shapes, never data. */
export function GET() {
  return Response.json(openApiDocument(), { headers: { "Cache-Control": "no-cache" } });
}
