import { RETENTION, type RealUse } from "@/core/agent/rollup";
import type { Db } from "./tx";

/** The programs a slice's GPUs ran during its hold (top 20 by samples), from the hourly process table. */
export interface ProcessSeen {
  who: string;
  name: string;
  samples: number;
  memMaxMib: number;
}

export type SliceRealUse = RealUse & { sliceId: string; processesSeen: ProcessSeen[] };

/**
 * Real use of slices (as `realUse` in the core defines it) aggregated in PostgreSQL from each
 * GPU's buckets within that GPU's hold (up to its release and `now`; the minute it started counts,
 * so a slice shows its use within seconds, not after its first whole minute): the hours wholly
 * inside the hold from the hourly table, the minutes of the partial hours at both ends from the
 * per-minute table (their hour, whole, from the hourly table once those minutes are past their
 * retention). Every row becomes bits of its hour (measured minutes, busy minutes), so "a minute
 * is idle when every GPU measured in it was idle" is an OR per slice and hour, whatever the
 * number of GPUs and however their holds differ; then per slice, with the programs seen on its
 * GPUs. One statement, one round trip, for any number of slices; the rows never leave the
 * database. The statement is the function `slice_real_use` (migration
 * 20261207140100_slice_real_use_function), so each connection plans it once.
 */
export async function findSliceRealUse(client: Db, sliceIds: string[], now: Date): Promise<SliceRealUse[]> {
  if (!sliceIds.length) return [];
  const minutesKeptFrom = new Date(now.getTime() - RETENTION.minuteDays * 86_400_000);
  return client.$queryRaw<SliceRealUse[]>`SELECT * FROM slice_real_use(${sliceIds}::uuid[], ${now}::timestamptz, ${minutesKeptFrom}::timestamptz)`;
}
