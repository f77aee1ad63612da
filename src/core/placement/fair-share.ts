import { MS_PER_DAY } from "../slices/time";
import type { Booking } from "../slices/types";

/** How far back fair share looks at a team's GPU-hours. */
export const FAIR_SHARE_WINDOW_MS = 30 * MS_PER_DAY;

export interface QueueEntry {
  id: string;
  teamId: string;
  createdAt: number;
  /** Set by an admin who moved the entry: pinned entries come first, in rank order. */
  pinnedRank?: number | null;
}

/** GPU-milliseconds each team held in [now - 30 days, now). */
export function teamUsage(bookings: readonly Booking[], now: number, windowMs = FAIR_SHARE_WINDOW_MS): Map<string, number> {
  const from = now - windowMs;
  const usage = new Map<string, number>();
  for (const b of bookings) {
    const ms = Math.max(0, Math.min(b.end, now) - Math.max(b.start, from));
    if (ms > 0) usage.set(b.teamId, (usage.get(b.teamId) ?? 0) + ms * b.gpuIds.length);
  }
  return usage;
}

/**
 * A team's recent use against its share: GPU-ms per unit of share (shares are relative weights,
 * 1 by default, so equal shares compare raw use). Lower goes first.
 */
export function usagePerShare(teamId: string, usage: ReadonlyMap<string, number>, shares: ReadonlyMap<string, number>): number {
  const share = shares.get(teamId) ?? 1;
  const used = usage.get(teamId) ?? 0;
  return share > 0 ? used / share : used === 0 ? 0 : Number.POSITIVE_INFINITY;
}

/**
 * The waitlist's order: entries an admin pinned first (by rank), then by fair share (the team
 * furthest below its share first), then by age, then by id so the order is total.
 */
export function orderWaitlist<E extends QueueEntry>(entries: readonly E[], usage: ReadonlyMap<string, number>, shares: ReadonlyMap<string, number>): E[] {
  const key = new Map(entries.map((e) => [e.id, usagePerShare(e.teamId, usage, shares)]));
  return [...entries].sort((a, b) => {
    const pa = a.pinnedRank ?? Number.POSITIVE_INFINITY;
    const pb = b.pinnedRank ?? Number.POSITIVE_INFINITY;
    if (pa !== pb) return pa < pb ? -1 : 1;
    const ka = key.get(a.id)!;
    const kb = key.get(b.id)!;
    if (ka !== kb) return ka < kb ? -1 : 1;
    return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  });
}

/**
 * Pinned ranks after an admin moves one entry to `position` (1-based) of the current order:
 * the entries up to that position keep their new order as pins, the rest stay in fair-share order.
 */
export function pinsAfterMove(order: readonly QueueEntry[], entryId: string, position: number): Map<string, number> {
  const moved = order.find((e) => e.id === entryId);
  if (!moved) return new Map();
  const rest = order.filter((e) => e.id !== entryId);
  const at = Math.max(0, Math.min(rest.length, Math.floor(position) - 1));
  const next = [...rest.slice(0, at), moved, ...rest.slice(at)];
  const pins = new Map<string, number>();
  const pinnedCount = Math.max(at + 1, order.filter((e) => e.pinnedRank != null).length);
  next.slice(0, pinnedCount).forEach((e, i) => pins.set(e.id, i + 1));
  return pins;
}
