// Placement and what-if replay timings on a fleet of 50 machines × 8 GPUs:
//   npm run bench:placement
// 1. placing one request by need against a year of bookings (goal: < 50 ms);
// 2. replaying 90 days of demand (about 3,000 requests by need, plus the requests by machine of
//    those days) with fair share and backfilling, beside the plain replay (first come, first
//    served, no backfilling) in the same run (goal: < 2 s).
// Pure core: no database. Numbers vary with the machine's load; run it on a quiet machine.
import { replay, type ReplayRequest } from "@/core/capacity/replay";
import { placeByNeed } from "@/core/placement/place";
import type { PlacementMachine } from "@/core/placement/types";
import type { Booking } from "@/core/slices/types";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2026, 11, 7, 9);

function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = random(17);
const MODELS = [
  { model: "RTX 3090", vramGb: 24, cloudMicrosPerHour: 2_480_000 },
  { model: "RTX 4090", vramGb: 24, cloudMicrosPerHour: 2_480_000 },
  { model: "RTX 5090", vramGb: 32, cloudMicrosPerHour: 2_933_908 },
  { model: "GTX 1080 Ti", vramGb: 11, cloudMicrosPerHour: 1_460_000 },
];
const machines: PlacementMachine[] = Array.from({ length: 50 }, (_, i) => {
  const m = MODELS[i % MODELS.length]!;
  const gpus = Array.from({ length: 8 }, (_, g) => ({ id: `m${i}-g${g}`, ...m }));
  return { machineId: `m${i}`, name: `node${String(i).padStart(2, "0")}`, status: "active", threads: 64, ramGb: 512, reservedThreads: 1, reservedRamGb: 8, gpuIds: gpus.map((g) => g.id), gpus, cloudMicrosPerThreadHour: 31_611, cloudMicrosPerGbHour: 4_237 };
});

/** A year of one-GPU bookings per GPU (11 months back, one ahead), holds and gaps alternating: about 60% held. */
function yearOfBookings(density: number): Booking[] {
  const out: Booking[] = [];
  for (const m of machines) {
    for (const gpuId of m.gpuIds) {
      let t = NOW - 335 * DAY + Math.floor(rand() * 48) * HOUR;
      while (t < NOW + 30 * DAY) {
        const len = (4 + Math.floor(rand() * 68)) * HOUR;
        if (rand() < density) out.push({ id: `b${out.length}`, machineId: m.machineId, gpuIds: [gpuId], threads: 7, ramGb: 63, start: t, end: t + len, userId: `u${out.length % 40}`, teamId: `t${out.length % 4}` });
        t += len + Math.floor(rand() * 24) * HOUR;
      }
    }
  }
  return out;
}

function time<T>(runs: number, f: () => T): { median: number; p95: number; result: T } {
  const samples: number[] = [];
  let result!: T;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = f();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(runs / 2)]!, p95: samples[Math.floor(runs * 0.95)]!, result };
}

const year = yearOfBookings(0.85);
const future = year.filter((b) => b.end > NOW).length;
const placement = time(30, () => placeByNeed({ machines, bookings: year, need: { gpuCount: 1, minGpuMemoryGb: 20, durationMs: 8 * HOUR, notBefore: NOW }, horizon: NOW + 90 * DAY }));
const four = time(30, () => placeByNeed({ machines, bookings: year, need: { gpuCount: 4, minGpuMemoryGb: 24, durationMs: 48 * HOUR, notBefore: NOW }, horizon: NOW + 90 * DAY }));
console.log(`fleet: ${machines.length} machines × 8 GPUs; a year of bookings: ${year.length.toLocaleString("en-US")} (${future} not yet ended)`);
console.log(`place 1 GPU ≥ 20 GB for 8 h:        median ${placement.median.toFixed(1)} ms, p95 ${placement.p95.toFixed(1)} ms (goal < 50 ms) → ${placement.result.placement?.machineName}`);
console.log(`place 4 GPUs ≥ 24 GB for 48 h:      median ${four.median.toFixed(1)} ms, p95 ${four.p95.toFixed(1)} ms → ${four.result.placement?.machineName} at +${(((four.result.placement?.start ?? NOW) - NOW) / HOUR).toFixed(0)} h`);

// 90 days: the requests by machine of those days (the year's bookings in the period, thinned to
// leave room), and about 3,000 requests by need arriving on weekday working hours.
const from = NOW - 90 * DAY;
const fixed: ReplayRequest[] = year
  .filter((b) => b.start >= from && b.start < NOW && rand() < 0.5)
  .map((b) => ({ kind: "fixed", id: b.id, createdAt: b.start - HOUR, booking: b, releasedAt: b.end - (rand() < 0.3 ? Math.floor((b.end - b.start) / 2 / HOUR) * HOUR : 0) }));
const needs: ReplayRequest[] = [];
for (let i = 0; i < 3000; i++) {
  const day = Math.floor(rand() * 90);
  const at = from + day * DAY + Math.floor((8 + rand() * 10) * 60) * 60_000;
  const hours = [4, 8, 12, 24, 48, 72][Math.floor(rand() * 6)]!;
  const gpus = [1, 1, 1, 2, 2, 4, 8][Math.floor(rand() * 7)]!;
  needs.push({ kind: "need", id: `n${i}`, userId: `u${i % 40}`, teamId: `t${i % 4}`, createdAt: at, need: { gpuCount: gpus, minGpuMemoryGb: rand() < 0.3 ? 24 : undefined, durationMs: hours * HOUR, notBefore: at }, heldMs: (rand() < 0.3 ? Math.ceil(hours / 2) : hours) * HOUR, waitlist: rand() < 0.8 });
}
const requests = [...fixed, ...needs];
const before = year.filter((b) => b.end > from - 30 * DAY && b.start < from);
const run = (fairShare: boolean, backfill: boolean) => time(3, () => replay({ machines, requests, before, until: NOW, options: { fairShare, backfill, horizonMs: 90 * DAY } }));
const fair = run(true, true);
const plain = run(false, false);
const waits = (r: ReturnType<typeof run>["result"]) => {
  const w = needs.map((n) => { const s = r.served.get(n.id); return s ? (s.start - n.createdAt) / HOUR : null; }).filter((x): x is number => x !== null).sort((a, b) => a - b);
  return `served ${w.length}/${needs.length}, median wait ${w[Math.floor(w.length / 2)]?.toFixed(1)} h, p90 ${w[Math.floor(w.length * 0.9)]?.toFixed(1)} h`;
};
console.log(`replay 90 days: ${needs.length} requests by need + ${fixed.length} by machine`);
console.log(`  fair share + backfilling: median ${fair.median.toFixed(0)} ms (goal < 2000 ms); ${waits(fair.result)}`);
console.log(`  plain (FIFO, no backfill): median ${plain.median.toFixed(0)} ms; ${waits(plain.result)}`);
console.log(`  ratio fair/plain: ${(fair.median / plain.median).toFixed(2)}`);
