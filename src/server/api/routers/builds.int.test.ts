import { TRPCError } from "@trpc/server";
import { beforeEach, describe, expect, it } from "vitest";
import { usd } from "@/core/builds/parts";
import { SEED_BUILD_ZEUS, SEED_QUOTE_LAMBDA } from "@seed/build-parts";
import { db } from "@/server/db/client";
import { resetDatabase } from "@test/db/database";
import { makeUser } from "@test/db/fixtures";
import { makeMachine } from "@test/db/fixtures-builds";
import { callerFor } from "@test/api/caller";

beforeEach(() => resetDatabase());

async function errorOf(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return error;
}

const parts = SEED_BUILD_ZEUS.map(({ category, name, quantity, unitPriceMicros, specs }) => ({ category, name, quantity, unitPriceMicros, specs }));
const zeus = { name: "Zeus", status: "in_service" as const, parts, quotes: [SEED_QUOTE_LAMBDA] };

async function people() {
  const [member, admin, leader] = await Promise.all([makeUser(), makeUser({ roles: ["admin"] }), makeUser({ roles: ["leadership"] })]);
  return { member, admin, leader };
}

describe("builds router", () => {
  it("lets members and leadership read builds, anonymous callers not", async () => {
    const { member, admin, leader } = await people();
    const build = await callerFor(admin).builds.create(zeus);
    for (const reader of [member, leader]) {
      expect((await callerFor(reader).builds.list()).map((b) => b.name)).toEqual(["Zeus"]);
      expect((await callerFor(reader).builds.get({ buildId: build.id })).totalMicros).toBe(usd(5992));
    }
    expect((await errorOf(callerFor(null).builds.list())).code).toBe("UNAUTHORIZED");
  });

  it("lets only admins write: members and leadership get FORBIDDEN for every change", async () => {
    const { member, admin, leader } = await people();
    const machine = await makeMachine();
    const build = await callerFor(admin).builds.create(zeus);
    const ref = { buildId: build.id };
    for (const user of [member, leader]) {
      const caller = callerFor(user);
      const attempts = [
        caller.builds.create({ ...zeus, name: "Mine" }),
        caller.builds.save({ ...zeus, ...ref, expectedUpdatedAt: build.updatedAt, notes: "hi" }),
        caller.builds.duplicate(ref),
        caller.builds.delete(ref),
        caller.builds.link({ ...ref, machineId: machine.id }),
        caller.builds.unlink(ref),
        caller.builds.machines(),
      ];
      for (const attempt of attempts) expect((await errorOf(attempt)).code).toBe("FORBIDDEN");
    }
    expect(await db().build.count()).toBe(1);
  });

  it("refuses a bad part with BAD_REQUEST naming its path, and writes nothing", async () => {
    const { admin } = await people();
    const build = await callerFor(admin).builds.create(zeus);
    const bad = parts.map((p, i) => (i === 3 ? { ...p, quantity: -1 } : { ...p, quantity: p.quantity + 1 }));
    const error = await errorOf(callerFor(admin).builds.save({ ...zeus, parts: bad, buildId: build.id, expectedUpdatedAt: build.updatedAt }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toBe("parts.3.quantity: must be 0 or more");
    expect((await callerFor(admin).builds.get({ buildId: build.id })).parts.map((p) => p.quantity)).toEqual(parts.map((p) => p.quantity));
  });

  it("validates spec attributes like PartSpecs: whole non-negative numbers, known names", async () => {
    const { admin } = await people();
    const withSpecs = (specs: Record<string, unknown>) => ({ ...zeus, parts: [{ ...parts[0]!, specs }] as typeof parts });
    expect((await errorOf(callerFor(admin).builds.create(withSpecs({ boardPowerW: 2.5 })))).message).toBe("parts.0.specs.boardPowerW: must be a whole number");
    expect((await errorOf(callerFor(admin).builds.create(withSpecs({ slotWidth: -2 })))).message).toBe("parts.0.specs.slotWidth: must be 0 or more");
    expect((await errorOf(callerFor(admin).builds.create(withSpecs({ wattage: 5 })))).code).toBe("BAD_REQUEST");
    expect((await errorOf(callerFor(admin).builds.create({ ...zeus, name: " " }))).message).toBe("name: must be at least 2 characters");
    expect((await errorOf(callerFor(admin).builds.create({ ...zeus, parts: [{ ...parts[0]!, unitPriceMicros: 1.5 }] }))).message).toBe(
      "parts.0.unitPriceMicros: must be whole micro-dollars",
    );
    const huge = [{ ...parts[0]!, quantity: 1000, unitPriceMicros: usd(1_000_000) }, { ...parts[0]!, quantity: 1, unitPriceMicros: usd(1) }];
    expect((await errorOf(callerFor(admin).builds.create({ ...zeus, parts: huge }))).message).toBe("parts: must add up to at most $1,000,000,000");
    expect(await db().build.count()).toBe(0);
  });

  it("maps a stale save to CONFLICT and an unknown build to NOT_FOUND", async () => {
    const { admin } = await people();
    const build = await callerFor(admin).builds.create(zeus);
    await callerFor(admin).builds.save({ ...zeus, buildId: build.id, expectedUpdatedAt: build.updatedAt, notes: "one" });
    const stale = await errorOf(callerFor(admin).builds.save({ ...zeus, buildId: build.id, expectedUpdatedAt: build.updatedAt, notes: "two" }));
    expect(stale.code).toBe("CONFLICT");
    expect(stale.message).toMatch(/reload/);
    expect((await errorOf(callerFor(admin).builds.get({ buildId: "00000000-0000-4000-8000-000000000000" }))).code).toBe("NOT_FOUND");
  });

  it("duplicates, links, refuses to delete a linked build, unlinks and deletes", async () => {
    const { admin } = await people();
    const machine = await makeMachine("zeus");
    const caller = callerFor(admin).builds;
    const build = await caller.create(zeus);
    expect((await caller.duplicate({ buildId: build.id })).name).toBe("Zeus (copy)");
    await caller.link({ buildId: build.id, machineId: machine.id });
    expect((await caller.machines()).map((m) => [m.name, m.build?.name])).toEqual([["zeus", "Zeus"]]);
    expect((await errorOf(caller.delete({ buildId: build.id }))).code).toBe("CONFLICT");
    await caller.unlink({ buildId: build.id });
    await caller.delete({ buildId: build.id });
    expect((await caller.list()).map((b) => b.name)).toEqual(["Zeus (copy)"]);
    const log = await callerFor(admin).audit.list({ subjectType: "build" });
    expect(log.entries.map((e) => e.action)).toEqual(["build.delete", "build.unlink", "build.link", "build.duplicate", "build.create"]);
    expect(log.entries[0]?.subjectName).toBe("Zeus");
  });
});
