import type { TimeWindow } from "./time";

export interface WeightedInterval extends TimeWindow {
  weight: number;
}

export interface PeakLoad {
  /** Highest summed weight at any instant of the window (0 when nothing overlaps it). */
  peak: number;
  /** Earliest instant of the window at which the peak is reached (the window's start when peak is 0). */
  at: number;
}

/**
 * Peak summed weight of the intervals over the half-open `window`, with the earliest instant of
 * that peak. Intervals are half-open too, so one ending at t and one starting at t never count
 * together. O(n log n): clip to the window, sort the 2n edges, walk them once.
 *
 * The load only changes at interval edges, so evaluating it after all edges of one instant have
 * been applied visits every distinct load level; the window start is evaluated too, which covers
 * intervals that began before the window. Weights are expected to be non-negative.
 */
export function peakLoad(intervals: readonly WeightedInterval[], window: TimeWindow): PeakLoad {
  const edges: Array<{ t: number; delta: number }> = [];
  for (const iv of intervals) {
    const start = Math.max(iv.start, window.start);
    const end = Math.min(iv.end, window.end);
    if (end <= start || iv.weight === 0) continue;
    edges.push({ t: start, delta: iv.weight }, { t: end, delta: -iv.weight });
  }
  edges.sort((a, b) => a.t - b.t);

  let load = 0;
  let best: PeakLoad = { peak: 0, at: window.start };
  for (let i = 0; i < edges.length; ) {
    const t = edges[i]!.t;
    // Apply every edge at this instant before reading the load: ends and starts at the same t
    // must not be seen half-applied.
    while (i < edges.length && edges[i]!.t === t) load += edges[i++]!.delta;
    if (t < window.end && load > best.peak) best = { peak: load, at: t };
  }
  return best;
}
