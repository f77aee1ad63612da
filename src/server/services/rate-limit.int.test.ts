import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { takeFromBucket } from "@/server/db/rate-limit";
import { resetDatabase } from "@test/db/database";
import { RATE_LIMIT, takeRequests } from "./rate-limit";

beforeEach(() => resetDatabase());

const bucketTokens = async (subject: string) => (await db().rateLimitBucket.findUniqueOrThrow({ where: { subject } })).tokens;

describe("a process's lease of a subject's tokens", () => {
  it("takes ten calls' worth at once and spends them locally, counted as spent for every other process", async () => {
    const now = new Date();
    for (let i = 0; i < 10; i++) expect((await takeRequests({ userId: "lease-a" }, now)).allowed).toBe(true);
    expect(await bucketTokens("user:lease-a")).toBe(RATE_LIMIT.capacity - 10);
    expect((await takeRequests({ userId: "lease-a" }, now)).allowed).toBe(true);
    expect(await bucketTokens("user:lease-a")).toBe(RATE_LIMIT.capacity - 20);
  });

  it("grants no more than the burst when another process spends the same bucket meanwhile", async () => {
    const now = new Date();
    let granted = 0;
    for (let i = 0; i < RATE_LIMIT.capacity; i++) {
      if ((await takeRequests({ tokenId: "lease-b" }, now)).allowed) granted++;
      if ((await takeFromBucket(db(), "token:lease-b", now, RATE_LIMIT)).allowed) granted++;
    }
    expect(granted).toBe(RATE_LIMIT.capacity);
    expect((await takeRequests({ tokenId: "lease-b" }, now)).allowed).toBe(false);
  });

  it("drops what a lease did not use within a second: it is never granted twice", async () => {
    const now = new Date();
    await takeRequests({ userId: "lease-c" }, now);
    const later = new Date(now.getTime() + 1_000);
    await takeRequests({ userId: "lease-c" }, later);
    // 10 from the first lease, 10 from the second; the refill of one second (10) is in the bucket.
    expect(await bucketTokens("user:lease-c")).toBe(RATE_LIMIT.capacity - 20 + RATE_LIMIT.perMinute / 60);
  });
});
