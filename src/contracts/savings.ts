import { z } from "zod";
import { BUCKET_SIZES } from "@/core/costs/buckets";
import { epochMs, exactAmount, instant, instantOut, micros, microsOut } from "./shared";

const exactOut = exactAmount();

const figures = {
  cloudEquivalentMicros: microsOut,
  capexMicros: microsOut,
  energyBaselineMicros: microsOut,
  energyGpuMicros: microsOut,
  maintenanceMicros: microsOut,
  onPremMicros: micros("capex + baseline energy + GPU energy + maintenance, as rounded (micro-dollars, decimal string)."),
  savingsMicros: micros("cloud-equivalent - on-prem, as rounded (micro-dollars, decimal string)."),
  heldGpuMs: z.number(),
  availableGpuMs: z.number(),
  heldGpuHours: z.number(),
  availableGpuHours: z.number(),
  utilization: z.number().nullable().meta({ description: "Held / available GPU-hours; null when nothing was in service." }),
  exact: z.object({ cloudEquivalent: exactOut, capex: exactOut, energyBaseline: exactOut, energyGpu: exactOut, maintenance: exactOut }),
};

const windowOut = z.object({ from: epochMs, to: epochMs });

const groupOut = z.object({
  key: z.string().meta({ description: "Machine id, team id, \"(idle)\" or \"fleet\"." }),
  rows: z.array(z.object({ ...figures, from: epochMs, to: epochMs, cumulativeSavingsMicros: microsOut })),
  total: z.object(figures),
});

const assumptionsOut = z.object({
  warnings: z.array(z.string()).meta({ description: "Figures to read with care, e.g. GPU models without a cloud equivalent (counted as $0)." }),
  machines: z.array(
    z.object({
      name: z.string(),
      capexMicros: microsOut,
      capexSource: z.enum(["purchase price", "build total", "none"]),
      amortizationMonths: z.number().int(),
      baselineWatts: z.number().int(),
      kwhPriceMicros: microsOut,
      maintenancePerMonthMicros: microsOut,
      pricedAs: z.array(z.string()),
      vcpuSku: z.string(),
      ramSku: z.string(),
    }),
  ),
  prices: z.array(
    z.object({
      sku: z.string(),
      provider: z.string(),
      unit: z.enum(["gpu-hour", "vcpu-hour", "gb-hour"]),
      priceMicros: microsOut,
      effectiveFrom: instantOut,
      sourceNote: z.string(),
    }),
  ),
});

const breakEvenOut = z.object({ machineId: z.string(), name: z.string(), at: instantOut.nullable() });

export const savingsReportOut = z
  .object({
    window: windowOut,
    bucket: z.enum(BUCKET_SIZES),
    groupBy: z.enum(["machine", "team", "purpose", "fleet"]),
    buckets: z.array(windowOut),
    exactUnitsPerMicro: exactAmount("How many units of the `exact` amounts make one micro-dollar (decimal string)."),
    groups: z.array(groupOut.extend({ name: z.string() })),
    fleet: groupOut,
    breakEven: z.array(breakEvenOut),
    fleetBreakEven: instantOut.nullable(),
    assumptions: assumptionsOut,
  })
  .meta({ id: "SavingsReport" });

export const savingsSummaryOut = z
  .object({
    savingsToDateMicros: microsOut,
    cloudEquivalentToDateMicros: microsOut,
    onPremToDateMicros: microsOut,
    savingsThisMonthMicros: microsOut,
    utilizationToDate: z.number().nullable(),
    utilizationThisMonth: z.number().nullable(),
    machines: z.array(
      z.object({ machineId: z.string(), name: z.string(), savingsMicros: microsOut, utilization: z.number().nullable(), breakEven: instantOut.nullable() }),
    ),
    premiums: z.array(
      z.object({
        machine: z.string(),
        build: z.string(),
        buildTotalMicros: microsOut,
        quote: z.object({ vendor: z.string(), description: z.string(), priceMicros: microsOut }),
        premiumAvoidedMicros: microsOut,
      }),
    ),
    premiumAvoidedMicros: microsOut,
    since: instantOut,
    asOf: instant("The instant the figures are to date at."),
    assumptions: assumptionsOut,
  })
  .meta({ id: "SavingsSummary" });
