import type { GpuCostProfile, MachineCostProfile } from "./types";
import { MS_PER_HOUR, MS_PER_MONTH, overlapMs } from "./time";
import {
  invalid,
  requireInstant,
  requireNonNegativeMicros,
  requireWholeNonNegative,
} from "./validate";

export const DEFAULT_AMORTIZATION_MONTHS = 36;
export const DEFAULT_BASELINE_WATTS = 100;
export const DEFAULT_PRICE_PER_KWH_MICROS = 130_000n;

/** A machine profile with defaults applied and its GPUs indexed; retiredAt is Infinity when still running. */
export interface ResolvedMachine {
  machineId: string;
  gpuCount: number;
  inService: number;
  retiredAt: number;
  /** End of straight-line amortization: inService + N months (capex accrues nothing after it). */
  amortizationEnd: number;
  capexMicros: bigint;
  amortizationMonths: number;
  baselineWatts: number;
  pricePerKwhMicros: bigint;
  maintenancePerMonthMicros: bigint;
  gpus: ReadonlyMap<string, GpuCostProfile>;
  vcpuSku: string;
  ramSku: string;
}

export function resolveMachine(profile: MachineCostProfile, field = "machine"): ResolvedMachine {
  requireWholeNonNegative(profile.gpuCount, `${field}.gpuCount`);
  if (profile.gpus.length !== profile.gpuCount) {
    throw invalid(
      `${field}.gpus lists ${profile.gpus.length} GPUs but gpuCount is ${profile.gpuCount}.`,
      `${field}.gpus`,
    );
  }
  requireInstant(profile.inService, `${field}.inService`);
  if (profile.retiredAt !== undefined) {
    requireInstant(profile.retiredAt, `${field}.retiredAt`);
    if (profile.retiredAt < profile.inService) {
      throw invalid(`${field}.retiredAt is before inService.`, `${field}.retiredAt`);
    }
  }
  requireNonNegativeMicros(profile.capexMicros, `${field}.capexMicros`);
  const amortizationMonths = profile.amortizationMonths ?? DEFAULT_AMORTIZATION_MONTHS;
  if (!Number.isSafeInteger(amortizationMonths) || amortizationMonths < 1) {
    throw invalid(`${field}.amortizationMonths must be a whole number >= 1.`, `${field}.amortizationMonths`);
  }
  const baselineWatts = profile.baselineWatts ?? DEFAULT_BASELINE_WATTS;
  requireWholeNonNegative(baselineWatts, `${field}.baselineWatts`);
  const pricePerKwhMicros = profile.pricePerKwhMicros ?? DEFAULT_PRICE_PER_KWH_MICROS;
  requireNonNegativeMicros(pricePerKwhMicros, `${field}.pricePerKwhMicros`);
  const maintenancePerMonthMicros = profile.maintenancePerMonthMicros ?? 0n;
  requireNonNegativeMicros(maintenancePerMonthMicros, `${field}.maintenancePerMonthMicros`);

  const gpus = new Map<string, GpuCostProfile>();
  profile.gpus.forEach((gpu, i) => {
    if (gpus.has(gpu.gpuId)) throw invalid(`GPU ${gpu.gpuId} is listed twice.`, `${field}.gpus[${i}].gpuId`);
    requireWholeNonNegative(gpu.boardPowerW, `${field}.gpus[${i}].boardPowerW`);
    gpus.set(gpu.gpuId, gpu);
  });

  return {
    machineId: profile.machineId,
    gpuCount: profile.gpuCount,
    inService: profile.inService,
    retiredAt: profile.retiredAt ?? Number.POSITIVE_INFINITY,
    amortizationEnd: profile.inService + amortizationMonths * MS_PER_MONTH,
    capexMicros: profile.capexMicros,
    amortizationMonths,
    baselineWatts,
    pricePerKwhMicros,
    maintenancePerMonthMicros,
    gpus,
    vcpuSku: profile.vcpuSku,
    ramSku: profile.ramSku,
  };
}

/**
 * The exact unit of a ledger computation: amounts are bigint counts of 1/perMicro micro-dollar.
 *
 * Every accrual is price x milliseconds / a fixed period: an hour (cloud prices), 1000 W x an hour
 * (energy), a month (maintenance) or N months (capex). perMicro is the least common multiple of
 * those periods in milliseconds, so each accrual over whole milliseconds is an exact integer and
 * sums never lose anything. With only 36-month machines it is 4.73364e13.
 */
export interface LedgerUnit {
  perMicro: bigint;
  /** Units per (micro-dollars per hour x milliseconds): cloud prices. */
  perMicroHourMs: bigint;
  /** Units per (watts x micro-dollars per kWh x milliseconds): energy. */
  perWattKwhMs: bigint;
  /** Units per (micro-dollars per month x milliseconds): maintenance. */
  perMicroMonthMs: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

const HOUR = BigInt(MS_PER_HOUR);
const KILOWATT_HOUR = 1000n * HOUR; // watt-milliseconds in a kWh
const MONTH = BigInt(MS_PER_MONTH);

export function ledgerUnit(machines: readonly Pick<ResolvedMachine, "amortizationMonths">[]): LedgerUnit {
  let perMicro = (KILOWATT_HOUR * MONTH) / gcd(KILOWATT_HOUR, MONTH);
  for (const m of machines) {
    const period = BigInt(m.amortizationMonths) * MONTH;
    perMicro = (perMicro * period) / gcd(perMicro, period);
  }
  return {
    perMicro,
    perMicroHourMs: perMicro / HOUR,
    perWattKwhMs: perMicro / KILOWATT_HOUR,
    perMicroMonthMs: perMicro / MONTH,
  };
}

/** Milliseconds of [from, to) during which the machine is in service. */
export function serviceMs(m: ResolvedMachine, from: number, to: number): number {
  return overlapMs(from, to, m.inService, m.retiredAt);
}

/** Straight-line capex over [from, to): nothing before inService, after N months, or after retirement. */
export function accrueCapex(m: ResolvedMachine, from: number, to: number, unit: LedgerUnit): bigint {
  const ms = overlapMs(from, to, m.inService, Math.min(m.amortizationEnd, m.retiredAt));
  if (ms === 0) return 0n;
  const period = BigInt(m.amortizationMonths) * MONTH;
  // A unit built without this machine would truncate here and silently lose money.
  if (unit.perMicro % period !== 0n) throw new RangeError(`ledger unit does not cover ${m.machineId}'s amortization period`);
  const perMicroMs = unit.perMicro / period;
  return m.capexMicros * BigInt(ms) * perMicroMs;
}

/** The machine's idle draw, paid for every wall-clock hour in service whether or not anyone holds a GPU. */
export function accrueBaselineEnergy(m: ResolvedMachine, from: number, to: number, unit: LedgerUnit): bigint {
  const ms = serviceMs(m, from, to);
  return BigInt(m.baselineWatts) * m.pricePerKwhMicros * BigInt(ms) * unit.perWattKwhMs;
}

export function accrueMaintenance(m: ResolvedMachine, from: number, to: number, unit: LedgerUnit): bigint {
  const ms = serviceMs(m, from, to);
  return m.maintenancePerMonthMicros * BigInt(ms) * unit.perMicroMonthMs;
}
