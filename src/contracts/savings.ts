import { z } from "zod";
import { BUCKET_SIZES } from "@/core/costs/buckets";
import { MAX_KWH_MICROS } from "@/core/costs/money";
import type { PriceUnit } from "@/core/costs/types";
import { afterFrom, epochMs, exactAmount, id, instant, instantIn, instantOut, micros, microsIn, microsOut, openWindow, reason } from "./shared";

/** The savings feature: reports, the price catalog and each machine's cost settings. */

/** What a savings report can be grouped by. */
export const SAVINGS_GROUPS = ["machine", "team", "purpose", "fleet"] as const;

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
    groupBy: z.enum(SAVINGS_GROUPS),
    buckets: z.array(windowOut),
    exactUnitsPerMicro: exactAmount("How many units of the `exact` amounts make one micro-dollar (decimal string)."),
    groups: z.array(groupOut.extend({ name: z.string() })),
    fleet: groupOut,
    breakEven: z.array(breakEvenOut),
    fleetBreakEven: instantOut.nullable(),
    assumptions: assumptionsOut,
  })
  .meta({ id: "SavingsReport" });
export type SavingsReportOut = z.infer<typeof savingsReportOut>;

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
export type SavingsSummaryOut = z.infer<typeof savingsSummaryOut>;

export const savingsSummaryIn = openWindow.optional();

const MAX_DAILY_SPAN_MS = 3 * 366 * 86_400_000;
export const savingsReportIn = z
  .object({ from: instantIn, to: instantIn, bucket: z.enum(BUCKET_SIZES), groupBy: z.enum(SAVINGS_GROUPS) })
  .refine((w) => w.to > w.from, afterFrom("to"))
  .refine((w) => w.bucket !== "day" || w.to.getTime() - w.from.getTime() <= MAX_DAILY_SPAN_MS, { message: "daily buckets may span at most three years", path: ["bucket"] });
export type SavingsReportIn = z.output<typeof savingsReportIn>;

export const sku = z.string().trim().min(2, "must be at least 2 characters").max(60).regex(/^[\w.:-]+$/, "may contain letters, digits and . _ : -");
export const PRICE_UNITS = ["gpu_hour", "vcpu_hour", "gb_hour"] as const;

export const addPriceIn = z.object({
  provider: z.string().trim().min(2).max(40),
  sku,
  unit: z.enum(PRICE_UNITS),
  priceMicros: microsIn,
  effectiveFrom: instantIn,
  sourceNote: z.string().trim().max(300).default(""),
});
export type NewPrice = z.output<typeof addPriceIn>;
export const deletePriceIn = z.object({ entryId: id, reason });
export const setCloudEquivalentIn = z.object({ gpuModelId: id, cloudSku: sku.nullable() });

/** A machine's on-prem cost settings: capex, amortization, power, $/kWh, maintenance and the cloud VM SKUs it is priced as. */
export const machineCostValues = z.object({
  purchasePriceMicros: microsIn.nullable(),
  amortizationMonths: z.number().int().min(1, "must be at least 1 month").max(240, "must be at most 240 months"),
  baselineWatts: z.number().int().min(0).max(20_000),
  kwhPriceMicros: microsIn.max(MAX_KWH_MICROS, "must be at most $10 per kWh"),
  maintenancePerMonthMicros: microsIn,
  vcpuSku: sku,
  ramSku: sku,
});
export type MachineCostValues = z.infer<typeof machineCostValues>;

export const updateMachineCostsIn = z.object({ machineId: id, ...machineCostValues.shape });

/** The price history of every SKU, oldest first per SKU, and the GPU models with the SKU each is priced as. */
export const priceCatalogOut = z.object({
  entries: z.array(
    z.object({
      id: z.string(),
      sku: z.string(),
      provider: z.string(),
      // The core's spelling: the input (addPriceIn) takes the stored one, with underscores.
      unit: z.enum(["gpu-hour", "vcpu-hour", "gb-hour"] satisfies PriceUnit[]),
      priceMicros: microsOut,
      effectiveFrom: instantOut,
      sourceNote: z.string(),
      referenceDefault: z.boolean().meta({ description: "Shipped with the portal as a reference price, not entered by an admin." }),
    }),
  ),
  gpuModels: z.array(z.object({ id: z.string(), name: z.string(), cloudSku: z.string().nullable(), boardPowerW: z.number().int() })),
});

/** One machine's cost settings as stored (the output twin of `machineCostValues`, without its input bounds). */
export const machineCostsOut = z.object({
  id: z.string(),
  name: z.string(),
  purchasePriceMicros: microsOut.nullable(),
  amortizationMonths: z.number().int(),
  baselineWatts: z.number().int(),
  kwhPriceMicros: microsOut,
  maintenancePerMonthMicros: microsOut,
  vcpuSku: z.string(),
  ramSku: z.string(),
});
