// Deliveries end to end: real SMTP and HTTP receivers on loopback, the real job queue, real PostgreSQL.
import { createServer } from "node:net";
import pino from "pino";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/server/db/client";
import { resetDatabase } from "@test/db/database";
import { makeTeam, makeUser } from "@test/db/fixtures";
import { makeMachine } from "@test/db/fixtures-slices";
import { transaction } from "@/server/db/tx";
import { startBackgroundWork, type Background } from "@/server/jobs/runtime";
import { toActor } from "@/server/services/actor";
import { createTeamWebhook, saveMyWebhook, savePreferences } from "@/server/services/notification-settings";
import { approveSlice, requestSlice } from "@/server/services/slices/lifecycle";
import { notify } from "./notify";
import { startSmtpReceiver, startWebhookReceiver, waitFor } from "@test/notifications/receivers";

// Set before the first env() read of this file's module graph: e-mail on, loopback webhooks allowed.
// Hoisted above the imports: a module may read (and cache) the environment as it loads.
const saved = vi.hoisted(() => {
  const before = { smtp: process.env.SMTP_URL, allow: process.env.WEBHOOKS_ALLOW_PRIVATE };
  process.env.SMTP_URL = "smtp://127.0.0.1:2525";
  process.env.WEBHOOKS_ALLOW_PRIVATE = "1";
  return before;
});
afterAll(() => {
  process.env.SMTP_URL = saved.smtp;
  process.env.WEBHOOKS_ALLOW_PRIVATE = saved.allow;
});

const HOUR = 3_600_000;
const log = pino({ level: "silent" });
const running: Background[] = [];
const closers: (() => Promise<void>)[] = [];

async function worker(smtpPort: number) {
  const background = await startBackgroundWork({
    databaseUrl: process.env.DATABASE_URL!,
    log,
    notify: { baseUrl: "http://localhost:3000", emailEnabled: true },
    send: { smtpUrl: `smtp://127.0.0.1:${smtpPort}`, mailFrom: "Rigshare <rigshare@example.test>", allowPrivateWebhooks: true, timeoutMs: 2000 },
    pollingIntervalSeconds: 0.5,
    schedule: false,
  });
  running.push(background);
  return background;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

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
  const machine = await makeMachine();
  return { team, alice, admin, machine };
}

