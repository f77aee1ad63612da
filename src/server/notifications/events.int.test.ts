// Every event's recipients and words, reminders that follow changes, and reminders fired once by two workers.
import pino from "pino";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ENDS_SOON_MS, STARTS_SOON_MS } from "@/core/notifications/reminders";
import { db } from "@/server/db/client";
import { resetDatabase } from "@test/db/database";
import { makeTeam, makeUser } from "@test/db/fixtures";
import { makeMachine } from "@test/db/fixtures-slices";
import { transaction } from "@/server/db/tx";
import { startBackgroundWork, type Background } from "@/server/jobs/runtime";
import { toActor } from "@/server/services/actor";
import { decideExtension, requestExtension } from "@/server/services/slices/extensions";
import { approveSlice, cancelSlice, rejectSlice, releaseSlice, requestSlice } from "@/server/services/slices/lifecycle";
import { sendWeeklyDigest } from "./digest";
import { notify } from "./notify";
import { fireReminder } from "./reminders";
import { startSmtpReceiver, waitFor } from "@test/notifications/receivers";

// Hoisted above the imports: a module may read (and cache) the environment as it loads.
const saved = vi.hoisted(() => {
  const before = process.env.SMTP_URL;
  process.env.SMTP_URL = "smtp://127.0.0.1:2525";
  return before;
});
afterAll(() => void (process.env.SMTP_URL = saved));

const HOUR = 3_600_000;
const running: Background[] = [];
const closers: (() => Promise<void>)[] = [];
beforeEach(async () => {
  await resetDatabase();
  await db().$executeRawUnsafe("DELETE FROM pgboss.job");
});
afterEach(async () => {
  for (const b of running.splice(0)) await b.stop({ graceful: false });
  for (const close of closers.splice(0)) await close();
});

async function world() {
  const team = await makeTeam("Vision");
  const alice = toActor(await makeUser({ teamId: team.id, name: "Alice" }));
  const admin = toActor(await makeUser({ roles: ["admin"], name: "Ada" }));
  const boss = toActor(await makeUser({ roles: ["leadership"], name: "Lee" }));
  const machine = await makeMachine();
  return { team, alice, admin, boss, machine };
}

const bell = (userId: string) => db().notification.findMany({ where: { userId }, orderBy: { createdAt: "asc" } });
const mails = (target: string) => db().delivery.findMany({ where: { target, channel: "email" }, orderBy: { createdAt: "asc" } });

