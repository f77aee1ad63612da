import type { GpuCostProfile, HeldSlice, MachineCostProfile, PriceEntry, PriceUnit } from "./types";
import type { TimeWindow } from "./time";
import { MS_PER_HOUR } from "./time";
import { resolveMachine, type ResolvedMachine } from "./machine";
import { roundHalfAwayFromZero } from "./money";
import { invalid, isoOf, requireInstant, requireNonNegativeMicros } from "./validate";
import { validateSlice } from "./slices";

/** The catalog indexed by SKU, each SKU's history sorted by effectiveFrom, for O(log n) look-ups. */
export interface PriceIndex {
  /** The latest entry of the SKU effective at or before t, or undefined when none is yet. */
  rateAt(sku: string, t: number): PriceEntry | undefined;
  /** Every instant at which the SKU's price changes, ascending. */
  effectiveTimes(sku: string): readonly number[];
}

interface SkuHistory {
  times: number[];
  entries: PriceEntry[];
}

/** Index of the last element of a sorted array that is <= t, or -1. */
function lastAtOrBefore(times: readonly number[], t: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (times[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

const NO_TIMES: readonly number[] = [];

export function indexPrices(entries: readonly PriceEntry[]): PriceIndex {
  const bySku = new Map<string, SkuHistory>();
  const sorted = entries
    .map((entry, i) => ({ entry, i }))
    .sort((a, b) => a.entry.effectiveFrom - b.entry.effectiveFrom);
  for (const { entry, i } of sorted) {
    requireInstant(entry.effectiveFrom, `prices[${i}].effectiveFrom`);
    requireNonNegativeMicros(entry.priceMicros, `prices[${i}].priceMicros`);
    let history = bySku.get(entry.sku);
    if (!history) {
      history = { times: [], entries: [] };
      bySku.set(entry.sku, history);
    }
    const previous = history.entries[history.entries.length - 1];
    if (previous && previous.unit !== entry.unit) {
      throw invalid(`SKU ${entry.sku} is priced both per ${previous.unit} and per ${entry.unit}.`, `prices[${i}].unit`);
    }
    // Two prices from the same instant leave "the latest entry" undefined.
    if (previous && previous.effectiveFrom === entry.effectiveFrom) {
      throw invalid(`SKU ${entry.sku} has two prices effective at ${isoOf(entry.effectiveFrom)}.`, `prices[${i}].effectiveFrom`);
    }
    history.times.push(entry.effectiveFrom);
    history.entries.push(entry);
  }

  return {
    rateAt(sku, t) {
      const history = bySku.get(sku);
      if (!history) return undefined;
      return history.entries[lastAtOrBefore(history.times, t)];
    },
    effectiveTimes(sku) {
      return bySku.get(sku)?.times ?? NO_TIMES;
    },
  };
}

/** The latest entry of `sku` effective at or before t (PRODUCT.md), or undefined when none is yet. */
export function rateAt(entries: readonly PriceEntry[], sku: string, t: number): PriceEntry | undefined {
  return indexPrices(entries.filter((e) => e.sku === sku)).rateAt(sku, t);
}

/** A stretch of a held slice over which its cloud rate is constant. */
export interface PricedPiece {
  from: number;
  to: number;
  /** GPU rates + threads x vCPU rate + RAM GB x GB rate, in micro-dollars per hour. */
  microsPerHour: bigint;
}

interface PriceTerm {
  sku: string;
  unit: PriceUnit;
  quantity: bigint;
}

/**
 * What a slice is billed for, independent of when: its GPUs' SKUs, threads and RAM on one machine.
 * Many slices share a shape (one GPU, the default profile), so its price history is worked out
 * once: `changes` are the instants any of its SKUs changes price, and `rates[k]` is the rate
 * between changes[k-1] and changes[k] (rates[0] before the first), filled on first use.
 */
interface SliceShape {
  terms: PriceTerm[];
  changes: number[];
  rates: (bigint | undefined)[];
}

function rateOf(terms: readonly PriceTerm[], prices: PriceIndex, t: number): bigint {
  let rate = 0n;
  for (const term of terms) {
    const entry = prices.rateAt(term.sku, t);
    if (!entry) {
      throw invalid(`The price catalog has no ${term.unit} price for SKU ${term.sku} at ${isoOf(t)}.`, "prices", {
        sku: term.sku,
        at: t,
      });
    }
    if (entry.unit !== term.unit) {
      throw invalid(`SKU ${term.sku} is priced per ${entry.unit} but used per ${term.unit}.`, "prices", { sku: term.sku });
    }
    rate += term.quantity * entry.priceMicros;
  }
  return rate;
}

function sortedGpuSkus(slice: HeldSlice, machine: ResolvedMachine): string[] {
  return slice.gpuIds.map((id) => machine.gpus.get(id)!.cloudSku).sort();
}

/** Prices held intervals of slices; reuse one pricer for many slices, it caches per slice shape. */
export interface SlicePricer {
  /**
   * Splits [from, to) of the slice at every price change of the SKUs it is billed for, so that each
   * piece has one constant cloud rate (PRODUCT.md: priced piecewise). The slice's GPUs must have
   * been validated against the machine (see `sliceGpus`).
   */
  price(slice: HeldSlice, machine: ResolvedMachine, from: number, to: number): PricedPiece[];
}

export function createSlicePricer(prices: PriceIndex): SlicePricer {
  // Looked up without building a string per slice: by machine, threads, RAM, then by the GPU
  // profile itself for one-GPU slices (most of them) or by the sorted SKUs for several.
  const shapes = new Map<ResolvedMachine, Map<number, Map<number, Map<GpuCostProfile | string, SliceShape>>>>();

  function shapeOf(slice: HeldSlice, machine: ResolvedMachine): SliceShape {
    let byThreads = shapes.get(machine);
    if (!byThreads) shapes.set(machine, (byThreads = new Map()));
    let byRam = byThreads.get(slice.threads);
    if (!byRam) byThreads.set(slice.threads, (byRam = new Map()));
    let byGpus = byRam.get(slice.ramGb);
    if (!byGpus) byRam.set(slice.ramGb, (byGpus = new Map()));
    const gpuKey = slice.gpuIds.length === 1 ? machine.gpus.get(slice.gpuIds[0]!)! : sortedGpuSkus(slice, machine).join("\u0000");
    let shape = byGpus.get(gpuKey);
    if (shape) return shape;
    const terms = new Map<string, PriceTerm>();
    const add = (sku: string, unit: PriceUnit, quantity: number) => {
      // A slice without threads (or RAM) needs no vCPU (or GB) price at all.
      if (quantity === 0) return;
      const term = terms.get(sku);
      if (term) term.quantity += BigInt(quantity);
      else terms.set(sku, { sku, unit, quantity: BigInt(quantity) });
    };
    for (const sku of sortedGpuSkus(slice, machine)) add(sku, "gpu-hour", 1);
    add(machine.vcpuSku, "vcpu-hour", slice.threads);
    add(machine.ramSku, "gb-hour", slice.ramGb);
    const changes = new Set<number>();
    for (const term of terms.values()) for (const t of prices.effectiveTimes(term.sku)) changes.add(t);
    const sorted = [...changes].sort((a, b) => a - b);
    shape = { terms: [...terms.values()], changes: sorted, rates: new Array<bigint | undefined>(sorted.length + 1) };
    byGpus.set(gpuKey, shape);
    return shape;
  }

  function rateIn(shape: SliceShape, epoch: number, t: number): bigint {
    let rate = shape.rates[epoch];
    if (rate === undefined) {
      rate = rateOf(shape.terms, prices, t);
      shape.rates[epoch] = rate;
    }
    return rate;
  }

  return {
    price(slice, machine, from, to) {
      if (to <= from) return [];
      const shape = shapeOf(slice, machine);
      const { changes } = shape;
      const pieces: PricedPiece[] = [];
      let epoch = lastAtOrBefore(changes, from) + 1;
      for (let pieceFrom = from; ; epoch++) {
        const next = epoch < changes.length ? changes[epoch]! : to;
        if (next >= to) {
          pieces.push({ from: pieceFrom, to, microsPerHour: rateIn(shape, epoch, pieceFrom) });
          return pieces;
        }
        pieces.push({ from: pieceFrom, to: next, microsPerHour: rateIn(shape, epoch, pieceFrom) });
        pieceFrom = next;
      }
    },
  };
}

/**
 * The part of a slice that counts: from its start to its effective end, within the machine's
 * service period (a machine that is not yet or no longer in service provides nothing to price),
 * and within [from, to).
 */
export function heldInterval(slice: HeldSlice, machine: ResolvedMachine, from: number, to: number): TimeWindow {
  return {
    from: Math.max(slice.start, machine.inService, from),
    to: Math.min(slice.end, machine.retiredAt, to),
  };
}

/**
 * Cloud-equivalent cost of one slice within a window, in micro-dollars rounded half away from
 * zero: held hours x (its GPUs' cloud rates + threads x vCPU rate + RAM GB x GB rate), priced
 * piecewise across price changes. Clipped like the ledger clips it (see `heldInterval`).
 */
export function sliceCloudCostMicros(
  slice: HeldSlice,
  machine: MachineCostProfile | ResolvedMachine,
  prices: readonly PriceEntry[] | PriceIndex,
  window: TimeWindow,
): bigint {
  const resolved = "amortizationEnd" in machine ? machine : resolveMachine(machine);
  const index = Array.isArray(prices) ? indexPrices(prices as readonly PriceEntry[]) : (prices as PriceIndex);
  const held = heldInterval(slice, resolved, window.from, window.to);
  validateSlice(slice, resolved);
  let microHourMs = 0n;
  for (const piece of createSlicePricer(index).price(slice, resolved, held.from, held.to)) {
    microHourMs += piece.microsPerHour * BigInt(piece.to - piece.from);
  }
  return roundHalfAwayFromZero(microHourMs, BigInt(MS_PER_HOUR));
}
