import { FAIR_SHARE_WINDOW_MS, orderWaitlist, teamUsage } from "../placement/fair-share";
import { bookingsByMachine, placeByNeed } from "../placement/place";
import type { Need, Placement, PlacementMachine } from "../placement/types";
import { impossibleOnce } from "../placement/verdicts";
import { couldPlaceAny, lateReason, planWaitlistPass, preparePass, type WaitingRequest } from "../placement/waitlist";
import { findCapacityConflicts } from "../slices/capacity";
import type { QuotaPolicy } from "../slices/quotas";
import type { Booking } from "../slices/types";

/**
 * A deterministic simulation of the fleet over a period, with the same placement and waitlist
 * code as the portal: the what-if of capacity planning, and its check against what happened.
 */

/** A request by machine, as it was booked: it arrives at createdAt and holds until releasedAt. */
export interface FixedRequest {
  kind: "fixed";
  id: string;
  createdAt: number;
  booking: Booking;
  /** The effective end: the release, or the booked end (booking.end) when not released early. */
  releasedAt: number;
}

/** A request by need: placed at once, booked at the earliest window, or queued. */
export interface NeedRequest {
  kind: "need";
  id: string;
  userId: string;
  teamId: string;
  createdAt: number;
  need: Need;
  /** How long it held its GPUs once started (a release cuts it short); at most need.durationMs. */
  heldMs: number;
  waitlist: boolean;
}

export type ReplayRequest = FixedRequest | NeedRequest;

export interface ReplayOptions {
  /** Order the queue by fair share (else first come, first served). */
  fairShare: boolean;
  /** Let short requests start before a blocked head that they do not delay. */
  backfill: boolean;
  /** How far ahead a placement may start. */
  horizonMs: number;
}

export interface Served {
  machineId: string;
  gpuIds: string[];
  start: number;
  /** The end as held (start + heldMs). */
  end: number;
  gpuCount: number;
  /** Cloud-equivalent of the slice per hour, micro-dollars. */
  cloudMicrosPerHour: number;
}

export interface ReplayResult {
  /** Per request by need: where and when it was served, or null (refused, or still waiting at the period's end). */
  served: Map<string, Served | null>;
  /** Fixed requests that no longer fit (only possible when the inputs disagree with the invariants). */
  refusedFixed: string[];
}

interface Live extends Booking {
  bookedEnd: number;
}

/**
 * Runs the period event by event: arrivals in order of creation, releases at their times (ends
 * before arrivals at the same instant, as capacity frees before it is asked for). After every
 * release and every arrival of a waiting request, one waitlist pass runs, as the portal runs one
 * in those transactions. Same inputs, same result: ties are broken by ids, never by chance.
 */
