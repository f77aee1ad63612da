/**
 * Telemetry at decreasing resolution: raw samples, per-minute and per-hour aggregates. An
 * aggregate is additive (sums, counts and maxima), so a late sample (replayed after an outage)
 * merges into its bucket without recomputing it, and each bucket stays exact as long as each
 * sample is added once (the portal dedupes by sequence number before adding).
 */

export interface GpuPoint {
  gpuId: string;
  at: Date;
  utilPct: number | null;
  memUsedMib: number | null;
  powerW: number | null;
  tempC: number | null;
}

export interface Bucket {
  gpuId: string;
  start: Date;
  samples: number;
  /** Samples with a utilization reading; the average divides by this. */
  utilSamples: number;
  utilSum: number;
  utilMax: number;
  /** Samples at 0 % utilization: a GPU sample is idle at 0 %. */
  idleSamples: number;
  memMaxMib: number;
  powerSum: number;
  tempMax: number;
}

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;

/** How long each resolution is kept; hourly aggregates are kept for ever. */
export const RETENTION = { rawDays: 7, minuteDays: 180 } as const;

const bucketStartMs = (at: number, stepMs: number) => Math.floor(at / stepMs) * stepMs;
export const bucketStart = (at: Date, stepMs: number) => new Date(bucketStartMs(at.getTime(), stepMs));

/** One sample as a bucket of its own (maxima start at 0 as in an empty bucket), so aggregating is merging. */
const sampleBucket = (p: GpuPoint): Bucket => ({
  gpuId: p.gpuId,
  start: p.at,
  samples: 1,
  utilSamples: p.utilPct === null ? 0 : 1,
  utilSum: p.utilPct ?? 0,
  utilMax: Math.max(0, p.utilPct ?? 0),
  idleSamples: p.utilPct === 0 ? 1 : 0,
  memMaxMib: Math.max(0, p.memUsedMib ?? 0),
  powerSum: p.powerW ?? 0,
  tempMax: Math.max(0, p.tempC ?? 0),
});

export function aggregate(points: readonly GpuPoint[], stepMs: number): Bucket[] {
  return rollUp(points.map(sampleBucket), stepMs);
}

/** Coarser buckets from finer ones (minutes into hours): each the merge of the buckets it covers. */
export function rollUp(buckets: readonly Bucket[], stepMs: number): Bucket[] {
  const out = new Map<string, Bucket>();
  for (const b of buckets) {
    // Numbers, not a Date per bucket: the ingest rolls up every sample it stores twice.
    const at = b.start.getTime();
    const startMs = bucketStartMs(at, stepMs);
    const key = `${b.gpuId}@${startMs}`;
    const prior = out.get(key);
    if (prior) addInto(prior, b);
    else out.set(key, { ...b, start: startMs === at ? b.start : new Date(startMs) });
  }
  return [...out.values()];
}

/** Two aggregates of the same bucket as one: what the database's upsert does. */
export function merge(a: Bucket, b: Bucket): Bucket {
  return addInto({ ...a }, b);
}

/** Adds `b` into `target` (a bucket of the caller's own) and returns it. */
function addInto(target: Bucket, b: Bucket): Bucket {
  target.samples += b.samples;
  target.utilSamples += b.utilSamples;
  target.utilSum += b.utilSum;
  target.utilMax = Math.max(target.utilMax, b.utilMax);
  target.idleSamples += b.idleSamples;
  target.memMaxMib = Math.max(target.memMaxMib, b.memMaxMib);
  target.powerSum += b.powerSum;
  target.tempMax = Math.max(target.tempMax, b.tempMax);
  return target;
}

export interface RealUse {
  samples: number;
  avgUtilPct: number | null;
  peakUtilPct: number | null;
  peakMemMib: number | null;
  /** Minutes in which every GPU of the slice that reported was idle (0 % in every sample). */
  idleMinutes: number;
  /** GPU-hours with telemetry, and those of them that were busy (the busy share of each bucket). */
  measuredGpuHours: number;
  usedGpuHours: number;
}

/** Real use of a slice (or any GPUs over a window) from per-minute buckets of its GPUs within its hold. */
export function realUse(minutes: readonly Bucket[]): RealUse {
  let samples = 0, utilSamples = 0, utilSum = 0, peakUtil = -1, peakMem = -1, measured = 0, used = 0;
  const busyMinute = new Map<number, boolean>();
  for (const b of minutes) {
    samples += b.samples;
    utilSamples += b.utilSamples;
    utilSum += b.utilSum;
    if (b.utilSamples > 0) peakUtil = Math.max(peakUtil, b.utilMax);
    peakMem = Math.max(peakMem, b.memMaxMib);
    if (b.utilSamples > 0) {
      measured += 1 / 60;
      used += (1 - b.idleSamples / b.utilSamples) / 60;
      const key = b.start.getTime();
      busyMinute.set(key, (busyMinute.get(key) ?? false) || b.idleSamples < b.utilSamples);
    }
  }
  return {
    samples,
    avgUtilPct: utilSamples ? utilSum / utilSamples : null,
    peakUtilPct: peakUtil < 0 ? null : peakUtil,
    peakMemMib: samples ? peakMem : null,
    idleMinutes: [...busyMinute.values()].filter((busy) => !busy).length,
    measuredGpuHours: measured,
    usedGpuHours: used,
  };
}
