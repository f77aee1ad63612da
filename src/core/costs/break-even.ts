import { ExactSums } from "./exact-sums";
import { ceilDiv } from "./money";
import { prepareCostData, type CostDataInput, type PreparedCostData, type PreparedSlice } from "./prepare";
import { MS_PER_DAY, overlapMs } from "./time";

/**
 * Break-even (PRODUCT.md): the first moment when cumulative cloud-equivalent >= capex (in full)
 * + cumulative energy + maintenance, counted from the in-service date.
 *
 * margin(t) = cloud(t) - energy(t) - maintenance(t) - capex is piecewise linear in t: its slope
 * changes only where a priced slice piece starts or ends (slice starts, ends, price changes) and
 * where a machine enters or leaves service, and it jumps down by the capex when a machine enters
 * service. Capex counts in full, so the end of amortization is not an event here. Within a linear
 * stretch where the margin is negative and rising we solve the linear equation exactly; the
 * answer is ceiled to the millisecond: the first whole millisecond at which the figures balance.
 *
 * Sorting every event of 50,000 slices costs more than the whole report, so the search runs on a
 * coarse grid first. One exact pass adds each bin's accruals up; only the costs lower the margin,
 * so a bin whose start margin plus its cloud-equivalent stays below zero cannot hold the crossing.
 * Only the bins that might are swept event by event. All arithmetic is exact (ledger units).
 */

export interface MachineBreakEven {
  machineId: string;
  /** Epoch ms, or null when not reached by `now` (or, without `now`, never on the given slices). */
  at: number | null;
}

export interface BreakEven {
  byMachine: MachineBreakEven[];
  /** The same over the whole fleet: every machine's capex counts from its own in-service date. */
  fleet: number | null;
}

/**
 * The grid has at most this many bins, and bins are at least a week long: few enough for the
 * exact pass to stay cheap, small enough that the close look at a bin sweeps only a few slices.
 */
const MAX_BINS = 1024;
const MIN_BIN_MS = 7 * MS_PER_DAY;

/** A change of the margin at instant t: its value jumps by dValue, its slope (units per ms) by dSlope. */
interface MarginEvent {
  t: number;
  dValue: bigint;
  dSlope: bigint;
}

/**
 * The first instant in [events' first t, end) and <= horizon at which the margin is >= 0, given
 * its value at the first event; null when the margin stays negative until end.
 */
function firstCrossing(events: MarginEvent[], initial: bigint, end: number, horizon: number): number | null {
  events.sort((a, b) => a.t - b.t);
  let value = initial;
  let slope = 0n;
  let i = 0;
  while (i < events.length) {
    const t = events[i]!.t;
    if (t > horizon) return null;
    for (; i < events.length && events[i]!.t === t; i++) {
      value += events[i]!.dValue;
      slope += events[i]!.dSlope;
    }
    if (value >= 0n) return t;
    const next = i < events.length ? events[i]!.t : end;
    if (slope > 0n) {
      const crossing = t + Number(ceilDiv(-value, slope));
      if (crossing < next) return crossing <= horizon ? crossing : null;
    }
    value += slope * BigInt(next - t);
  }
  return null;
}

