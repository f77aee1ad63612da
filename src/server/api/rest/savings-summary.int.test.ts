import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { savingsSummaryCommand } from "@/cli/remote";
import { resetDatabase } from "@test/db/database";
import { makeUser } from "@test/db/fixtures";
import { makeMachine } from "@test/db/fixtures-slices";
import { toActor } from "@/server/services/actor";
import { createToken } from "@/server/services/tokens";
import { handleRestRequest } from "./handler";

// The REST API over real HTTP, so the command-line client is tested as it runs against a portal.
let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer(async (req, res) => {
    const response = await handleRestRequest(new Request(`http://localhost${req.url}`, { method: req.method, headers: req.headers as Record<string, string> }));
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => resetDatabase());

async function leadershipToken() {
  const user = await makeUser({ roles: ["leadership", "admin"] });
  return (await createToken(toActor(user), { name: "summary", scope: "read", expiresInDays: 30 }, new Date())).token;
}

async function get(path: string, token: string) {
  const response = await fetch(`${base}/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, body: await response.json() };
}

describe("savings summary and report over REST", () => {
  it("names a missing groupBy as required", async () => {
    const token = await leadershipToken();
    const answer = await get(`/savings/report?from=2024-01-01T00:00:00Z&to=2024-02-01T00:00:00Z&bucket=week`, token);
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code: "VALIDATION", field: "groupBy", message: "groupBy: is required" });
  });

  it("takes an optional window and says the instant its figures are as of", async () => {
    const token = await leadershipToken();
    await makeMachine();
    const before = Date.now();
    const all = await get("/savings/summary", token);
    expect(all.status).toBe(200);
    expect(Date.parse(all.body.asOf)).toBeGreaterThanOrEqual(before);

    const window = await get("/savings/summary?from=2024-01-01T00:00:00Z&to=2024-03-01T00:00:00Z", token);
    expect(window.status).toBe(200);
    expect(window.body).toMatchObject({ since: "2024-01-01T00:00:00.000Z", asOf: "2024-03-01T00:00:00.000Z" });

    // A window ending in the future is counted up to now, and says so.
    const future = await get("/savings/summary?to=2999-01-01T00:00:00Z", token);
    expect(future.status).toBe(400);
    const later = await get(`/savings/summary?to=${new Date(Date.now() + 86_400_000).toISOString()}`, token);
    expect(Date.parse(later.body.asOf)).toBeLessThanOrEqual(Date.now());

    const backwards = await get("/savings/summary?from=2024-03-01T00:00:00Z&to=2024-01-01T00:00:00Z", token);
    expect(backwards).toMatchObject({ status: 400, body: { error: { field: "to" } } });
  });

  it("the command line passes the window and prints the as-of time", async () => {
    const token = await leadershipToken();
    await makeMachine();
    vi.stubEnv("RIGSHARE_URL", base);
    vi.stubEnv("RIGSHARE_TOKEN", token);
    const lines: string[] = [];
    const log = vi.spyOn(console, "log").mockImplementation((line: string) => void lines.push(line));
    try {
      await savingsSummaryCommand({ from: "2024-01-01T00:00:00Z", to: "2024-03-01T00:00:00Z" });
    } finally {
      log.mockRestore();
      vi.unstubAllEnvs();
    }
    expect(lines[0]).toBe("As of:               2024-03-01 00:00 UTC");
    expect(lines[1]).toContain("from 2024-01-01 00:00 UTC");
    expect(lines[2]).toMatch(/^Savings in 2024-03: /);
  });
});
