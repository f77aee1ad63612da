import type { PlacementMachine } from "../placement/types";
import { MS_PER_DAY, MS_PER_HOUR } from "../slices/time";
import { replay, type ReplayOptions, type ReplayRequest, type ReplayResult } from "./replay";

/** A month as the cost ledger counts it: 1/12 of 365.25 days. */
export const MS_PER_MONTH = (365.25 / 12) * MS_PER_DAY;

export interface ReplaySummary {
  /** Requests by need in the period. */
  requests: number;
  /** Of which served within the period. */
  served: number;
  /** Hours from asking (or the earliest start asked) to the start; unserved ones count to the period's end. */
  medianWaitHours: number;
  p90WaitHours: number;
  totalWaitHours: number;
  servedGpuHours: number;
  unservedGpuHours: number;
}

/** The q-quantile of sorted values (nearest rank), 0 for none. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export function summarize(requests: readonly ReplayRequest[], result: ReplayResult, until: number): ReplaySummary {
  const waits: number[] = [];
  let served = 0;
  let servedGpuMs = 0;
  let unservedGpuMs = 0;
  for (const r of requests) {
    if (r.kind !== "need") continue;
    const s = result.served.get(r.id) ?? null;
    const asked = Math.max(r.createdAt, r.need.notBefore);
    if (s && s.start <= until) {
      served += 1;
      waits.push(Math.max(0, s.start - asked));
      servedGpuMs += s.gpuCount * (Math.min(s.end, until) - s.start);
    } else {
      waits.push(Math.max(0, until - asked));
      unservedGpuMs += r.need.gpuCount * r.heldMs;
    }
  }
  waits.sort((a, b) => a - b);
  return {
    requests: waits.length,
    served,
    medianWaitHours: quantile(waits, 0.5) / MS_PER_HOUR,
    p90WaitHours: quantile(waits, 0.9) / MS_PER_HOUR,
    totalWaitHours: waits.reduce((a, b) => a + b, 0) / MS_PER_HOUR,
    servedGpuHours: servedGpuMs / MS_PER_HOUR,
    unservedGpuHours: unservedGpuMs / MS_PER_HOUR,
  };
}

export interface WhatIf {
  baseline: ReplaySummary;
  withMachine: ReplaySummary;
  waitingAvoidedHours: number;
  extraGpuHoursServed: number;
  /** GPU-hours the added machine held, and their cloud-equivalent value in micro-dollars. */
  newMachineGpuHours: number;
  newMachineValueMicros: number;
  /** The build's cost over the new machine's cloud-equivalent value per month; null when it served nothing. */
  paybackMonths: number | null;
}

/**
 * Replays the period twice, as it is and with one more machine, through the same placement and
 * waitlist code, and compares them. Requests by machine keep their machine; requests by need may
 * go to the new one, so the waiting it avoids and the GPU-hours it serves are what the build buys.
 */
export function whatIf(input: {
  machines: readonly PlacementMachine[];
  extra: PlacementMachine;
  requests: readonly ReplayRequest[];
  before?: Parameters<typeof replay>[0]["before"];
  shares?: ReadonlyMap<string, number>;
  from: number;
  until: number;
  options: ReplayOptions;
  buildCostMicros: number;
}): WhatIf {
  const common = { requests: input.requests, before: input.before, shares: input.shares, until: input.until, options: input.options };
  const base = replay({ machines: input.machines, ...common });
  const plus = replay({ machines: [...input.machines, input.extra], ...common });
  const baseline = summarize(input.requests, base, input.until);
  const withMachine = summarize(input.requests, plus, input.until);
  let gpuMs = 0;
  let valueMicros = 0;
  for (const s of plus.served.values()) {
    if (!s || s.machineId !== input.extra.machineId) continue;
    const held = Math.max(0, Math.min(s.end, input.until) - s.start);
    gpuMs += s.gpuCount * held;
    valueMicros += (s.cloudMicrosPerHour * held) / MS_PER_HOUR;
  }
  const months = (input.until - input.from) / MS_PER_MONTH;
  const perMonth = months > 0 ? valueMicros / months : 0;
  return {
    baseline,
    withMachine,
    waitingAvoidedHours: baseline.totalWaitHours - withMachine.totalWaitHours,
    extraGpuHoursServed: withMachine.servedGpuHours - baseline.servedGpuHours,
    newMachineGpuHours: gpuMs / MS_PER_HOUR,
    newMachineValueMicros: Math.round(valueMicros),
    paybackMonths: perMonth > 0 ? input.buildCostMicros / perMonth : null,
  };
}
