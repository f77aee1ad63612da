import type { SliceKind } from "../slices/kinds";
import type { QuotaPolicy } from "../slices/quotas";
import type { Booking } from "../slices/types";
import { couldStartNow, freeAt, freeNowFor, take, type FreeAtInstant } from "./free-now";
import { bookingsByMachine, placeByNeed } from "./place";
import type { Need, Placement, PlacementMachine, QuotaContext } from "./types";
import { impossibleOnce } from "./verdicts";

export interface WaitingRequest {
  id: string;
  userId: string;
  teamId: string;
  userName?: string;
  teamName?: string;
  need: Need;
  kind?: SliceKind;
}

export interface WaitlistPass {
  /** Entries placed now, in queue order, each starting at its earliest start. */
  placed: Array<{ entryId: string; placement: Placement; backfilled: boolean }>;
  /** Entries no machine can ever serve any more (say, the only fitting machine retired), with why. */
  unmeetable: Array<{ entryId: string; reason: string }>;
  /** When the first blocked entry could start (the reservation backfilling must not delay), when an entry behind it needed it. */
  reservation: number | null;
}

const asBooking = (e: WaitingRequest, p: Placement, id: string): Booking => ({
  id,
  machineId: p.machineId,
  gpuIds: p.gpuIds,
  threads: p.threads,
  ramGb: p.ramGb,
  start: p.start,
  end: p.end,
  userId: e.userId,
  teamId: e.teamId,
});

/** Why a waiting entry can no longer be met at `now` because its latest end is too close, or null. */
export function lateReason(entry: WaitingRequest, now: number): string | null {
  const notBefore = Math.max(now, entry.need.notBefore);
  return entry.need.latestEnd !== undefined && entry.need.latestEnd - entry.need.durationMs < notBefore ? "Its latest end has passed: it can no longer be met." : null;
}

/**
 * Whether a pass at `now` could place anything: false when every entry may start now and no
 * machine has its GPUs, threads and RAM free at this instant. Then the pass would only drop
 * the entries that can no longer be met (lateReason, impossibleOnce), whatever the order.
 */
export function couldPlaceAny(machines: readonly PlacementMachine[], prepared: PreparedPass, queue: readonly WaitingRequest[], now: number): boolean {
  return queue.some((e) => e.need.notBefore > now || couldStartNow(machines, prepared.free, e.need));
}

/** The bookings by machine and what is free at `now`, which a pass starts from (a pass consumes them). */
export interface PreparedPass {
  byMachine: Map<string, Booking[]>;
  free: Map<string, FreeAtInstant>;
}

export function preparePass(machines: readonly PlacementMachine[], bookings: readonly Booking[], now: number): PreparedPass {
  const byMachine = bookingsByMachine(bookings, now);
  return { byMachine, free: freeAt(machines, byMachine, now) };
}

/**
 * One pass over the queue (already in fair-share order) after capacity freed. The first entry
 * that can start now is placed, then the next, and so on. Once an entry cannot start now, its
 * earliest possible start becomes a reservation: later entries are placed only if they end by
 * then (backfilling), so a short request may go first but never delays the one ahead of it.
 * Pure and deterministic: the service runs it inside the transaction that freed the capacity,
 * and the what-if replay runs it on simulated history (thousands of passes, so the cheap
 * checks come first: what is free at this instant rules out most entries of a long queue, and
 * the reservation's search ahead runs only when an entry behind it could start now).
 */