export function replay(input: {
  machines: readonly PlacementMachine[];
  requests: readonly ReplayRequest[];
  /** Slices before the period, for fair share's 30-day look-back. */
  before?: readonly Booking[];
  shares?: ReadonlyMap<string, number>;
  until: number;
  options: ReplayOptions;
  policyOf?: (teamId: string) => QuotaPolicy | undefined;
}): ReplayResult {
  const { machines, options, until } = input;
  const shares = input.shares ?? new Map<string, number>();
  const arrivals = [...input.requests].sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const served = new Map<string, Served | null>();
  const refusedFixed: string[] = [];
  // Unreleased bookings by id (insertion order kept), and the machines by id: looked up per event.
  const live = new Map<string, Live>();
  const machineById = new Map(machines.map((m) => [m.machineId, m]));
  const past: Booking[] = [...(input.before ?? [])];
  const releases = new ReleaseHeap();
  const queue: Array<WaitingRequest & { createdAt: number; heldMs: number }> = [];
  const heldOf = new Map<string, number>();

  // The same bookings by machine, so a request by machine checks its own machine only.
  const liveOn = new Map<string, Map<string, Live>>();
  const hold = (b: Live) => {
    live.set(b.id, b);
    const on = liveOn.get(b.machineId);
    if (on) on.set(b.id, b);
    else liveOn.set(b.machineId, new Map([[b.id, b]]));
  };
  const addRelease = (at: number, id: string) => releases.push({ at, id });
  const place = (id: string, p: Placement, userId: string, teamId: string) => {
    const heldMs = heldOf.get(id)!;
    hold({ id, machineId: p.machineId, gpuIds: p.gpuIds, threads: p.threads, ramGb: p.ramGb, start: p.start, end: p.end, bookedEnd: p.end, userId, teamId });
    served.set(id, { machineId: p.machineId, gpuIds: p.gpuIds, start: p.start, end: p.start + heldMs, gpuCount: p.gpuIds.length, cloudMicrosPerHour: p.cloudMicrosPerHour });
    addRelease(p.start + heldMs, id);
  };
  const pass = (now: number) => {
    if (queue.length === 0) return;
    const held = [...live.values()];
    const done = new Set<string>();
    // Most passes on a full fleet can place nothing: then only entries that can no longer be met
    // leave, which needs neither the order nor a placement search (the same outcome, sooner).
    const prepared = preparePass(machines, held, now);
    if (!couldPlaceAny(machines, prepared, queue, now)) {
      for (const e of queue) if (lateReason(e, now) || impossibleOnce(machines, e.need)) done.add(e.id);
      for (const id of done) served.set(id, null);
      if (done.size > 0) queue.splice(0, queue.length, ...queue.filter((e) => !done.has(e.id)));
      return;
    }
    // Fair share looks back 30 days: older history only slows the look-up down.
    if (past.length > 4096) past.splice(0, past.length, ...past.filter((b) => b.end > now - FAIR_SHARE_WINDOW_MS));
    // One team alone in the queue is in age order whatever its use: no need to sum it.
    const teams = new Set(queue.map((e) => e.teamId)).size;
    const ordered = options.fairShare && teams > 1 ? orderWaitlist(queue, teamUsage([...past, ...held], now), shares) : [...queue].sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
    const result = planWaitlistPass({ machines, bookings: held, queue: ordered, now, horizon: now + options.horizonMs, policyOf: input.policyOf, backfill: options.backfill, prepared });
    const byId = new Map(queue.map((e) => [e.id, e]));
    for (const { entryId, placement } of result.placed) {
      const entry = byId.get(entryId)!;
      place(entryId, placement, entry.userId, entry.teamId);
      done.add(entryId);
    }
    for (const { entryId } of result.unmeetable) {
      served.set(entryId, null);
      done.add(entryId);
    }
    for (let i = queue.length - 1; i >= 0; i--) if (done.has(queue[i]!.id)) queue.splice(i, 1);
  };
  const release = (at: number, id: string) => {
    const b = live.get(id);
    if (!b) return;
    live.delete(id);
    liveOn.get(b.machineId)?.delete(id);
    if (at > b.start) past.push({ ...b, end: at });
  };

  let next = 0;
  while (next < arrivals.length || releases.size > 0) {
    const nextArrival = next < arrivals.length ? arrivals[next]!.createdAt : Infinity;
    const nextRelease = releases.peek()?.at ?? Infinity;
    const t = Math.min(nextArrival, nextRelease);
    if (t > until) break;
    if (nextRelease <= nextArrival) {
      // Every release at this instant, then one pass.
      while (releases.peek()?.at === t) release(t, releases.pop()!.id);
      pass(t);
      continue;
    }
    const r = arrivals[next++]!;
    if (r.kind === "fixed") {
      const b = r.booking;
      const machine = machineById.get(b.machineId);
      const onMachine = [...(liveOn.get(b.machineId)?.values() ?? [])];
      const conflicts = machine ? findCapacityConflicts({ machine, bookings: onMachine, request: { gpuIds: b.gpuIds, gpuCount: b.gpuIds.length, threads: b.threads, ramGb: b.ramGb, start: b.start, end: b.end }, now: b.start }) : [{}];
      if (conflicts.length > 0) {
        refusedFixed.push(r.id);
        continue;
      }
      hold({ ...b, id: r.id, bookedEnd: b.end });
      addRelease(r.releasedAt, r.id);
      continue;
    }
    heldOf.set(r.id, r.heldMs);
    const need = { ...r.need, notBefore: Math.max(r.need.notBefore, t) };
    if (r.waitlist) {
      queue.push({ id: r.id, userId: r.userId, teamId: r.teamId, need, createdAt: r.createdAt, heldMs: r.heldMs });
      pass(t);
      if (!served.has(r.id) && !queue.some((e) => e.id === r.id)) served.set(r.id, null);
      continue;
    }
    const policy = input.policyOf?.(r.teamId);
    const held = [...live.values()];
    const result = placeByNeed({ machines, bookings: bookingsByMachine(held, t), need, horizon: t + options.horizonMs, quota: policy && { policy, userId: r.userId, teamId: r.teamId, bookings: held, now: t }, explain: false });
    if (result.placement) place(r.id, result.placement, r.userId, r.teamId);
    else served.set(r.id, null);
  }
  for (const e of queue) served.set(e.id, null);
  return { served, refusedFixed };
}

/** Releases by (time, id), earliest first: a binary heap, since a period has thousands of them. */
class ReleaseHeap {
  private items: Array<{ at: number; id: string }> = [];
  get size() {
    return this.items.length;
  }
  peek() {
    return this.items[0];
  }
  push(item: { at: number; id: string }) {
    const a = this.items;
    a.push(item);
    for (let i = a.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (!before(a[i]!, a[parent]!)) break;
      [a[i], a[parent]] = [a[parent]!, a[i]!];
      i = parent;
    }
  }
  pop() {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last) {
      a[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && before(a[l]!, a[m]!)) m = l;
        if (r < a.length && before(a[r]!, a[m]!)) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m]!, a[i]!];
        i = m;
      }
    }
    return top;
  }
}

const before = (x: { at: number; id: string }, y: { at: number; id: string }) => x.at < y.at || (x.at === y.at && x.id < y.id);
