import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { resetDatabase } from "@test/db/database";
import { listAuditEntries } from "@/server/services/audit";
import { GO_LIVE_BEFORE_NOW_MS } from "./audit";
import { seedDemo } from "./demo";

const now = new Date("2026-11-20T09:15:00Z");

beforeEach(() => resetDatabase());

describe("the demo's audit trail", () => {
  it("has the entries its history implies, in time order, and stays as it is on a second seed", async () => {
    const seeded = await seedDemo(db(), now);
    const goLive = new Date(now.getTime() - GO_LIVE_BEFORE_NOW_MS);
    const entries = await db().auditLog.findMany({ orderBy: { id: "asc" } });
    expect(entries.length).toBe(seeded.auditEntries);
    // The log's order (ids) is time order, so the newest-first audit page reads right.
    for (let i = 1; i < entries.length; i++) expect(entries[i]!.at.getTime()).toBeGreaterThanOrEqual(entries[i - 1]!.at.getTime());
    const count = (action: string) => entries.filter((e) => e.action === action).length;

    // Every slice requested since go-live has its request; every approved one its approval by an admin.
    const slices = await db().slice.findMany({ where: { createdAt: { gte: new Date(0) } }, select: { id: true, status: true, startAt: true, releasedAt: true, overrideReason: true } });
    const recent = slices.filter((s) => s.startAt.getTime() - 3_600_000 - 86_400_000 >= goLive.getTime());
    const requested = new Set(entries.filter((e) => e.action === "slice.request").map((e) => e.subjectId));
    for (const s of recent) expect(requested.has(s.id)).toBe(true);
    const decided = new Map(entries.filter((e) => e.action.startsWith("slice.approve") || e.action === "slice.reject").map((e) => [e.subjectId, e]));
    for (const s of recent.filter((x) => x.status === "approved")) expect(decided.get(s.id)?.action).toBe(s.overrideReason ? "slice.approve-override" : "slice.approve");
    expect(count("slice.release")).toBeGreaterThan(0);
    expect(count("slice.reject")).toBe(1);
    expect(count("slice.approve-override")).toBe(1);
    expect(count("price.add")).toBe(1);
    expect(count("data.import")).toBe(1);
    const imported = entries.find((e) => e.action === "data.import")!;
    expect(imported.at).toEqual(goLive);
    expect((imported.after as { created: { slices: number } }).created.slices + recent.length).toBeGreaterThanOrEqual(slices.length - 10);
    expect(entries.filter((e) => e.at > now).map((e) => [e.action, e.at.toISOString(), e.actorId])).toEqual([]);

    // A rejection and an override carry the admin's reason, as the services write them.
    const rejection = entries.find((e) => e.action === "slice.reject")!;
    expect(rejection.reason).toMatch(/split it/);
    expect(rejection.after).toMatchObject({ status: "rejected" });
    const override = entries.find((e) => e.action === "slice.approve-override")!;
    expect(override.reason).toMatch(/^Quota override: /);

    // The audit page names what each entry is about.
    const page = await listAuditEntries({ limit: 50 });
    expect(page.entries).toHaveLength(50);
    for (const entry of page.entries) expect(entry.subjectName).not.toBe(entry.subjectId);

    expect((await seedDemo(db(), now)).auditEntries).toBe(0);
    expect(await db().auditLog.count()).toBe(entries.length);
  }, 120_000);
});
