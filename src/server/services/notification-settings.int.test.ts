import { afterAll, beforeEach, describe, expect, it } from "vitest";
import ICAL from "ical.js";
import { resetDatabase } from "@test/db/database";
import { makeTeam, makeUser } from "@test/db/fixtures";
import { makeMachine } from "@test/db/fixtures-slices";
import { toActor } from "./actor";
import { calendarFeed } from "./calendar";
import { createTeamWebhook, getNotificationSettings, regenerateCalendarFeed, saveMyWebhook, savePreferences } from "./notification-settings";
import { decideExtension, requestExtension } from "./slices/extensions";
import { approveSlice, cancelSlice, releaseSlice, requestSlice } from "./slices/lifecycle";

const saved = process.env.WEBHOOKS_ALLOW_PRIVATE;
process.env.WEBHOOKS_ALLOW_PRIVATE = "0";
afterAll(() => void (process.env.WEBHOOKS_ALLOW_PRIVATE = saved));

const HOUR = 3_600_000;
beforeEach(() => resetDatabase());

async function people() {
  const team = await makeTeam("Vision");
  return { team, alice: toActor(await makeUser({ teamId: team.id, name: "Alice" })), admin: toActor(await makeUser({ roles: ["admin"], name: "Ada" })) };
}

describe("webhook addresses", () => {
  it("refuses malformed URLs and (without an admin's permission) loopback and private targets, naming the field", async () => {
    const { alice, admin, team } = await people();
    for (const url of ["not a url", "ftp://example.com/x", "https://user:pw@example.com/"]) {
      await expect(saveMyWebhook(alice, { url, format: "json" })).rejects.toMatchObject({ code: "VALIDATION", field: "url" });
    }
    for (const url of ["http://127.0.0.1:8080/hook", "http://localhost/hook", "http://10.1.2.3/", "http://[::1]/", "http://169.254.169.254/latest", "http://192.168.0.5/"]) {
      await expect(saveMyWebhook(alice, { url, format: "slack" })).rejects.toMatchObject({ code: "VALIDATION", field: "url", message: expect.stringContaining("WEBHOOKS_ALLOW_PRIVATE") });
      await expect(createTeamWebhook(admin, { teamId: team.id, url, format: "slack", kinds: ["slice-approved"] })).rejects.toMatchObject({ field: "url" });
    }
    const saved = await saveMyWebhook(alice, { url: "https://hooks.slack.com/services/T0/B0/x", format: "slack" });
    expect(saved).toMatchObject({ url: "https://hooks.slack.com/services/T0/B0/x", secret: expect.stringMatching(/^whsec_/) });
    expect((await getNotificationSettings(alice)).webhook?.url).toBe(saved!.url);
  });

  it("keeps a person's channel choices, and offers admin-only kinds to admins only", async () => {
    const { alice, admin } = await people();
    await savePreferences(alice, { preferences: [{ kind: "slice-approved", channels: ["webhook"] }] });
    const settings = await getNotificationSettings(alice);
    expect(settings.kinds.find((k) => k.kind === "slice-approved")!.channels).toEqual(["webhook"]);
    expect(settings.kinds.find((k) => k.kind === "slice-rejected")!.channels).toEqual(["in_app", "email"]);
    expect(settings.kinds.some((k) => k.kind === "request-waiting")).toBe(false);
    await expect(savePreferences(alice, { preferences: [{ kind: "agent-silent", channels: ["email"] }] })).rejects.toMatchObject({ code: "VALIDATION", field: "preferences.0.kind" });
    expect((await getNotificationSettings(admin)).kinds.some((k) => k.kind === "agent-silent")).toBe(true);
  });
});