const count = (table: string) => db().$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${table}`).then((r) => r[0]!.n);
const settle = () => new Promise((r) => setTimeout(r, 1500));

describe("deliveries", () => {
  it("an approval reaches the member once: in the bell, by e-mail, on their signed webhook and on the team's Slack channel", async () => {
    const { team, alice, admin, machine } = await world();
    const smtp = await startSmtpReceiver();
    closers.push(smtp.close);
    const secrets = new Map<string, string>();
    const hooks = await startWebhookReceiver({ secretFor: (path) => secrets.get(path) });
    closers.push(hooks.close);
    const mine = await saveMyWebhook(alice, { url: hooks.url("/alice"), format: "json" });
    secrets.set("/alice", mine!.secret);
    await createTeamWebhook(admin, { teamId: team.id, url: hooks.url("/team"), format: "slack", kinds: ["slice-approved"] });
    await savePreferences(alice, { preferences: [{ kind: "slice-approved", channels: ["in_app", "email", "webhook"] }] });
    await worker(smtp.port);

    const now = new Date();
    const slice = await requestSlice(alice, { machineId: machine.id, gpuCount: 1, start: new Date(now.getTime() + 2 * HOUR), end: new Date(now.getTime() + 6 * HOUR), purpose: "Train ResNet" }, now);
    await approveSlice(admin, { sliceId: slice.id }, now);

    await waitFor("the approval e-mail and both webhooks", () => smtp.messages.some((m) => m.subject.includes("Approved")) && hooks.received.length >= 2);
    await settle();
    const approvals = smtp.messages.filter((m) => m.subject.includes("Approved"));
    expect(approvals).toHaveLength(1);
    expect(approvals[0]).toMatchObject({ to: alice.email, subject: `[Rigshare] Approved: 1 GPU on ${machine.name}` });
    expect(approvals[0]!.text).toContain("Approved by Ada.");
    expect(approvals[0]!.text).toContain("You get this because it is about your slice.");
    expect(approvals[0]!.text).toContain("http://localhost:3000/profile/notifications");
    expect(approvals[0]!.html).toContain('href="http://localhost:3000/slices"');
    // The admin heard about the waiting request, once, and says why.
    const waiting = smtp.messages.filter((m) => m.subject.includes("requests 1 GPU"));
    expect(waiting).toHaveLength(1);
    expect(waiting[0]).toMatchObject({ to: admin.email });
    expect(waiting[0]!.text).toContain("because you are a Rigshare admin");

    const personal = hooks.received.filter((r) => r.path === "/alice");
    expect(personal).toHaveLength(1);
    expect(personal[0]!.verified).toBe(true);
    expect(personal[0]!.json).toMatchObject({ kind: "slice-approved", link: "http://localhost:3000/slices", data: { slice: { id: slice.id } } });
    const channel = hooks.received.filter((r) => r.path === "/team");
    expect(channel).toHaveLength(1);
    expect(channel[0]!.json).toMatchObject({ text: expect.stringContaining(`Approved: 1 GPU on ${machine.name}`) });
    expect(channel[0]!.headers["x-rigshare-signature"]).toBeUndefined();

    const bell = await db().notification.findMany({ where: { userId: alice.id } });
    expect(bell.map((n) => n.kind)).toEqual(["slice-approved"]);
    expect(await db().delivery.count({ where: { status: "sent" } })).toBe(4);
  });

  it("a rolled-back decision sends nothing: no notification, no delivery, no job", async () => {
    const { alice, machine } = await world();
    const now = new Date();
    const slice = { id: "00000000-0000-4000-8000-000000000001", machineName: machine.name, gpuCount: 1, start: now.getTime(), end: now.getTime() + HOUR, purpose: "x", holderId: alice.id, holderName: alice.name, teamId: alice.teamId, teamName: alice.teamName };
    const jobsBefore = await count("pgboss.job");
    const error = await transaction(async (tx) => {
      await notify(tx, { kind: "slice-approved", slice, by: "Ada" }, now, { baseUrl: "http://localhost:3000", emailEnabled: true });
      throw new Error("refused after notifying");
    }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect(await count("notification")).toBe(0);
    expect(await count("delivery")).toBe(0);
    expect(await count("pgboss.job")).toBe(jobsBefore);
  });

  it("an SMTP server that is down, and a webhook answering 500, are retried with backoff and deliver once when back", async () => {
    const { alice, admin, machine } = await world();
    const port = await freePort();
    let webhookStatus = 500;
    const hooks = await startWebhookReceiver({ status: () => webhookStatus });
    closers.push(hooks.close);
    await saveMyWebhook(alice, { url: hooks.url("/alice"), format: "slack" });
    await savePreferences(alice, { preferences: [{ kind: "slice-approved", channels: ["email", "webhook"] }] });
    await worker(port);
    const now = new Date();
    const slice = await requestSlice(alice, { machineId: machine.id, gpuCount: 1, start: new Date(now.getTime() + HOUR), end: new Date(now.getTime() + 3 * HOUR), purpose: "Retry me" }, now);
    // The decision commits at once, whatever the mail server does.
    expect(await approveSlice(admin, { sliceId: slice.id }, now)).toMatchObject({ status: "approved" });

    const failed = await waitFor("a failed first attempt", () => db().delivery.findFirst({ where: { target: alice.email, attempts: { gte: 1 }, lastError: { not: null } } }));
    expect(failed.status).toBe("queued");
    expect(failed.lastError).toMatch(/ECONNREFUSED|connect/i);
    await waitFor("a refused webhook", () => hooks.received.length >= 1);

    const smtp = await startSmtpReceiver(port);
    closers.push(smtp.close);
    webhookStatus = 200;
    await waitFor("the e-mail after the server came back", () => smtp.messages.some((m) => m.to === alice.email), 25_000);
    await waitFor("the webhook after it recovered", () => db().delivery.findFirst({ where: { channel: "webhook", status: "sent" } }), 25_000);
    await settle();
    expect(smtp.messages.filter((m) => m.to === alice.email)).toHaveLength(1);
    expect(hooks.received.filter((r) => r.headers["x-rigshare-delivery"] === hooks.received[0]!.headers["x-rigshare-delivery"]).length).toBeGreaterThanOrEqual(2);
    const sent = await db().delivery.findFirstOrThrow({ where: { target: alice.email } });
    expect(sent).toMatchObject({ status: "sent" });
    expect(sent.attempts).toBeGreaterThanOrEqual(2);
  }, 60_000);

  it("jobs queued while the portal is down are delivered once after a restart, also one whose send completed before a crash", async () => {
    const { alice, admin, machine } = await world();
    const smtp = await startSmtpReceiver();
    closers.push(smtp.close);
    const now = new Date();
    for (const [i, purpose] of ["First", "Second", "Third"].entries()) {
      const slice = await requestSlice(alice, { machineId: machine.id, gpuCount: 1, start: new Date(now.getTime() + (i + 1) * HOUR), end: new Date(now.getTime() + (i + 2) * HOUR), purpose }, now);
      await approveSlice(admin, { sliceId: slice.id }, now);
    }
    const queued = await db().delivery.findMany({ where: { target: alice.email } });
    expect(queued.length).toBeGreaterThan(0);
    // A crash between the send and the job's completion: the delivery says sent, its job is still queued.
    await db().delivery.update({ where: { id: queued[0]!.id }, data: { status: "sent", sentAt: now } });

    const first = await worker(smtp.port);
    const expected = (await db().delivery.count()) - 1;
    await waitFor("every queued delivery", async () => smtp.messages.length >= expected);
    await first.stop();
    await worker(smtp.port);
    await settle();
    expect(smtp.messages).toHaveLength(expected);
    expect(new Set(smtp.messages.map((m) => m.messageId)).size).toBe(expected);
    expect(smtp.messages.some((m) => m.messageId.startsWith(`<${Buffer.from(queued[0]!.key).toString("base64url")}`))).toBe(false);
  });
});
