import { randomUUID } from "node:crypto";
import { replay, type NeedRequest } from "@/core/capacity/replay";
import { FAIR_SHARE_WINDOW_MS } from "@/core/placement/fair-share";
import type { Booking } from "@/core/slices/types";
import { loadFleet, PLACEMENT_HORIZON_MS } from "@/server/services/waitlist/fleet";
import type { Db } from "@/server/db/tx";
import type { AuditedSlice } from "./audit";
import { random, type HistorySlice } from "./history";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * The demo's busy month: from 45 days ago to 15 days ago everyone asks by need, more than the
 * machines can take at once, so the queue fills and the Capacity page has waiting to show (and a
 * real answer for the planned build). The month is not invented row by row: its requests go
 * through the portal's own replay (placement, fair share, backfilling), so what the seed stores
 * is what the portal would have done, and the what-if reproduces it.
 */
export function busyMonthWindow(now: Date) {
  const start = Math.floor(now.getTime() / DAY) * DAY - 45 * DAY;
  return { start, lastArrival: start + 30 * DAY };
}

/** The generated history minus every slice that would overlap the busy month (it ends before it starts). */
export function withoutBusyMonth(history: HistorySlice[], now: Date): HistorySlice[] {
  const { start } = busyMonthWindow(now);
  return history.filter((s) => (s.releasedAt ?? s.endAt).getTime() <= start);
}

const PURPOSES = ["Fine-tune a vision transformer", "Ablation runs for the paper", "Retrain the ranking model", "LoRA on the support transcripts", "Distil the detector", "Evaluate the new tokenizer"];

export async function seedBusyMonth(tx: Db, now: Date, history: readonly HistorySlice[], users: ReadonlyArray<{ id: string; teamId: string }>) {
  const audited: AuditedSlice[] = [];
  if (users.length === 0) return { waitlistEntries: 0, audited };
  const { start, lastArrival } = busyMonthWindow(now);
  const fleet = await loadFleet(tx, now);
  const rand = random(2026);
  const requests: NeedRequest[] = [];
  // Mostly on weekday mornings, 8 to 48 hours, a fifth wanting 20 GB or more, some released early.
  for (let day = start; day < lastArrival; day += DAY) {
    const weekday = new Date(day).getUTCDay() % 6 !== 0;
    const count = weekday ? 5 + Math.floor(rand() * 5) : 1;
    for (let i = 0; i < count; i++) {
      const user = users[Math.floor(rand() * users.length)]!;
      const at = day + Math.floor((8 + rand() * 6) * HOUR / 60_000) * 60_000;
      const hours = [8, 12, 24, 24, 36, 48][Math.floor(rand() * 6)]!;
      const heldMs = rand() < 0.3 ? Math.round(hours * (0.4 + rand() * 0.5)) * HOUR : hours * HOUR;
      requests.push({
        kind: "need",
        id: randomUUID(),
        userId: user.id,
        teamId: user.teamId,
        createdAt: at,
        need: { gpuCount: rand() < 0.15 ? 2 : 1, minGpuMemoryGb: rand() < 0.2 ? 20 : undefined, durationMs: hours * HOUR, notBefore: at },
        heldMs,
        waitlist: true,
      });
    }
  }
  const before: Booking[] = history
    .filter((s) => (s.releasedAt ?? s.endAt).getTime() > start - FAIR_SHARE_WINDOW_MS)
    .map((s, i) => ({ id: `h${i}`, machineId: s.machineId, gpuIds: [s.gpuId], threads: s.threads, ramGb: s.ramGb, start: s.startAt.getTime(), end: (s.releasedAt ?? s.endAt).getTime(), userId: s.requesterId, teamId: s.teamId }));
  const machines = fleet.machines.map((m) => ({ ...m, status: "active" as const }));
  const { served } = replay({ machines, requests, before, shares: fleet.shares, until: now.getTime(), options: { fairShare: true, backfill: true, horizonMs: PLACEMENT_HORIZON_MS } });

  for (const [i, r] of requests.entries()) {
    const s = served.get(r.id);
    const machine = s ? machines.find((m) => m.machineId === s.machineId)! : null;
    const profile = machine ? { threads: Math.floor((machine.threads - machine.reservedThreads) / machine.gpuIds.length), ramGb: Math.floor((machine.ramGb - machine.reservedRamGb) / machine.gpuIds.length) } : null;
    let sliceId: string | null = null;
    if (s && machine && profile) {
      sliceId = randomUUID();
      const bookedEnd = new Date(s.start + r.need.durationMs);
      const released = s.end < bookedEnd.getTime() ? new Date(s.end) : null;
      await tx.slice.create({
        data: {
          id: sliceId, machineId: machine.machineId, requesterId: r.userId, teamId: r.teamId, gpuCount: s.gpuCount,
          threads: profile.threads * s.gpuCount, ramGb: profile.ramGb * s.gpuCount, startAt: new Date(s.start), endAt: bookedEnd, releasedAt: released,
          purpose: PURPOSES[i % PURPOSES.length]!, status: "approved", decidedAt: new Date(s.start), createdAt: new Date(r.createdAt),
        },
      });
      await tx.sliceGpu.createMany({ data: s.gpuIds.map((gpuId) => ({ sliceId: sliceId!, gpuId, startAt: new Date(s.start), endAt: new Date(s.end) })) });
      audited.push({
        id: sliceId, machine: machine.name, gpuIndex: s.gpuCount === 1 ? machine.gpuIds.indexOf(s.gpuIds[0]!) : null, requesterId: r.userId, gpuCount: s.gpuCount,
        threads: profile.threads * s.gpuCount, ramGb: profile.ramGb * s.gpuCount, startAt: new Date(s.start), endAt: bookedEnd, releasedAt: released,
        purpose: PURPOSES[i % PURPOSES.length]!, requestedAt: new Date(r.createdAt), decision: { status: "approved", at: new Date(s.start) },
      });
    }
    await tx.waitlistEntry.create({
      data: {
        id: r.id, requesterId: r.userId, teamId: r.teamId, gpuCount: r.need.gpuCount, minGpuMemoryGb: r.need.minGpuMemoryGb ?? null, gpuModels: [],
        durationMinutes: r.need.durationMs / 60_000, earliestStart: new Date(r.need.notBefore), purpose: PURPOSES[i % PURPOSES.length]!,
        status: s ? "placed" : "unmeetable", sliceId, placedGpuIds: s?.gpuIds ?? [], decidedAt: s ? new Date(s.start) : new Date(lastArrival),
        outcome: s ? `Placed from the waitlist on ${machine!.name}.` : "No machine could meet it.", createdAt: new Date(r.createdAt),
      },
    });
  }
  return { waitlistEntries: requests.length, audited };
}
