import { bucketIndexAt } from "./buckets";
import { ExactSums } from "./exact-sums";
import { ZERO_EXACT, type ExactAmounts } from "./figures";
import { accrueBaselineEnergy, accrueCapex, accrueMaintenance, serviceMs, type ResolvedMachine } from "./machine";
import type { PreparedCostData } from "./prepare";
import type { TimeWindow } from "./time";

/**
 * The two exact passes behind a ledger: each machine's own accruals per bucket (capex, baseline
 * energy, maintenance, GPU-hours available) and what its slices accumulated per bucket.
 */

/** What the slices of one (machine, team) pair accumulated per bucket. */
export interface SliceCell {
  machineIndex: number;
  teamKey: string;
  /** Sum of micro-dollars-per-hour x milliseconds. */
  cloudMicroHourMs: ExactSums;
  /** Watt-milliseconds of the held GPUs' board power. */
  gpuWattMs: ExactSums;
  heldGpuMs: Float64Array;
}

/** The machine's own accruals per bucket, exact. */
export interface MachineAccruals {
  capex: bigint[];
  energyBaseline: bigint[];
  maintenance: bigint[];
  availableGpuMs: number[];
}

export function accrueMachine(m: ResolvedMachine, buckets: readonly TimeWindow[], data: PreparedCostData): MachineAccruals {
  const accruals: MachineAccruals = { capex: [], energyBaseline: [], maintenance: [], availableGpuMs: [] };
  for (const b of buckets) {
    const to = Math.min(b.to, data.horizon);
    accruals.capex.push(accrueCapex(m, b.from, to, data.unit));
    accruals.energyBaseline.push(accrueBaselineEnergy(m, b.from, to, data.unit));
    accruals.maintenance.push(accrueMaintenance(m, b.from, to, data.unit));
    accruals.availableGpuMs.push(m.gpuCount * serviceMs(m, b.from, to));
  }
  return accruals;
}

export function sweepSlices(data: PreparedCostData, buckets: readonly TimeWindow[], window: TimeWindow, byTeam: boolean): SliceCell[] {
  const cells = new Map<string, SliceCell>();
  const n = buckets.length;
  for (const prepared of data.slices) {
    const teamKey = byTeam ? prepared.slice.teamId : "";
    const cellKey = byTeam ? `${prepared.machineIndex}\u0000${teamKey}` : String(prepared.machineIndex);
    const { gpuWatts, gpuCount } = prepared;
    const bigGpuWatts = BigInt(gpuWatts);
    let cell: SliceCell | undefined;
    for (const piece of prepared.pieces) {
      const from = Math.max(piece.from, window.from);
      const to = Math.min(piece.to, window.to);
      if (to <= from) continue;
      cell ??= cells.get(cellKey);
      if (!cell) {
        cell = {
          machineIndex: prepared.machineIndex,
          teamKey,
          cloudMicroHourMs: new ExactSums(n),
          gpuWattMs: new ExactSums(n),
          heldGpuMs: new Float64Array(n),
        };
        cells.set(cellKey, cell);
      }
      const rate = Number(piece.microsPerHour);
      for (let i = bucketIndexAt(buckets, from), t = from; t < to; i++) {
        const end = Math.min(to, buckets[i]!.to);
        const ms = end - t;
        cell.cloudMicroHourMs.addProduct(i, rate, ms, piece.microsPerHour);
        cell.gpuWattMs.addProduct(i, gpuWatts, ms, bigGpuWatts);
        cell.heldGpuMs[i]! += gpuCount * ms;
        t = end;
      }
    }
  }
  return [...cells.values()];
}

/** Exact cloud-equivalent and GPU energy of a cell's bucket. */
export function cellExact(cell: SliceCell, i: number, machine: ResolvedMachine, data: PreparedCostData): ExactAmounts {
  return {
    ...ZERO_EXACT,
    cloudEquivalent: cell.cloudMicroHourMs.get(i) * data.unit.perMicroHourMs,
    energyGpu: cell.gpuWattMs.get(i) * machine.pricePerKwhMicros * data.unit.perWattKwhMs,
  };
}

export function machineExact(accruals: MachineAccruals, i: number): ExactAmounts {
  return {
    ...ZERO_EXACT,
    capex: accruals.capex[i]!,
    energyBaseline: accruals.energyBaseline[i]!,
    maintenance: accruals.maintenance[i]!,
  };
}
