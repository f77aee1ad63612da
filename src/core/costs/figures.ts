import { roundHalfAwayFromZero } from "./money";
import { MS_PER_HOUR, type TimeWindow } from "./time";

/**
 * The figures of a ledger row and how they are rounded: each of the five components is rounded
 * on its own from its exact value, half away from zero; on-prem and savings are derived from the
 * rounded components, and sums are sums of rounded figures (see ledger.ts for why).
 */

/** Unrounded amounts, in 1/exactUnitsPerMicro micro-dollar. */
export interface ExactAmounts {
  cloudEquivalent: bigint;
  capex: bigint;
  energyBaseline: bigint;
  energyGpu: bigint;
  maintenance: bigint;
}

export interface LedgerFigures {
  cloudEquivalentMicros: bigint;
  capexMicros: bigint;
  energyBaselineMicros: bigint;
  energyGpuMicros: bigint;
  maintenanceMicros: bigint;
  /** capex + baseline energy + GPU energy + maintenance, as rounded. */
  onPremMicros: bigint;
  /** cloud-equivalent - on-prem, as rounded. */
  savingsMicros: bigint;
  /** GPU-milliseconds held (exact); heldGpuHours is the same for display. */
  heldGpuMs: number;
  availableGpuMs: number;
  heldGpuHours: number;
  availableGpuHours: number;
  /** held / available GPU-hours; null when nothing was in service. */
  utilization: number | null;
  exact: ExactAmounts;
}

export interface LedgerRow extends LedgerFigures {
  from: number;
  to: number;
  /** Savings from the window's start through the end of this bucket. */
  cumulativeSavingsMicros: bigint;
}

export interface LedgerGroup {
  /** machineId, teamId, IDLE_GROUP or FLEET_GROUP. */
  key: string;
  rows: LedgerRow[];
  total: LedgerFigures;
}

export const ZERO_EXACT: ExactAmounts = { cloudEquivalent: 0n, capex: 0n, energyBaseline: 0n, energyGpu: 0n, maintenance: 0n };

export function addExact(a: ExactAmounts, b: ExactAmounts): ExactAmounts {
  return {
    cloudEquivalent: a.cloudEquivalent + b.cloudEquivalent,
    capex: a.capex + b.capex,
    energyBaseline: a.energyBaseline + b.energyBaseline,
    energyGpu: a.energyGpu + b.energyGpu,
    maintenance: a.maintenance + b.maintenance,
  };
}

/** On-prem cost of exact amounts, unrounded. */
export function exactOnPrem(e: ExactAmounts): bigint {
  return e.capex + e.energyBaseline + e.energyGpu + e.maintenance;
}

/** Savings of exact amounts, unrounded. */
export function exactSavings(e: ExactAmounts): bigint {
  return e.cloudEquivalent - exactOnPrem(e);
}

function utilizationOf(heldGpuMs: number, availableGpuMs: number): number | null {
  return availableGpuMs > 0 ? heldGpuMs / availableGpuMs : null;
}

// Figures and rows are written out as literals of one fixed shape rather than spread from each
// other: a day-by-team report over eight years has tens of thousands of rows.
function makeFigures(
  cloudEquivalentMicros: bigint,
  capexMicros: bigint,
  energyBaselineMicros: bigint,
  energyGpuMicros: bigint,
  maintenanceMicros: bigint,
  exact: ExactAmounts,
  heldGpuMs: number,
  availableGpuMs: number,
): LedgerFigures {
  const onPremMicros = capexMicros + energyBaselineMicros + energyGpuMicros + maintenanceMicros;
  return {
    cloudEquivalentMicros,
    capexMicros,
    energyBaselineMicros,
    energyGpuMicros,
    maintenanceMicros,
    onPremMicros,
    savingsMicros: cloudEquivalentMicros - onPremMicros,
    heldGpuMs,
    availableGpuMs,
    heldGpuHours: heldGpuMs / MS_PER_HOUR,
    availableGpuHours: availableGpuMs / MS_PER_HOUR,
    utilization: utilizationOf(heldGpuMs, availableGpuMs),
    exact,
  };
}