describe("events from the portal", () => {
  it("tells the requester and the admins what concerns them, with reasons and links", async () => {
    const { alice, admin, machine } = await world();
    const now = new Date("2026-12-07T10:00:00Z");
    const a = await requestSlice(alice, { machineId: machine.id, gpuCount: 1, start: new Date(now.getTime() + HOUR), end: new Date(now.getTime() + 3 * HOUR), purpose: "Eval" }, now);
    await rejectSlice(admin, { sliceId: a.id, reason: "Machine reserved for the demo" }, now);
    const b = await requestSlice(alice, { machineId: machine.id, gpuCount: 1, start: new Date(now.getTime() + HOUR), end: new Date(now.getTime() + 3 * HOUR), purpose: "Train" }, now);
    await approveSlice(admin, { sliceId: b.id }, now);
    const ext = await requestExtension(alice, { sliceId: b.id, end: new Date(now.getTime() + 4 * HOUR), reason: "One more epoch" }, now);
    await decideExtension(admin, { extensionId: ext.pendingExtension!.id, approve: true, reason: "Fine" }, now);
    const later = new Date(now.getTime() + 2 * HOUR);
    await releaseSlice(admin, { sliceId: b.id }, later);

    expect((await bell(admin.id)).map((n) => n.kind)).toEqual(["request-waiting", "request-waiting", "request-waiting"]);
    const mine = await bell(alice.id);
    expect(mine.map((n) => n.kind)).toEqual(["slice-rejected", "slice-approved", "extension-decided", "slice-released-by-admin"]);
    expect(mine[0]!.body).toContain("Ada gave this reason: Machine reserved for the demo");
    expect(mine[2]!.title).toBe(`Extension approved: 1 GPU on ${machine.name}`);
    expect(mine[2]!.body).toContain("It now ends at 2026-12-07 14:00 UTC.");
    expect(mine[3]!.title).toBe(`Ada released your slice on ${machine.name}`);
    const subjects = (await mails(alice.email)).map((d) => d.subject);
    expect(subjects).toEqual(mine.map((n) => `[Rigshare] ${n.title}`));
  });

  it("asks admins about a quota exception and tells the requester the decision", async () => {
    const { alice, admin, machine } = await world();
    const now = new Date("2026-12-07T10:00:00Z");
    const slice = await requestSlice(alice, { machineId: machine.id, gpuCount: 2, start: new Date(now.getTime() + HOUR), end: new Date(now.getTime() + 3 * HOUR), purpose: "Big", quotaException: "Paper deadline Friday" }, now);
    await approveSlice(admin, { sliceId: slice.id, overrideReason: "Deadline is real" }, now);
    const [asked] = await bell(admin.id);
    expect(asked).toMatchObject({ kind: "quota-exception-asked", title: "Alice asks for a quota exception" });
    expect(asked!.body).toContain("Why: Paper deadline Friday");
    expect((await bell(alice.id))[0]).toMatchObject({ kind: "quota-exception-decided", title: `Quota exception granted: 2 GPUs on ${machine.name}` });
  });

  it("events of the machine agent go to the person and the admins through notify()", async () => {
    const { alice, admin, machine } = await world();
    const now = new Date("2026-12-07T10:00:00Z");
    const slice = { id: "00000000-0000-4000-8000-0000000000aa", machineName: machine.name, gpuCount: 1, start: now.getTime() - HOUR, end: now.getTime() + HOUR, purpose: "Idle", holderId: alice.id, holderName: "Alice", teamId: alice.teamId, teamName: alice.teamName };
    await transaction(async (tx) => {
      await notify(tx, { kind: "idle-warning", slice, idleMinutes: 45, reclaimAt: now.getTime() + 15 * 60_000 }, now);
      await notify(tx, { kind: "idle-reclaimed", slice, idleMinutes: 60, at: now.getTime() }, now);
      await notify(tx, { kind: "unbooked-use", machineId: machine.id, machineName: machine.name, userId: alice.id, linuxUsername: "alice", gpuIndexes: [2], seenAt: now.getTime() }, now);
      await notify(tx, { kind: "agent-silent", machineId: machine.id, machineName: machine.name, lastSeenAt: now.getTime() - 10 * 60_000 }, now);
      // The same event again (a retried job): stored and sent once.
      await notify(tx, { kind: "agent-silent", machineId: machine.id, machineName: machine.name, lastSeenAt: now.getTime() - 10 * 60_000 }, now);
    });
    expect((await bell(alice.id)).map((n) => n.kind)).toEqual(["idle-warning", "idle-reclaimed", "unbooked-use"]);
    expect((await bell(admin.id)).map((n) => n.kind)).toEqual(["unbooked-use", "agent-silent"]);
    expect((await bell(alice.id))[0]!.body).toContain("reclaimed at 2026-12-07 10:15 UTC");
    expect((await mails(admin.email)).map((d) => d.subject)).toEqual([`[Rigshare] GPUs used without a slice on ${machine.name}`, `[Rigshare] No word from ${machine.name}'s agent for 10 minutes`]);
    expect((await mails(admin.email))[0]!.text).toContain("because you are a Rigshare admin");
  });

  it("sends leadership the weekly digest, saying where used-vs-held figures will come from", async () => {
    const { boss, alice } = await world();
    const digest = await sendWeeklyDigest(new Date("2026-12-09T08:00:00Z"));
    expect(digest).toMatchObject({ weekStart: Date.parse("2026-11-30T00:00:00Z"), weekEnd: Date.parse("2026-12-07T00:00:00Z"), usedGpuHours: null });
    const [mail] = await mails(boss.email);
    expect(mail!.subject).toMatch(/^\[Rigshare\] Savings this week: \$/);
    expect(mail!.text).toContain("appear once machines report telemetry");
    expect(await bell(boss.id)).toEqual([]); // leadership's default for the digest is e-mail only
    expect(await mails(alice.email)).toEqual([]);
  });
});