describe("calendar feeds", () => {
  it("parse with a real iCalendar parser and follow extend, release and cancel under the same UIDs", async () => {
    const { alice, admin } = await people();
    const machine = await makeMachine();
    const now = new Date("2026-12-07T10:00:00Z");
    const feed = await regenerateCalendarFeed(alice, { scope: "mine" });
    const token = new URL(feed.url).pathname.split("/").pop()!.replace(/\.ics$/, "");
    const events = async (at: Date) => {
      const component = new ICAL.Component(ICAL.parse((await calendarFeed(token, at))!) as unknown[]);
      return component.getAllSubcomponents("vevent").map((v) => {
        const e = new ICAL.Event(v);
        return { uid: e.uid, end: e.endDate.toJSDate().toISOString(), status: v.getFirstPropertyValue("status"), sequence: e.sequence };
      });
    };
    const a = await requestSlice(alice, { machineId: machine.id, gpuCount: 1, start: new Date(now.getTime() + HOUR), end: new Date(now.getTime() + 3 * HOUR), purpose: "A" }, now);
    await approveSlice(admin, { sliceId: a.id }, now);
    const b = await requestSlice(alice, { machineId: machine.id, gpuCount: 1, start: new Date(now.getTime() + 5 * HOUR), end: new Date(now.getTime() + 6 * HOUR), purpose: "B" }, now);
    await approveSlice(admin, { sliceId: b.id }, now);
    const first = await events(now);
    expect(first).toEqual([
      { uid: `slice-${a.id}@rigshare`, end: "2026-12-07T13:00:00.000Z", status: "CONFIRMED", sequence: expect.any(Number) },
      { uid: `slice-${b.id}@rigshare`, end: "2026-12-07T16:00:00.000Z", status: "CONFIRMED", sequence: expect.any(Number) },
    ]);

    // SEQUENCE counts whole seconds of the slice's last update (real time, 32-bit safe): an
    // update within the same second as the approval would keep it, so let a second pass.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const later = new Date(now.getTime() + 1000);
    const ext = await requestExtension(alice, { sliceId: a.id, end: new Date(now.getTime() + 4 * HOUR), reason: "more" }, later);
    await decideExtension(admin, { extensionId: ext.pendingExtension!.id, approve: true }, later);
    const extended = await events(later);
    expect(extended[0]).toMatchObject({ uid: first[0]!.uid, end: "2026-12-07T14:00:00.000Z" });
    expect(extended[0]!.sequence).toBeGreaterThan(first[0]!.sequence);

    await releaseSlice(alice, { sliceId: a.id }, new Date(now.getTime() + 2 * HOUR));
    await cancelSlice(alice, { sliceId: b.id }, new Date(now.getTime() + 2 * HOUR));
    const after = await events(new Date(now.getTime() + 2 * HOUR));
    expect(after).toEqual([
      expect.objectContaining({ uid: first[0]!.uid, end: "2026-12-07T12:00:00.000Z", status: "CONFIRMED" }),
      expect.objectContaining({ uid: first[1]!.uid, status: "CANCELLED" }),
    ]);

    const renewed = await regenerateCalendarFeed(alice, { scope: "mine" });
    expect(renewed.url).not.toBe(feed.url);
    expect(await calendarFeed(token, now)).toBeNull();
  });

  it("serves a machine's schedule by its own secret link", async () => {
    const { alice, admin } = await people();
    const machine = await makeMachine();
    const now = new Date("2026-12-07T10:00:00Z");
    const s = await requestSlice(alice, { machineId: machine.id, gpuCount: 1, start: new Date(now.getTime() + HOUR), end: new Date(now.getTime() + 2 * HOUR), purpose: "M" }, now);
    await approveSlice(admin, { sliceId: s.id }, now);
    const feed = await regenerateCalendarFeed(admin, { scope: machine.id });
    const ics = (await calendarFeed(new URL(feed.url).pathname.split("/").pop()!.replace(/\.ics$/, ""), now))!;
    expect(ics).toContain(`SUMMARY:Alice: 1 GPU`);
    await expect(regenerateCalendarFeed(admin, { scope: "00000000-0000-4000-8000-000000000000" })).rejects.toMatchObject({ code: "NOT_FOUND", field: "scope" });
  });
});
