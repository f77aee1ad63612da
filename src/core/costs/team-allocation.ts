import { IDLE_GROUP } from "./groups";
import { groupOf, roundFigures, type LedgerGroup } from "./figures";
import type { MachineAccruals, SliceCell } from "./accumulate";
import type { PreparedCostData } from "./prepare";
import type { TimeWindow } from "./time";

/**
 * Team rows. Cloud-equivalent, GPU energy and held GPU-hours belong to the team of each slice.
 * Capex, baseline energy and maintenance are shared: each machine's cost in a bucket is split in
 * proportion to held GPU-hours over the machine's available GPU-hours in that bucket, and the
 * unheld part goes to the "(idle)" group. Shares are floored to the exact unit and idle takes the
 * remainder, so teams plus idle add up exactly to the fleet.
 */

/** floor(amount x part / whole) for non-negative amounts and 0 < part <= whole. */
function shareOf(amount: bigint, part: number, whole: number): bigint {
  return amount === 0n ? 0n : (amount * BigInt(part)) / BigInt(whole);
}

/** A team's exact amounts per bucket, as columns that the allocation adds into in place. */
interface TeamColumns {
  cloudEquivalent: bigint[];
  capex: bigint[];
  energyBaseline: bigint[];
  energyGpu: bigint[];
  maintenance: bigint[];
  heldGpuMs: Float64Array;
}

function teamColumns(n: number): TeamColumns {
  const zeros = () => new Array<bigint>(n).fill(0n);
  return {
    cloudEquivalent: zeros(),
    capex: zeros(),
    energyBaseline: zeros(),
    energyGpu: zeros(),
    maintenance: zeros(),
    heldGpuMs: new Float64Array(n),
  };
}

export function teamGroups(
  data: PreparedCostData,
  buckets: readonly TimeWindow[],
  accruals: MachineAccruals[],
  cells: SliceCell[],
  fleetAvailable: readonly number[],
): LedgerGroup[] {
  const n = buckets.length;
  const { unit } = data;
  const keys = [...[...new Set(cells.map((c) => c.teamKey))].sort(), IDLE_GROUP];
  const columns = new Map(keys.map((k) => [k, teamColumns(n)]));
  const idle = columns.get(IDLE_GROUP)!;

  data.machines.forEach((m, mi) => {
    const own = accruals[mi]!;
    const machineCells = cells.filter((c) => c.machineIndex === mi);
    const cellColumns = machineCells.map((c) => columns.get(c.teamKey)!);
    const energyPerWattMs = m.pricePerKwhMicros * unit.perWattKwhMs;
    for (let i = 0; i < n; i++) {
      let held = 0;
      machineCells.forEach((cell, ci) => {
        const team = cellColumns[ci]!;
        if (!cell.cloudMicroHourMs.isZero(i)) team.cloudEquivalent[i]! += cell.cloudMicroHourMs.get(i) * unit.perMicroHourMs;
        if (!cell.gpuWattMs.isZero(i)) team.energyGpu[i]! += cell.gpuWattMs.get(i) * energyPerWattMs;
        team.heldGpuMs[i]! += cell.heldGpuMs[i]!;
        held += cell.heldGpuMs[i]!;
      });
      let capex = own.capex[i]!;
      let energyBaseline = own.energyBaseline[i]!;
      let maintenance = own.maintenance[i]!;
      if (held > 0) {
        // Overlapping slices (bad data) could hold more than is available: then split by held alone.
        const whole = Math.max(own.availableGpuMs[i]!, held);
        machineCells.forEach((cell, ci) => {
          const part = cell.heldGpuMs[i]!;
          if (part === 0) return;
          const team = cellColumns[ci]!;
          const capexShare = shareOf(own.capex[i]!, part, whole);
          const energyShare = shareOf(own.energyBaseline[i]!, part, whole);
          const maintenanceShare = shareOf(own.maintenance[i]!, part, whole);
          team.capex[i]! += capexShare;
          team.energyBaseline[i]! += energyShare;
          team.maintenance[i]! += maintenanceShare;
          capex -= capexShare;
          energyBaseline -= energyShare;
          maintenance -= maintenanceShare;
        });
      }
      // What no team held, and what flooring the shares left over, stays with (idle).
      idle.capex[i]! += capex;
      idle.energyBaseline[i]! += energyBaseline;
      idle.maintenance[i]! += maintenance;
    }
  });

  const fleetAvailableTotal = fleetAvailable.reduce((a, b) => a + b, 0);
  return keys.map((key) => {
    const team = columns.get(key)!;
    const rows = buckets.map((_, i) =>
      roundFigures(
        {
          cloudEquivalent: team.cloudEquivalent[i]!,
          capex: team.capex[i]!,
          energyBaseline: team.energyBaseline[i]!,
          energyGpu: team.energyGpu[i]!,
          maintenance: team.maintenance[i]!,
        },
        team.heldGpuMs[i]!,
        fleetAvailable[i]!,
        unit.perMicro,
      ),
    );
    return groupOf(key, buckets, rows, fleetAvailableTotal);
  });
}
