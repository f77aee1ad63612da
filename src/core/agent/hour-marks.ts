/**
 * What an hourly aggregate keeps of its minutes, so a slice's real use can be read from whole
 * hours (and from the hourly table alone once the minutes are pruned) and still count idle
 * minutes the way `realUse` does: which minutes were measured and which busy (one bit per minute
 * of the hour; a slice's minute is idle when some GPU measured it and none was busy in it), and
 * the sum of each measured minute's busy share. Bits only ever get set as samples arrive, so the
 * database ORs them in; the busy share of a minute can go down as well as up when a late sample
 * joins it, so each merge adds the change of the share, not the share.
 */
import { bucketStart, HOUR_MS, MINUTE_MS } from "./rollup";

/** The counts of a per-minute bucket that idle minutes depend on. */
export interface MinuteCounts {
  utilSamples: number;
  idleSamples: number;
}

/** A per-minute bucket before and after a merge (`before` null when the merge created it). */
export interface MinuteChange {
  gpuId: string;
  start: Date;
  before: MinuteCounts | null;
  after: MinuteCounts;
}

export interface HourMarks {
  gpuId: string;
  start: Date;
  /** Bit i: minute i of the hour had a utilization reading. */
  measuredMinutes: bigint;
  /** Bit i: minute i of the hour had a sample above 0 %. */
  busyMinutes: bigint;
  /** Change of the sum, over the hour's measured minutes, of each minute's busy share. */
  usedMinutes: number;
}

/** The busy share of a minute: 1 - idle/measured samples; 0 when nothing was measured. */
export const busyShare = (m: MinuteCounts) => (m.utilSamples > 0 ? 1 - m.idleSamples / m.utilSamples : 0);

export const minuteBit = (start: Date) => 1n << BigInt(Math.floor((start.getTime() - bucketStart(start, HOUR_MS).getTime()) / MINUTE_MS));

/** The hour marks to merge into the hourly table for a set of per-minute merges. */
export function hourMarks(changes: readonly MinuteChange[]): HourMarks[] {
  const hours = new Map<string, HourMarks>();
  for (const c of changes) {
    const start = bucketStart(c.start, HOUR_MS);
    const key = `${c.gpuId}@${start.getTime()}`;
    const h = hours.get(key) ?? { gpuId: c.gpuId, start, measuredMinutes: 0n, busyMinutes: 0n, usedMinutes: 0 };
    const bit = minuteBit(c.start);
    if (c.after.utilSamples > 0) h.measuredMinutes |= bit;
    if (c.after.idleSamples < c.after.utilSamples) h.busyMinutes |= bit;
    h.usedMinutes += busyShare(c.after) - (c.before ? busyShare(c.before) : 0);
    hours.set(key, h);
  }
  return [...hours.values()];
}

/** Two merges of the same hour as one: what the database's upsert does. */
export function mergeMarks(a: HourMarks, b: HourMarks): HourMarks {
  return { ...a, measuredMinutes: a.measuredMinutes | b.measuredMinutes, busyMinutes: a.busyMinutes | b.busyMinutes, usedMinutes: a.usedMinutes + b.usedMinutes };
}

export const bitCount = (bits: bigint) => [...bits.toString(2)].filter((d) => d === "1").length;
