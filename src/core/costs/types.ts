import type { SliceKind } from "../slices/kinds";
/**
 * Plain-data inputs of the cost ledger. Services load these from the database; the core never
 * does. Money is integer micro-dollars (bigint), time is epoch milliseconds (UTC).
 */

export type PriceUnit = "gpu-hour" | "vcpu-hour" | "gb-hour";

/** One price of the catalog's history. The rate at t is the SKU's latest entry effective at or before t. */
export interface PriceEntry {
  sku: string;
  provider: string;
  unit: PriceUnit;
  priceMicros: bigint;
  effectiveFrom: number;
}

export interface GpuCostProfile {
  gpuId: string;
  /** Whole watts: the energy arithmetic stays exact. */
  boardPowerW: number;
  /** The gpu-hour SKU this card is priced as in the cloud (a 1080 Ti as a GCP P100). */
  cloudSku: string;
}

export interface MachineCostProfile {
  machineId: string;
  /** GPUs the machine offers; must equal gpus.length. Available GPU-hours = gpuCount x hours in service. */
  gpuCount: number;
  inService: number;
  retiredAt?: number;
  capexMicros: bigint;
  /** Whole months, default 36 (a month is 1/12 of 365.25 days). */
  amortizationMonths?: number;
  /** Whole watts drawn whenever the machine is in service, default 100. */
  baselineWatts?: number;
  gpus: readonly GpuCostProfile[];
  /** Default 130_000n ($0.13/kWh). */
  pricePerKwhMicros?: bigint;
  /** Default 0n. Accrues per hour in service. */
  maintenancePerMonthMicros?: bigint;
  /** vcpu-hour SKU used for a slice's threads. */
  vcpuSku: string;
  /** gb-hour SKU used for a slice's RAM. */
  ramSku: string;
}

/**
 * An approved slice as held. `end` is the effective end: the earlier of the booked end and the
 * release (see `effectiveSliceEnd`). Threads and RAM are whole numbers, as requests take them.
 */
export interface HeldSlice {
  id: string;
  machineId: string;
  teamId: string;
  userId: string;
  /** What the GPUs did (training when absent), for the report by purpose. */
  kind?: SliceKind;
  gpuIds: readonly string[];
  threads: number;
  ramGb: number;
  start: number;
  end: number;
}