describe("reminders", () => {
  it("follow changes: an extension moves 'ends soon', a release or cancellation drops them", async () => {
    const { alice, admin, machine } = await world();
    const now = new Date("2026-12-07T10:00:00Z");
    const start = now.getTime() + HOUR;
    const slice = await requestSlice(alice, { machineId: machine.id, gpuCount: 1, start: new Date(start), end: new Date(start + 2 * HOUR), purpose: "R" }, now);
    await approveSlice(admin, { sliceId: slice.id }, now);
    const jobs = () => db().$queryRawUnsafe<{ kind: string; target: string; start_after: Date }[]>(`SELECT data->>'kind' AS kind, data->>'target' AS target, start_after FROM pgboss.job WHERE name = 'reminder' ORDER BY start_after`);
    expect((await jobs()).map((j) => [j.kind, j.start_after.getTime()])).toEqual([["slice-starts-soon", start - STARTS_SOON_MS], ["slice-ends-soon", start + 2 * HOUR - ENDS_SOON_MS]]);

    const ext = await requestExtension(alice, { sliceId: slice.id, end: new Date(start + 3 * HOUR), reason: "More" }, now);
    await decideExtension(admin, { extensionId: ext.pendingExtension!.id, approve: true }, now);
    expect((await jobs()).map((j) => j.start_after.getTime())).toContain(start + 3 * HOUR - ENDS_SOON_MS);

    const at = (ms: number) => new Date(ms);
    expect(await fireReminder({ sliceId: slice.id, kind: "slice-ends-soon", target: start + 2 * HOUR }, at(start + 2 * HOUR - ENDS_SOON_MS))).toBe(false);
    expect(await fireReminder({ sliceId: slice.id, kind: "slice-starts-soon", target: start }, at(start - STARTS_SOON_MS))).toBe(true);
    expect(await fireReminder({ sliceId: slice.id, kind: "slice-starts-soon", target: start }, at(start - STARTS_SOON_MS + 1000))).toBe(true);
    expect((await bell(alice.id)).filter((n) => n.kind === "slice-starts-soon")).toHaveLength(1);
    await releaseSlice(alice, { sliceId: slice.id }, at(start + HOUR));
    expect(await fireReminder({ sliceId: slice.id, kind: "slice-ends-soon", target: start + 3 * HOUR }, at(start + 3 * HOUR - ENDS_SOON_MS))).toBe(false);

    const other = await requestSlice(alice, { machineId: machine.id, gpuCount: 1, start: new Date(start + 5 * HOUR), end: new Date(start + 6 * HOUR), purpose: "C" }, now);
    await approveSlice(admin, { sliceId: other.id }, now);
    await cancelSlice(alice, { sliceId: other.id }, now);
    expect(await fireReminder({ sliceId: other.id, kind: "slice-starts-soon", target: start + 5 * HOUR }, at(start + 5 * HOUR - STARTS_SOON_MS))).toBe(false);
    expect((await bell(alice.id)).map((n) => n.kind).filter((k) => k.endsWith("soon"))).toEqual(["slice-starts-soon"]);
  });

  it("two workers on one database fire a reminder once, within seconds of its time", async () => {
    const { alice, admin, machine } = await world();
    const smtp = await startSmtpReceiver();
    closers.push(smtp.close);
    const options = {
      databaseUrl: process.env.DATABASE_URL!,
      log: pino({ level: "silent" }),
      notify: { baseUrl: "http://localhost:3000", emailEnabled: true },
      send: { smtpUrl: `smtp://127.0.0.1:${smtp.port}`, mailFrom: "Rigshare <rigshare@example.test>", allowPrivateWebhooks: true, timeoutMs: 2000 },
      pollingIntervalSeconds: 0.5,
      schedule: false,
    };
    running.push(await startBackgroundWork(options), await startBackgroundWork(options));
    const now = new Date();
    const start = now.getTime() + STARTS_SOON_MS + 3000;
    const slice = await requestSlice(alice, { machineId: machine.id, gpuCount: 1, start: new Date(start), end: new Date(start + HOUR), purpose: "Soon" }, now);
    await approveSlice(admin, { sliceId: slice.id }, now);
    await waitFor("the reminder e-mail", () => smtp.messages.some((m) => m.subject.includes("Starts in 15 minutes")));
    const notified = (await bell(alice.id)).find((n) => n.kind === "slice-starts-soon")!;
    expect(notified.createdAt.getTime() - (start - STARTS_SOON_MS)).toBeLessThan(5000);
    await new Promise((r) => setTimeout(r, 1500));
    expect(smtp.messages.filter((m) => m.subject.includes("Starts in 15 minutes"))).toHaveLength(1);
    expect((await bell(alice.id)).filter((n) => n.kind === "slice-starts-soon")).toHaveLength(1);
  });
});
