import { readFile } from "node:fs/promises";
import { join } from "node:path";

/**
 * The API docs page's renderer (Swagger UI), served from the installed swagger-ui-dist package:
 * no CDN, and the CSP's 'self' covers it. Only these files are served.
 */
const FILES: Record<string, string> = {
  "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
  "swagger-ui.css": "text/css; charset=utf-8",
};

export async function GET(_req: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const type = FILES[file];
  if (!type) return new Response("Not found", { status: 404 });
  // The server runs from the repository root (scripts/start.ts), where node_modules is.
  const body = await readFile(join(process.cwd(), "node_modules", "swagger-ui-dist", file));
  return new Response(body, { headers: { "Content-Type": type, "Cache-Control": "public, max-age=86400" } });
}