function makeRow(f: LedgerFigures, bucket: TimeWindow, cumulativeSavingsMicros: bigint): LedgerRow {
  return {
    from: bucket.from,
    to: bucket.to,
    cloudEquivalentMicros: f.cloudEquivalentMicros,
    capexMicros: f.capexMicros,
    energyBaselineMicros: f.energyBaselineMicros,
    energyGpuMicros: f.energyGpuMicros,
    maintenanceMicros: f.maintenanceMicros,
    onPremMicros: f.onPremMicros,
    savingsMicros: f.savingsMicros,
    cumulativeSavingsMicros,
    heldGpuMs: f.heldGpuMs,
    availableGpuMs: f.availableGpuMs,
    heldGpuHours: f.heldGpuHours,
    availableGpuHours: f.availableGpuHours,
    utilization: f.utilization,
    exact: f.exact,
  };
}

/** Rounds a non-zero exact amount; most cells of a fine-grained report are zero. */
function toMicros(exact: bigint, perMicro: bigint): bigint {
  return exact === 0n ? 0n : roundHalfAwayFromZero(exact, perMicro);
}

/** One bucket's figures: each component rounded on its own, on-prem and savings derived from them. */
export function roundFigures(exact: ExactAmounts, heldGpuMs: number, availableGpuMs: number, perMicro: bigint): LedgerFigures {
  return makeFigures(
    toMicros(exact.cloudEquivalent, perMicro),
    toMicros(exact.capex, perMicro),
    toMicros(exact.energyBaseline, perMicro),
    toMicros(exact.energyGpu, perMicro),
    toMicros(exact.maintenance, perMicro),
    exact,
    heldGpuMs,
    availableGpuMs,
  );
}

/** Sum of already rounded figures (exact parts summed alongside); availability is passed in because team rows share the fleet's. */
export function sumFigures(items: readonly LedgerFigures[], availableGpuMs: number): LedgerFigures {
  let cloud = 0n;
  let capex = 0n;
  let energyBaseline = 0n;
  let energyGpu = 0n;
  let maintenance = 0n;
  let exactCloud = 0n;
  let exactCapex = 0n;
  let exactEnergyBaseline = 0n;
  let exactEnergyGpu = 0n;
  let exactMaintenance = 0n;
  let heldGpuMs = 0;
  for (const f of items) {
    cloud += f.cloudEquivalentMicros;
    capex += f.capexMicros;
    energyBaseline += f.energyBaselineMicros;
    energyGpu += f.energyGpuMicros;
    maintenance += f.maintenanceMicros;
    exactCloud += f.exact.cloudEquivalent;
    exactCapex += f.exact.capex;
    exactEnergyBaseline += f.exact.energyBaseline;
    exactEnergyGpu += f.exact.energyGpu;
    exactMaintenance += f.exact.maintenance;
    heldGpuMs += f.heldGpuMs;
  }
  const exact: ExactAmounts = {
    cloudEquivalent: exactCloud,
    capex: exactCapex,
    energyBaseline: exactEnergyBaseline,
    energyGpu: exactEnergyGpu,
    maintenance: exactMaintenance,
  };
  return makeFigures(cloud, capex, energyBaseline, energyGpu, maintenance, exact, heldGpuMs, availableGpuMs);
}

export function groupOf(key: string, buckets: readonly TimeWindow[], rows: readonly LedgerFigures[], availableTotal: number): LedgerGroup {
  let cumulative = 0n;
  const withBuckets = rows.map((figures, i) => {
    cumulative += figures.savingsMicros;
    return makeRow(figures, buckets[i]!, cumulative);
  });
  return { key, rows: withBuckets, total: sumFigures(rows, availableTotal) };
}
