import { z } from "zod";
import { instantOut, microsOut } from "./shared";

const waits = { medianWaitHours: z.number(), p90WaitHours: z.number() };

export const capacityReportOut = z
  .object({
    from: instantOut,
    until: instantOut,
    demand: z.object({
      weeks: z.array(z.object({ week: z.number().meta({ description: "Monday 00:00 UTC, epoch milliseconds." }), teamId: z.string(), teamName: z.string(), requests: z.number().int(), ...waits })),
      overall: z.object({ requests: z.number().int(), ...waits }),
      waitlistedGpuHours: z.number(),
      refusedGpuHours: z.number(),
    }),
    heldGpuHours: z.number(),
    usedGpuHours: z.number().nullable().meta({ description: "Null until the machines report telemetry." }),
  })
  .meta({ id: "CapacityReport" });
export type CapacityReportOut = z.infer<typeof capacityReportOut>;

const summary = z.object({ requests: z.number().int(), served: z.number().int(), ...waits, totalWaitHours: z.number(), servedGpuHours: z.number(), unservedGpuHours: z.number() });

export const whatIfOut = z
  .object({
    build: z.object({ id: z.string(), name: z.string(), status: z.string(), costMicros: microsOut, gpus: z.array(z.string()), threads: z.number().int(), ramGb: z.number().int() }),
    period: z.object({ from: instantOut, until: instantOut }),
    requests: z.object({ byNeed: z.number().int(), byMachine: z.number().int() }),
    baseline: summary,
    withMachine: summary,
    waitingAvoidedHours: z.number(),
    extraGpuHoursServed: z.number(),
    newMachineGpuHours: z.number(),
    newMachineValueMicros: z.number().meta({ description: "Cloud-equivalent of what the added machine served, micro-dollars." }),
    paybackMonths: z.number().nullable(),
    plain: z.object({ baseline: summary, withMachine: summary }).meta({ description: "The same replays without fair share and backfilling." }),
  })
  .meta({ id: "WhatIf" });
export type WhatIfOut = z.infer<typeof whatIfOut>;
