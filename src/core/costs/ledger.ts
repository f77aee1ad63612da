import { accrueMachine, cellExact, machineExact, sweepSlices, type MachineAccruals, type SliceCell } from "./accumulate";
import { bucketsOf, type BucketSize } from "./buckets";
import { breakEvenOf, type BreakEven } from "./break-even";
import { addExact, groupOf, roundFigures, sumFigures, type LedgerGroup } from "./figures";
import { FLEET_GROUP, LEDGER_GROUP_BYS, type LedgerGroupBy } from "./groups";
import { prepareCostData, type CostDataInput, type PreparedCostData } from "./prepare";
import { teamGroups } from "./team-allocation";
import type { TimeWindow } from "./time";
import { invalid } from "./validate";

/**
 * The cost ledger: cloud-equivalent against on-prem cost, per machine, team or the fleet, per
 * UTC day, week or month of a window (PRODUCT.md "Costs and savings").
 *
 * Exactness and rounding
 * - Every amount is first computed exactly, as a bigint count of 1/exactUnitsPerMicro
 *   micro-dollar (see `ledgerUnit`); the `exact` fields carry these and add up with no loss
 *   across buckets, windows, machines and teams.
 * - Each bucket's five components (cloud-equivalent, capex, baseline energy, GPU energy,
 *   maintenance) are rounded to micro-dollars on their own, half away from zero. on-prem is the
 *   sum of the four rounded cost components and savings is rounded cloud-equivalent minus that,
 *   exactly as PRODUCT.md's worked example adds them up, so every row reads consistently.
 * - Totals (per group and for the fleet) and cumulative savings are sums of the rounded rows, so
 *   every column of a report adds up to the micro-dollar. A total may therefore differ from its
 *   own exact value rounded once by at most half a micro-dollar per bucket; the `exact` fields of
 *   the total are the unrounded truth.
 * - The fleet is the sum of the report's rows: of the machines for "machine" and "fleet", of the
 *   teams and (idle) for "team". Its rounded figures can thus differ by a few micro-dollars
 *   between groupings (teams round differently from machines); its exact fields never do.
 *
 * Teams (groupBy "team"): each team gets its slices' cloud-equivalent, GPU energy and GPU-hours,
 * and a share of each machine's capex, baseline energy and maintenance in proportion to the
 * GPU-hours it held there in the bucket; the unheld rest goes to "(idle)" (see team-allocation.ts).
 * A team row's available GPU-hours are the fleet's, so its utilization is its share of the fleet's
 * capacity and team utilizations add up to the fleet's.
 *
 * Cost: slices are priced once (split at price changes), then each piece is walked across the
 * buckets it overlaps, found by binary search: O((slices + price changes) log n + pieces x
 * buckets they span + groups x buckets), never buckets x slices. Break-even reuses the priced
 * slices (see break-even.ts).
 */

export { FLEET_GROUP, IDLE_GROUP, LEDGER_GROUP_BYS, type LedgerGroupBy } from "./groups";
export { exactOnPrem, exactSavings, type ExactAmounts, type LedgerFigures, type LedgerGroup, type LedgerRow } from "./figures";

export interface LedgerInput extends CostDataInput {
  window: TimeWindow;
  bucket: BucketSize;
  groupBy: LedgerGroupBy;
}

export interface Ledger {
  window: TimeWindow;
  bucket: BucketSize;
  groupBy: LedgerGroupBy;
  buckets: TimeWindow[];
  exactUnitsPerMicro: bigint;
  groups: LedgerGroup[];
  /** Sum of the groups (for groupBy "fleet", the one group itself). */
  fleet: LedgerGroup;
  /** Since each in-service date, over all slices given, up to `now`. */
  breakEven: BreakEven;
}

function machineGroups(data: PreparedCostData, buckets: readonly TimeWindow[], accruals: MachineAccruals[], cells: SliceCell[]): LedgerGroup[] {
  const cellOf = new Map(cells.map((c) => [c.machineIndex, c]));
  return data.machines.map((m, mi) => {
    const own = accruals[mi]!;
    const cell = cellOf.get(mi);
    const rows = buckets.map((_, i) => {
      const exact = cell ? addExact(machineExact(own, i), cellExact(cell, i, m, data)) : machineExact(own, i);
      return roundFigures(exact, cell ? cell.heldGpuMs[i]! : 0, own.availableGpuMs[i]!, data.unit.perMicro);
    });
    return groupOf(m.machineId, buckets, rows, sum(own.availableGpuMs));
  });
}

function fleetOf(groups: readonly LedgerGroup[], buckets: readonly TimeWindow[], fleetAvailable: readonly number[]): LedgerGroup {
  const rows = buckets.map((_, i) => sumFigures(groups.map((g) => g.rows[i]!), fleetAvailable[i]!));
  return groupOf(FLEET_GROUP, buckets, rows, sum(fleetAvailable));
}

/**
 * The ledger of a window: rows per group per bucket, totals per group, the fleet, and break-even.
 * Pass every slice since the earliest in-service date if break-even matters; rows only count the
 * parts of slices inside the window. With `now`, everything is "to date": nothing accrues at or
 * after now (capex, energy and availability included).
 */
export function computeLedger(input: LedgerInput): Ledger {
  if (!LEDGER_GROUP_BYS.includes(input.groupBy)) {
    throw invalid(`groupBy must be one of ${LEDGER_GROUP_BYS.join(", ")}.`, "groupBy");
  }
  const buckets = bucketsOf(input.window, input.bucket);
  const data = prepareCostData(input);
  const accruals = data.machines.map((m) => accrueMachine(m, buckets, data));
  const fleetAvailable = buckets.map((_, i) => sum(accruals.map((a) => a.availableGpuMs[i]!)));
  const cells = sweepSlices(data, buckets, input.window, input.groupBy === "team");

  const machines = input.groupBy === "team" ? [] : machineGroups(data, buckets, accruals, cells);
  let groups: LedgerGroup[];
  let fleet: LedgerGroup;
  if (input.groupBy === "team") {
    groups = teamGroups(data, buckets, accruals, cells, fleetAvailable);
    fleet = fleetOf(groups, buckets, fleetAvailable);
  } else if (input.groupBy === "machine") {
    groups = machines;
    fleet = fleetOf(groups, buckets, fleetAvailable);
  } else {
    fleet = fleetOf(machines, buckets, fleetAvailable);
    groups = [fleet];
  }

  return {
    window: { from: input.window.from, to: input.window.to },
    bucket: input.bucket,
    groupBy: input.groupBy,
    buckets,
    exactUnitsPerMicro: data.unit.perMicro,
    groups,
    fleet,
    breakEven: breakEvenOf(data),
  };
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}
