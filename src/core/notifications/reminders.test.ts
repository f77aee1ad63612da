import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ENDS_SOON_MS, planReminders, reminderStillDue, STARTS_SOON_MS } from "./reminders";

const HOUR = 3_600_000;
const now = Date.UTC(2026, 11, 7, 10);
const approved = (start: number, end: number) => ({ status: "approved", start, end, releasedAt: null });

describe("planReminders", () => {
  it.each([
    ["an upcoming slice gets both", approved(now + HOUR, now + 3 * HOUR), ["slice-starts-soon", "slice-ends-soon"]],
    ["one starting in 10 minutes gets no late 'starts in 15'", approved(now + 10 * 60_000, now + 3 * HOUR), ["slice-ends-soon"]],
    ["a 30-minute slice gets no 'ends soon' at its start", approved(now + HOUR, now + HOUR + ENDS_SOON_MS), ["slice-starts-soon"]],
    ["an active slice ending in 20 minutes gets nothing", approved(now - HOUR, now + 20 * 60_000), []],
    ["a pending request gets nothing", { ...approved(now + HOUR, now + 2 * HOUR), status: "pending" }, []],
    ["a released slice gets nothing", { ...approved(now - HOUR, now + 2 * HOUR), releasedAt: now }, []],
  ])("%s", (_name, slice, kinds) => {
    expect(planReminders(slice, now).map((r) => r.kind)).toEqual(kinds);
  });

  it("never plans a reminder in the past, and each is due for the slice it was planned for", () => {
    fc.assert(
      fc.property(fc.integer({ min: -5 * HOUR, max: 5 * HOUR }), fc.integer({ min: 60_000, max: 10 * HOUR }), (offset, length) => {
        const slice = approved(now + offset, now + offset + length);
        for (const r of planReminders(slice, now)) {
          expect(r.at).toBeGreaterThanOrEqual(now);
          expect(r.target - r.at).toBe(r.kind === "slice-starts-soon" ? STARTS_SOON_MS : ENDS_SOON_MS);
          expect(reminderStillDue(r.kind, r.target, slice, r.at)).toBe(true);
        }
      }),
    );
  });
});

describe("reminderStillDue", () => {
  const slice = approved(now + HOUR, now + 3 * HOUR);
  it("drops reminders of a moved, released, cancelled or deleted slice", () => {
    expect(reminderStillDue("slice-ends-soon", now + 2 * HOUR, slice, now)).toBe(false);
    expect(reminderStillDue("slice-ends-soon", now + 3 * HOUR, { ...slice, releasedAt: now }, now)).toBe(false);
    expect(reminderStillDue("slice-starts-soon", now + HOUR, { ...slice, status: "cancelled" }, now)).toBe(false);
    expect(reminderStillDue("slice-starts-soon", now + HOUR, null, now)).toBe(false);
    expect(reminderStillDue("slice-starts-soon", now + HOUR, slice, now + HOUR)).toBe(false);
    expect(reminderStillDue("slice-starts-soon", now + HOUR, slice, now)).toBe(true);
  });
});
