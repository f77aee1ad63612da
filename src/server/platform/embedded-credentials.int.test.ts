import { statSync, rmSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { freePort, startEmbeddedPostgres } from "./embedded";

const dataDir = mkdtempSync(join(tmpdir(), "rigshare-credentials-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function logsIn(port: number, password: string): Promise<boolean> {
  const client = new pg.Client({ host: "127.0.0.1", port, user: "postgres", password, database: "postgres" });
  return client.connect().then(
    () => client.end().then(() => true),
    () => false,
  );
}

describe("the embedded PostgreSQL's password", () => {
  it("is random, kept in the data directory for its owner only, and replaces postgres/postgres of an older data directory", async () => {
    const port = await freePort();
    const first = await startEmbeddedPostgres({ dataDir, port, durable: false });
    const password = decodeURIComponent(new URL(first.url).password);
    expect(password).toMatch(/^[\w-]{32}$/);
    expect(statSync(join(dataDir, "pg-password")).mode & 0o777).toBe(0o600);
    expect(await logsIn(port, "postgres")).toBe(false);

    // A data directory from before: the server has postgres/postgres and there is no password file.
    const client = new pg.Client(first.url);
    await client.connect();
    await client.query("ALTER ROLE postgres PASSWORD 'postgres'");
    await client.end();
    await first.stop();
    rmSync(join(dataDir, "pg-password"));

    const again = await startEmbeddedPostgres({ dataDir, port, durable: false });
    try {
      const renewed = decodeURIComponent(new URL(again.url).password);
      expect(renewed).not.toBe("postgres");
      expect(await logsIn(port, renewed)).toBe(true);
      expect(await logsIn(port, "postgres")).toBe(false);
    } finally {
      await again.stop();
    }
  }, 120_000);
});
