import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { NextRequest } from "next/server";
import { afterAll, describe, expect, it } from "vitest";
import { proxy } from "@/proxy";
import { createWatchedPrismaClient } from "@/server/db/client";
import { freePort, startEmbeddedPostgres } from "@/server/platform/embedded";
import { DATABASE_AWAY_TITLE } from "./database-away-page";

const dataDir = mkdtempSync(join(tmpdir(), "rigshare-away-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const page = (path: string) => proxy(new NextRequest(`http://localhost:3000${path}`, { headers: { accept: "text/html,application/xhtml+xml" } }));
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function statusWithin(path: string, wanted: number, ms: number): Promise<number> {
  let status = 0;
  for (const deadline = Date.now() + ms; Date.now() < deadline; await sleep(100)) {
    status = (await page(path)).status;
    if (status === wanted) break;
  }
  return status;
}

describe("pages while PostgreSQL is away", () => {
  it("answer 503 saying so once the pool loses its connections, and pass again once it is back", async () => {
    const options = { dataDir, port: await freePort(), durable: false };
    let postgres = await startEmbeddedPostgres(options);
    const client = createWatchedPrismaClient(postgres.url);
    try {
      await client.$queryRaw`SELECT 1`;
      expect((await page("/inventory")).status).toBe(200);

      await postgres.stop();
      // The idle pooled connection is closed by the shutdown: no request has to fail first.
      expect(await statusWithin("/inventory", 503, 10_000)).toBe(503);
      const away = await page("/schedule?week=2026-12-07");
      expect(away.status).toBe(503);
      expect(away.headers.get("retry-after")).toBe("5");
      const html = await away.text();
      expect(html).toContain(DATABASE_AWAY_TITLE);
      expect(html).toContain('action="/schedule"');
      expect(html).toContain('name="week" value="2026-12-07"');
      // API clients get their own 503 from the routes, in JSON; the proxy leaves them alone.
      const api = await proxy(new NextRequest("http://localhost:3000/api/v1/machines", { headers: { accept: "text/html" } }));
      expect(api.status).toBe(200);

      postgres = await startEmbeddedPostgres(options);
      expect(await statusWithin("/inventory", 200, 10_000)).toBe(200);
    } finally {
      await client.$disconnect();
      await postgres.stop();
    }
  }, 120_000);
});
