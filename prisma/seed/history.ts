/**
 * A deterministic, plausible history of GPU slices, generated without a database so the demo
 * seed and the benchmarks share it. Per GPU it walks from the machine's in-service date to
 * `until`, alternating holds and idle gaps, so no GPU is ever double-booked and, with one GPU
 * per slice at the machine's profile, threads and RAM always fit.
 */
export interface HistoryMachine {
  id: string;
  inServiceAt: Date;
  gpuIds: readonly string[];
  profile: { threads: number; ramGb: number };
}

export interface HistoryUser {
  id: string;
  teamId: string;
}

export interface HistorySlice {
  machineId: string;
  gpuId: string;
  requesterId: string;
  teamId: string;
  threads: number;
  ramGb: number;
  startAt: Date;
  endAt: Date;
  releasedAt: Date | null;
  purpose: string;
}

const HOUR = 3_600_000;

/** mulberry32: a tiny seeded PRNG, so the same seed always gives the same history (and the same busy month). */
export function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PURPOSES = [
  "Fine-tune ResNet-50 on product photos",
  "BERT pre-training continuation",
  "Hyper-parameter sweep",
  "Train object detector (YOLO)",
  "Evaluate translation model",
  "Speech recognition experiments",
  "Reproduce paper baseline",
  "Segmentation model for QA images",
  "Embedding model training",
  "Benchmark inference latency",
];

export function generateHistory(input: {
  machines: readonly HistoryMachine[];
  users: readonly HistoryUser[];
  /** Nothing is generated at or after this instant. */
  until: Date;
  seed?: number;
  /** Mean hold and mean idle gap in hours; the defaults give roughly 60% utilization. */
  meanHoldHours?: number;
  meanGapHours?: number;
}): HistorySlice[] {
  const next = random(input.seed ?? 2018);
  const meanHold = input.meanHoldHours ?? 30;
  const meanGap = input.meanGapHours ?? 20;
  const slices: HistorySlice[] = [];
  for (const machine of input.machines) {
    for (const gpuId of machine.gpuIds) {
      let t = machine.inServiceAt.getTime() + Math.floor(next() * 24) * HOUR;
      for (;;) {
        const hold = Math.max(1, Math.round(meanHold * (0.2 + 1.6 * next()))) * HOUR;
        const end = t + hold;
        if (end >= input.until.getTime()) break;
        const user = input.users[Math.floor(next() * input.users.length)]!;
        // One hold in six is released early, as people do when a run finishes ahead of time.
        const released = next() < 1 / 6 ? t + Math.max(HOUR, Math.floor((hold * next()) / HOUR) * HOUR) : null;
        slices.push({
          machineId: machine.id,
          gpuId,
          requesterId: user.id,
          teamId: user.teamId,
          threads: machine.profile.threads,
          ramGb: machine.profile.ramGb,
          startAt: new Date(t),
          endAt: new Date(end),
          releasedAt: released !== null && released < end ? new Date(released) : null,
          purpose: PURPOSES[Math.floor(next() * PURPOSES.length)]!,
        });
        t = end + Math.max(1, Math.round(meanGap * (0.1 + 1.8 * next()))) * HOUR;
      }
    }
  }
  return slices;
}
