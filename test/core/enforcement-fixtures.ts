import type { MachineFacts, ScheduleDocument, ScheduledSlice } from "@/core/enforcement/types";

/** zeus as PRODUCT.md tells it: 3 × GTX 1080 Ti, 8 cores / 16 threads, 128 GB, 1 thread and 8 GB reserved. */
export const ZEUS_UUIDS = ["GPU-3f6c2a1e-8b4d-4e2a-9c71-5d0e8a6b2f14", "GPU-a1d94b07-2c6e-4f38-b5a2-7e91c3d0f865", "GPU-6e2b8f53-d417-4a9c-8e06-b3c5f1a27d90"];
export const H = 3_600_000;
export const DAY0 = Date.UTC(2026, 11, 7, 0, 0);

export const zeusFacts: MachineFacts = {
  uids: { priya: 1001, marco: 1002, lena: 1003, omar: 1004 },
  devices: Object.fromEntries(ZEUS_UUIDS.map((uuid, i) => [uuid, `/dev/nvidia${i}`])),
};

export const zeusSlice = (id: string, user: string, gpu: number, fromH: number, toH: number): ScheduledSlice => ({
  id,
  linuxUsername: user,
  gpus: [{ index: gpu, uuid: ZEUS_UUIDS[gpu]! }],
  threads: 5,
  ramGb: 40,
  start: DAY0 + fromH * H,
  end: DAY0 + toH * H,
});

export const zeusDoc = (slices: ScheduledSlice[]): ScheduleDocument => ({
  machine: { cores: 8, threads: 16, reservedThreads: 1, ramGb: 128, reservedRamGb: 8 },
  loginProfile: { threads: 1, ramGb: 4 },
  from: DAY0,
  to: DAY0 + 48 * H,
  slices,
});
