import { describe, expect, it } from "vitest";
import { resolveWindow, type WindowFields } from "./request-window";

const now = Date.UTC(2026, 10, 28, 14, 5, 30);
const base: WindowFields = { startMode: "now", startAt: "", endMode: "duration", durationHours: "4", endAt: "" };

describe("resolveWindow", () => {
  it("starts now and ends after the duration", () => {
    expect(resolveWindow(base, now, "UTC")).toEqual({ ok: true, start: null, end: new Date(now + 4 * 3_600_000) });
    expect(resolveWindow({ ...base, durationHours: "1.5" }, now, "UTC")).toEqual({ ok: true, start: null, end: new Date(now + 90 * 60_000) });
  });

  it("reads both times in the viewer's zone, across a DST change", () => {
    const berlin = resolveWindow({ ...base, startMode: "at", startAt: "2026-10-24T22:00", endMode: "at", endAt: "2026-10-25T06:00" }, now, "Europe/Berlin");
    expect(berlin).toEqual({ ok: true, start: new Date("2026-10-24T20:00:00Z"), end: new Date("2026-10-25T05:00:00Z") });
    const kolkata = resolveWindow({ ...base, startMode: "at", startAt: "2026-11-29T09:00", endMode: "at", endAt: "2026-11-29T17:30" }, now, "Asia/Kolkata");
    expect(kolkata).toEqual({ ok: true, start: new Date("2026-11-29T03:30:00Z"), end: new Date("2026-11-29T12:00:00Z") });
  });

  it("reads both times as UTC for a viewer in UTC", () => {
    const result = resolveWindow({ ...base, startMode: "at", startAt: "2026-11-29T09:00", endMode: "at", endAt: "2026-11-29T17:30" }, now, "UTC");
    expect(result).toEqual({ ok: true, start: new Date("2026-11-29T09:00:00Z"), end: new Date("2026-11-29T17:30:00Z") });
  });

  it("prefers the exact suggested instants to the minutes the fields show", () => {
    const exactStart = new Date("2026-11-29T09:00:30.250Z");
    const exactEnd = new Date("2026-11-29T13:00:30.250Z");
    const result = resolveWindow({ ...base, startMode: "at", startAt: "2026-11-29T09:00", endMode: "at", endAt: "2026-11-29T13:00", exactStart, exactEnd }, now, "UTC");
    expect(result).toEqual({ ok: true, start: exactStart, end: exactEnd });
  });

  it.each([
    [{ durationHours: "" }, "end"],
    [{ durationHours: "0" }, "end"],
    [{ durationHours: "-2" }, "end"],
    [{ durationHours: "abc" }, "end"],
    [{ startMode: "at" as const, startAt: "" }, "start"],
    [{ startMode: "at" as const, startAt: "2026-02-30T10:00" }, "start"],
    [{ endMode: "at" as const, endAt: "2026-11-28T14:00" }, "end"],
    [{ startMode: "at" as const, startAt: "2026-11-29T10:00", endMode: "at" as const, endAt: "2026-11-29T10:00" }, "end"],
  ])("refuses %j naming the %s field", (fields, field) => {
    const result = resolveWindow({ ...base, ...fields }, now, "UTC");
    expect(result.ok).toBe(false);
    expect(!result.ok && result.field).toBe(field);
  });
});
