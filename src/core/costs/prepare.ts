import type { HeldSlice, MachineCostProfile, PriceEntry } from "./types";
import { ledgerUnit, resolveMachine, type LedgerUnit, type ResolvedMachine } from "./machine";
import { createSlicePricer, indexPrices, type PricedPiece } from "./pricing";
import { validateSlice } from "./slices";
import { invalid, requireInstant } from "./validate";

/** A slice made ready for the sweeps: priced once, reused by the ledger and the break-even search. */
export interface PreparedSlice {
  slice: HeldSlice;
  machineIndex: number;
  gpuCount: number;
  /** Sum of the board power of the slice's GPUs, in watts. */
  gpuWatts: number;
  /** Constant-rate pieces of the held interval, clipped to the machine's service period and to `now`. */
  pieces: PricedPiece[];
}

export interface PreparedCostData {
  machines: ResolvedMachine[];
  unit: LedgerUnit;
  slices: PreparedSlice[];
  /** Nothing accrues at or after this instant: `now` when given, else +Infinity. */
  horizon: number;
}

export interface CostDataInput {
  machines: readonly MachineCostProfile[];
  slices: readonly HeldSlice[];
  prices: readonly PriceEntry[];
  /** When given, the figures are "to date": nothing accrues at or after now. */
  now?: number;
}

export function prepareCostData(input: CostDataInput): PreparedCostData {
  const horizon = input.now ?? Number.POSITIVE_INFINITY;
  if (input.now !== undefined) requireInstant(input.now, "now");

  const machines = input.machines.map((m, i) => resolveMachine(m, `machines[${i}]`));
  const machineIndex = new Map<string, number>();
  machines.forEach((m, i) => {
    if (machineIndex.has(m.machineId)) throw invalid(`Machine ${m.machineId} is listed twice.`, `machines[${i}].machineId`);
    machineIndex.set(m.machineId, i);
  });

  const pricer = createSlicePricer(indexPrices(input.prices));
  const slices: PreparedSlice[] = [];
  for (let i = 0; i < input.slices.length; i++) {
    const slice = input.slices[i]!;
    const index = machineIndex.get(slice.machineId);
    if (index === undefined) throw invalid(`Slice ${slice.id} is on unknown machine ${slice.machineId}.`, `slices[${i}].machineId`);
    const machine = machines[index]!;
    const gpuWatts = validateSlice(slice, machine, i);
    // The clipping of heldInterval, inlined: no object per slice on the hot path.
    const from = Math.max(slice.start, machine.inService);
    const to = Math.min(slice.end, machine.retiredAt, horizon);
    if (to <= from) continue;
    slices.push({ slice, machineIndex: index, gpuCount: slice.gpuIds.length, gpuWatts, pieces: pricer.price(slice, machine, from, to) });
  }

  return { machines, unit: ledgerUnit(machines), slices, horizon };
}
