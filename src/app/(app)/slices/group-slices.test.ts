import { describe, expect, it } from "vitest";
import { groupSlices } from "./group-slices";

const at = (h: number) => new Date(Date.UTC(2026, 10, 28, h));
const slice = (id: string, state: string, start: number, end: number) => ({ id, state: state as never, start: at(start), effectiveEnd: at(end), createdAt: at(0) });

describe("groupSlices", () => {
  it("groups by state, soonest first, and the past most recent first", () => {
    const groups = groupSlices([
      slice("a", "active", 8, 12),
      slice("u2", "upcoming", 20, 22),
      slice("u1", "upcoming", 14, 16),
      slice("p", "pending", 15, 16),
      slice("e", "ended", 1, 3),
      slice("r", "rejected", 2, 5),
      slice("c", "cancelled", 0, 1),
    ]);
    expect(Object.fromEntries(Object.entries(groups).map(([k, v]) => [k, v.map((s) => s.id)]))).toEqual({
      active: ["a"],
      upcoming: ["u1", "u2"],
      pending: ["p"],
      past: ["r", "e", "c"],
    });
  });
});