export function planWaitlistPass(input: {
  machines: readonly PlacementMachine[];
  bookings: readonly Booking[];
  queue: readonly WaitingRequest[];
  now: number;
  /** The latest start worth considering when computing the reservation. */
  horizon: number;
  /** The policy of a team's quotas; without it only capacity counts. */
  policyOf?: (teamId: string) => QuotaPolicy | undefined;
  /** False gives the plain baseline: no backfilling (the queue waits behind its head). */
  backfill?: boolean;
  /** preparePass of the same machines, bookings and now, when the caller has it already (it is consumed). */
  prepared?: PreparedPass;
}): WaitlistPass {
  const { machines, queue, now, horizon, policyOf } = input;
  const backfill = input.backfill ?? true;
  const bookings = [...input.bookings];
  const { byMachine, free } = input.prepared ?? preparePass(machines, bookings, now);
  const out: WaitlistPass = { placed: [], unmeetable: [], reservation: null };
  // The first entry that could not start now, and (once asked for) its earliest start.
  let blocked: { need: Need; quota: QuotaContext | undefined; reservation?: number | null } | null = null;
  const reservation = (b: NonNullable<typeof blocked>) => {
    b.reservation ??= placeByNeed({ machines, bookings: byMachine, need: b.need, horizon, quota: b.quota, explain: false }).placement?.start ?? null;
    return b.reservation;
  };
  for (const entry of queue) {
    const notBefore = Math.max(now, entry.need.notBefore);
    const policy = policyOf?.(entry.teamId);
    const quota = policy && { policy, userId: entry.userId, teamId: entry.teamId, userName: entry.userName, teamName: entry.teamName, bookings, now, kind: entry.kind };
    const lost = lateReason(entry, now);
    if (lost) {
      out.unmeetable.push({ entryId: entry.id, reason: lost });
      continue;
    }
    if (blocked && !backfill) continue;
    const impossible = impossibleOnce(machines, entry.need);
    if (impossible) {
      out.unmeetable.push({ entryId: entry.id, reason: impossible });
      continue;
    }
    const own: Need = { ...entry.need, notBefore };
    // Starting now, only the machines with its resources free at this instant can take it.
    const candidates = notBefore === now ? new Set(freeNowFor(machines, free, entry.need).map((m) => m.machineId)) : undefined;
    if (candidates?.size === 0) {
      blocked ??= { need: own, quota };
      continue;
    }
    // Behind a blocked entry, only windows that start now and end by its reservation are allowed.
    const until = blocked ? reservation(blocked) : null;
    const latestEnd = until !== null ? Math.min(entry.need.latestEnd ?? Infinity, until) : entry.need.latestEnd;
    const need: Need = { ...own, latestEnd: latestEnd === Infinity ? undefined : latestEnd };
    const p = placeByNeed({ machines, bookings: byMachine, need, horizon: notBefore, quota, explain: false, among: candidates }).placement;
    if (p) {
      const booking = asBooking(entry, p, `waitlist:${entry.id}`);
      bookings.push(booking);
      const list = byMachine.get(p.machineId);
      if (list) list.push(booking);
      else byMachine.set(p.machineId, [booking]);
      if (p.start === now) take(free, booking);
      out.placed.push({ entryId: entry.id, placement: p, backfilled: blocked !== null });
      continue;
    }
    blocked ??= { need: own, quota };
  }
  out.reservation = blocked?.reservation ?? null;
  return out;
}

/**
 * Each entry's estimated start if nothing ended early: entries in queue order each take their
 * earliest window given the bookings and the entries ahead. Release early and the wait shortens.
 */
export function estimateStarts(input: {
  machines: readonly PlacementMachine[];
  bookings: readonly Booking[];
  queue: readonly WaitingRequest[];
  now: number;
  horizon: number;
}): Map<string, number | null> {
  const byMachine = bookingsByMachine(input.bookings, input.now);
  const out = new Map<string, number | null>();
  for (const entry of input.queue) {
    const need = { ...entry.need, notBefore: Math.max(input.now, entry.need.notBefore) };
    const p = placeByNeed({ machines: input.machines, bookings: byMachine, need, horizon: input.horizon, explain: false }).placement;
    out.set(entry.id, p ? p.start : null);
    if (!p) continue;
    const list = byMachine.get(p.machineId) ?? [];
    list.push(asBooking(entry, p, `estimate:${entry.id}`));
    byMachine.set(p.machineId, list);
  }
  return out;
}
