import { beforeEach, describe, expect, it } from "vitest";
import { MAX_BATCH_SIZE } from "@/trpc/batch-limit";
import { resetDatabase } from "@test/db/database";
import { makeUser } from "@test/db/fixtures";
import { toActor, type Actor } from "@/server/services/actor";
import { SESSION_RATE_LIMIT } from "@/server/services/rate-limit";
import { handleTrpcRequest } from "./trpc-handler";

beforeEach(() => resetDatabase());

/** A GET batch of `calls` calls to me.profile, as the web app's batch link sends it. */
function batch(calls: number, actor: Actor | null, now: Date) {
  const url = `http://localhost/api/trpc/${Array(calls).fill("me.profile").join(",")}?batch=1&input=${encodeURIComponent("{}")}`;
  return handleTrpcRequest(new Request(url), async () => actor, () => now);
}

describe("the web app's tRPC endpoint", () => {
  it(`refuses a batch of more than ${MAX_BATCH_SIZE} calls`, async () => {
    const actor = toActor(await makeUser());
    const now = new Date();
    expect((await batch(MAX_BATCH_SIZE, actor, now)).status).toBe(200);
    const tooBig = await batch(800, actor, now);
    expect(tooBig.status).toBe(400);
    expect(JSON.stringify(await tooBig.json())).toContain("Batch call exceeds maximum size");
  });

  it("rate-limits each person's calls as API tokens are, without slowing anyone else", async () => {
    const greedy = toActor(await makeUser());
    const other = toActor(await makeUser());
    const now = new Date();
    // Stopped clock: nothing refills, so the whole burst is spent in batches.
    for (let spent = 0; spent < SESSION_RATE_LIMIT.capacity; spent += MAX_BATCH_SIZE) expect((await batch(MAX_BATCH_SIZE, greedy, now)).status).toBe(200);
    const limited = await batch(1, greedy, now);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("1");
    expect(JSON.stringify(await limited.json())).toContain("Too many requests from your session");
    expect((await batch(1, other, now)).status).toBe(200);
    expect((await batch(1, greedy, new Date(now.getTime() + 1000))).status).toBe(200);
  });

  it("refuses a write from another site's page, and answers with the headers the proxy gives other routes", async () => {
    const actor = toActor(await makeUser());
    let resolved = false;
    const write = (origin: string) =>
      handleTrpcRequest(
        new Request("http://localhost/api/trpc/notifications.markRead", { method: "POST", headers: { origin, host: "localhost", "content-type": "application/json" }, body: "{}" }),
        async () => {
          resolved = true;
          return actor;
        },
      );
    const refused = await write("https://evil.example");
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ error: { code: "FORBIDDEN", message: "Cross-origin requests may not change data." } });
    expect(resolved).toBe(false);
    const read = await batch(1, actor, new Date());
    for (const response of [refused, read]) {
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("x-frame-options")).toBe("DENY");
      expect(response.headers.get("x-request-id")).toMatch(/^[\w-]{8,64}$/);
    }
    expect((await write("http://localhost")).status).not.toBe(403);
  });

  it("answers 413 for a body over the limit", async () => {
    const response = await handleTrpcRequest(new Request("http://localhost/api/trpc/transfer.import", { method: "POST", headers: { "content-length": String(33 * 1024 * 1024) } }), async () => null);
    expect(response.status).toBe(413);
  });
});
