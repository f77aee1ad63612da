import { describe, expect, it } from "vitest";
import { describeEvent, eventKey, type NotificationEvent, type SliceRef } from "./events";
import { channelsFor, EVENT_KIND_NAMES, EVENT_KINDS } from "./kinds";
import { renderEmail, renderJson, renderSlack, WHY } from "./render";

const now = Date.UTC(2026, 11, 7, 10);
const slice: SliceRef = { id: "s1", machineName: "atlas", gpuCount: 2, start: now, end: now + 7_200_000, purpose: "Train <b>", holderId: "u1", holderName: "Alice", teamId: "t1", teamName: "Vision" };
const digest = { weekStart: now - 7 * 86_400_000, weekEnd: now, savingsWeekMicros: 1_234_000_000, savingsToDateMicros: 9_000_000_000, heldGpuHours: 50, capacityGpuHours: 100, usedGpuHours: null, topIdleHeld: null };

/** One event of every kind. */
const EVENTS: NotificationEvent[] = [
  { kind: "request-waiting", slice },
  { kind: "quota-exception-asked", slice, reason: "deadline" },
  { kind: "slice-approved", slice, by: "Ada" },
  { kind: "slice-rejected", slice, by: "Ada", reason: "busy" },
  { kind: "quota-exception-decided", slice, by: "Ada", approved: true, reason: "ok" },
  { kind: "slice-starts-soon", slice },
  { kind: "slice-ends-soon", slice },
  { kind: "extension-decided", slice, extensionId: "e1", approved: false, requestedEnd: now + 9e6, by: "Ada", reason: "no" },
  { kind: "slice-released-by-admin", slice, by: "Ada", at: now },
  { kind: "waitlist-placed", slice, entryId: "w1", cause: "a slice on atlas was released", backfilled: false, approved: true },
  { kind: "serving-renewed", slice, newEnd: slice.end + 30 * 86_400_000, nextRenewal: slice.end + 23 * 86_400_000 },
  { kind: "serving-renewal-refused", slice, reasons: ["GPU 0 is booked by Bob from 2026-12-08 10:00 UTC."] },
  { kind: "idle-warning", slice, idleMinutes: 30, reclaimAt: now + 900_000 },
  { kind: "idle-reclaimed", slice, idleMinutes: 60, at: now },
  { kind: "unbooked-use", machineId: "m1", machineName: "atlas", userId: "u1", linuxUsername: "alice", gpuIndexes: [0, 1], seenAt: now },
  { kind: "agent-silent", machineId: "m1", machineName: "atlas", lastSeenAt: now },
  { kind: "weekly-digest", digest },
];

describe("events", () => {
  it("cover every kind, each with a distinct key, a title and a link", () => {
    expect(EVENTS.map((e) => e.kind).sort()).toEqual([...EVENT_KIND_NAMES].sort());
    expect(new Set(EVENTS.map(eventKey)).size).toBe(EVENTS.length);
    for (const e of EVENTS) expect(describeEvent(e)).toMatchObject({ title: expect.any(String), path: expect.stringMatching(/^\//) });
  });

  it("keys a reminder by the instant it is about, so a moved slice is reminded again", () => {
    const moved = { ...slice, end: slice.end + 3_600_000 };
    expect(eventKey({ kind: "slice-ends-soon", slice })).not.toBe(eventKey({ kind: "slice-ends-soon", slice: moved }));
  });

  it("links 'ends soon' to extending that slice, and says the digest's telemetry figures come later", () => {
    expect(describeEvent({ kind: "slice-ends-soon", slice })).toMatchObject({ path: "/slices?extend=s1", linkLabel: "Extend this slice" });
    expect(describeEvent({ kind: "weekly-digest", digest }).lines.join(" ")).toContain("appear once machines report telemetry");
    expect(describeEvent({ kind: "weekly-digest", digest }).lines[1]).toBe("GPUs held 50% of the time (50 of 100 GPU-hours).");
  });
});

describe("serving renewals", () => {
  it("say the new end and the next renewal, or why not and that it is retried", () => {
    const renewed = describeEvent({ kind: "serving-renewed", slice, newEnd: Date.UTC(2027, 0, 6, 12), nextRenewal: Date.UTC(2026, 11, 30, 12) });
    expect(renewed.title).toBe("Renewed for a month: 2 GPUs on atlas");
    expect(renewed.lines.join(" ")).toContain("now ends at 2027-01-06 12:00 UTC");
    const refused = describeEvent({ kind: "serving-renewal-refused", slice, reasons: ["GPU 0 is booked."] });
    expect(refused.lines).toContain("GPU 0 is booked.");
    expect(refused.lines.join(" ")).toContain("tries again");
  });
  it("key a refusal by the end it could not move, so the holder hears once per end", () => {
    const refused = { kind: "serving-renewal-refused" as const, slice, reasons: ["a"] };
    expect(eventKey(refused)).toBe(eventKey({ ...refused, reasons: ["b"] }));
    expect(eventKey(refused)).not.toBe(eventKey({ ...refused, slice: { ...slice, end: slice.end + 1 } }));
  });
});

describe("rendering", () => {
  const a = { baseUrl: "https://rigshare.example", why: WHY.holder, settingsPath: "/profile/notifications" };
  it("writes e-mail as text and escaped HTML, each saying why and how to change it", () => {
    const mail = renderEmail(describeEvent({ kind: "slice-starts-soon", slice }), a);
    expect(mail.subject).toBe("[Rigshare] Starts in 15 minutes: 2 GPUs on atlas");
    expect(mail.text).toContain("Purpose: Train <b>");
    expect(mail.html).toContain("Purpose: Train &lt;b&gt;");
    for (const body of [mail.text, mail.html]) {
      expect(body).toContain(WHY.holder);
      expect(body).toContain("https://rigshare.example/profile/notifications");
    }
  });

  it("writes Slack's JSON and the generic JSON with absolute links", () => {
    const d = describeEvent({ kind: "slice-approved", slice, by: "Ada" });
    expect(renderSlack(d, a).text).toBe("Approved: 2 GPUs on atlas: <https://rigshare.example/slices|See my slices>");
    expect(renderJson(d, a, { deliveryKey: "k", occurredAt: now, data: { x: 1 } })).toMatchObject({ id: "k", kind: "slice-approved", link: "https://rigshare.example/slices", occurredAt: "2026-12-07T10:00:00.000Z" });
  });
});

describe("channel choices", () => {
  it("fall back to each kind's defaults and keep only known channels", () => {
    expect(channelsFor("slice-approved", undefined)).toEqual(EVENT_KINDS["slice-approved"].defaults);
    expect(channelsFor("slice-approved", ["webhook", "sms", "in_app"])).toEqual(["in_app", "webhook"]);
    expect(channelsFor("slice-approved", [])).toEqual([]);
  });
});
