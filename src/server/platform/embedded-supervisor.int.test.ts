import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { freePort, startEmbeddedPostgres } from "./embedded";
import { superviseEmbeddedPostgres } from "./embedded-supervisor";

const dataDir = mkdtempSync(join(tmpdir(), "rigshare-supervised-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
  return client.connect().then(
    () => client.query("SELECT 1").then(() => client.end().then(() => true)),
    () => false,
  );
}

describe("the supervised embedded PostgreSQL", () => {
  it("comes back by itself after its postmaster is killed with SIGKILL, and logs it", async () => {
    const lines: string[] = [];
    const log = { debug() {}, info: (m: string) => lines.push(`info ${m}`), warn: (m: string) => lines.push(`warn ${m}`), error: (m: string) => lines.push(`error ${m}`) };
    const options = { dataDir, port: await freePort(), durable: false, log };
    const supervised = superviseEmbeddedPostgres(await startEmbeddedPostgres(options), options, { checkEveryMs: 100, firstBackoffMs: 200 });
    try {
      expect(await answers(supervised.url)).toBe(true);
      const postmaster = Number(readFileSync(join(dataDir, "pg", "postmaster.pid"), "utf8").split("\n")[0]);
      // Never 0 or NaN: process.kill(0) would signal this whole process group.
      expect(Number.isInteger(postmaster) && postmaster > 1).toBe(true);
      process.kill(postmaster, "SIGKILL");
      // The server takes connections a moment before the restart returns and is logged: wait for both.
      const restartLogged = () => lines.some((l) => l.startsWith("info ") && l.includes("restarted"));
      let back = false;
      for (const deadline = Date.now() + 60_000; !(back && restartLogged()) && Date.now() < deadline; ) {
        await new Promise((done) => setTimeout(done, 250));
        back = await answers(supervised.url);
      }
      expect(back).toBe(true);
      expect(lines.find((l) => l.startsWith("warn ") && l.includes("died"))).toBeDefined();
      expect(lines.find((l) => l.startsWith("info ") && l.includes("restarted"))).toBeDefined();
      const restartedAs = Number(readFileSync(join(dataDir, "pg", "postmaster.pid"), "utf8").split("\n")[0]);
      expect(restartedAs).not.toBe(postmaster);
    } finally {
      await supervised.stop();
    }
    expect(await answers(supervised.url)).toBe(false);
  }, 120_000);
});