/** Break-even per machine and for the fleet, from already prepared data (the ledger reuses its own). */
export function breakEvenOf(data: PreparedCostData): BreakEven {
  const { machines, unit, horizon } = data;
  const none: BreakEven = { byMachine: machines.map((m) => ({ machineId: m.machineId, at: null })), fleet: null };
  if (machines.length === 0) return none;

  // Beyond the last slice and the last in-service date the margin can only fall.
  let gridStart = Number.POSITIVE_INFINITY;
  let lastActivity = Number.NEGATIVE_INFINITY;
  for (const m of machines) {
    gridStart = Math.min(gridStart, m.inService);
    lastActivity = Math.max(lastActivity, m.inService);
  }
  for (const s of data.slices) lastActivity = Math.max(lastActivity, s.pieces[s.pieces.length - 1]!.to);
  const gridEnd = Math.min(horizon, lastActivity) + 1;
  if (gridEnd <= gridStart) return none;
  const width = Math.max(MIN_BIN_MS, Math.ceil((gridEnd - gridStart) / MAX_BINS));
  const binCount = Math.ceil((gridEnd - gridStart) / width);
  const binStart = (b: number) => gridStart + b * width;
  const binEnd = (b: number) => Math.min(gridStart + (b + 1) * width, gridEnd);

  // Slopes in ledger units per millisecond, per machine.
  const energyPerWatt = machines.map((m) => m.pricePerKwhMicros * unit.perWattKwhMs);
  const overhead = machines.map(
    (m, i) => BigInt(m.baselineWatts) * energyPerWatt[i]! + m.maintenancePerMonthMicros * unit.perMicroMonthMs,
  );
  const serviceEnd = machines.map((m) => Math.min(m.retiredAt, horizon));

  // Exact pass: per machine and bin, the cloud-equivalent (an upper bound of the margin's rise)
  // and the change of the margin over the whole bin.
  const cloud = machines.map(() => new ExactSums(binCount));
  const wattMs = machines.map(() => new ExactSums(binCount));
  for (const s of data.slices) {
    const mi = s.machineIndex;
    const bigWatts = BigInt(s.gpuWatts);
    const machineCloud = cloud[mi]!;
    const machineWattMs = wattMs[mi]!;
    for (const piece of s.pieces) {
      const rate = Number(piece.microsPerHour);
      const to = Math.min(piece.to, gridEnd);
      for (let b = Math.floor((piece.from - gridStart) / width), t = piece.from; t < to; b++) {
        const end = Math.min(to, binEnd(b));
        machineCloud.addProduct(b, rate, end - t, piece.microsPerHour);
        machineWattMs.addProduct(b, s.gpuWatts, end - t, bigWatts);
        t = end;
      }
    }
  }
  const rise: bigint[][] = [];
  const change: bigint[][] = [];
  machines.forEach((m, mi) => {
    const machineRise = new Array<bigint>(binCount).fill(0n);
    const machineChange = new Array<bigint>(binCount).fill(0n);
    const inServiceBin = Math.floor((m.inService - gridStart) / width);
    for (let b = inServiceBin; b < binCount; b++) {
      const inService = overlapMs(binStart(b), binEnd(b), m.inService, serviceEnd[mi]!);
      // Pieces lie within service, so a bin out of service holds nothing but maybe the capex.
      if (inService === 0 && b !== inServiceBin) continue;
      const up = cloud[mi]!.get(b) * unit.perMicroHourMs;
      machineRise[b] = up;
      machineChange[b] =
        up -
        wattMs[mi]!.get(b) * energyPerWatt[mi]! -
        BigInt(inService) * overhead[mi]! -
        (b === inServiceBin ? m.capexMicros * unit.perMicro : 0n);
    }
    rise.push(machineRise);
    change.push(machineChange);
  });

  // Slices by machine and bin, built once, and only when some bin needs the close look.
  let slicesByBin: PreparedSlice[][][] | undefined;
  const slicesIn = (mi: number, b: number): PreparedSlice[] => {
    if (!slicesByBin) {
      const index = machines.map(() => Array.from({ length: binCount }, (): PreparedSlice[] => []));
      for (const s of data.slices) {
        const byBin = index[s.machineIndex]!;
        const first = Math.floor((s.pieces[0]!.from - gridStart) / width);
        const last = Math.floor((Math.min(s.pieces[s.pieces.length - 1]!.to, gridEnd) - 1 - gridStart) / width);
        for (let bin = first; bin <= last; bin++) byBin[bin]!.push(s);
      }
      slicesByBin = index;
    }
    return slicesByBin[mi]![b]!;
  };

  /** The exact event sweep of bin b for the given machines, starting from the margin at its start. */
  const crossingInBin = (track: readonly number[], trackStart: number, b: number, value: bigint): number | null => {
    const from = binStart(b);
    const to = binEnd(b);
    const events: MarginEvent[] = [{ t: Math.max(from, trackStart), dValue: 0n, dSlope: 0n }];
    for (const mi of track) {
      const m = machines[mi]!;
      const serviceFrom = Math.max(from, m.inService);
      const serviceTo = Math.min(to, serviceEnd[mi]!);
      if (serviceFrom < serviceTo) {
        events.push({ t: serviceFrom, dValue: 0n, dSlope: -overhead[mi]! }, { t: serviceTo, dValue: 0n, dSlope: overhead[mi]! });
      }
      if (m.inService >= from && m.inService < to) events.push({ t: m.inService, dValue: -m.capexMicros * unit.perMicro, dSlope: 0n });
      for (const s of slicesIn(mi, b)) {
        const gpuSlope = BigInt(s.gpuWatts) * energyPerWatt[mi]!;
        for (const piece of s.pieces) {
          const pieceFrom = Math.max(piece.from, from);
          const pieceTo = Math.min(piece.to, to);
          if (pieceFrom >= pieceTo) continue;
          const slope = piece.microsPerHour * unit.perMicroHourMs - gpuSlope;
          events.push({ t: pieceFrom, dValue: 0n, dSlope: slope }, { t: pieceTo, dValue: 0n, dSlope: -slope });
        }
      }
    }
    return firstCrossing(events, value, to, horizon);
  };

  const search = (track: readonly number[]): number | null => {
    const trackStart = Math.min(...track.map((mi) => machines[mi]!.inService));
    if (trackStart >= gridEnd) return null;
    const firstBin = Math.floor((trackStart - gridStart) / width);
    // Nothing before trackStart counts, so the capex paid at trackStart bounds the first bin too.
    const paidAtStart = track.reduce((sum, mi) => (machines[mi]!.inService === trackStart ? sum + machines[mi]!.capexMicros * unit.perMicro : sum), 0n);
    let value = 0n;
    for (let b = firstBin; b < binCount; b++) {
      let up = 0n;
      let delta = 0n;
      for (const mi of track) {
        up += rise[mi]![b]!;
        delta += change[mi]![b]!;
      }
      if (value + up - (b === firstBin ? paidAtStart : 0n) >= 0n) {
        const at = crossingInBin(track, trackStart, b, value);
        if (at !== null) return at;
      }
      value += delta;
    }
    return null;
  };

  return {
    byMachine: machines.map((m, mi) => ({ machineId: m.machineId, at: search([mi]) })),
    fleet: search(machines.map((_, mi) => mi)),
  };
}

/**
 * Break-even per machine and for the fleet. Pass every slice since the earliest in-service date:
 * the cumulative figures start there, whatever report window the caller shows.
 */
export function findBreakEven(input: CostDataInput): BreakEven {
  return breakEvenOf(prepareCostData(input));
}
