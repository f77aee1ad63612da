import { z } from "zod";
import { SECTIONS } from "@/core/transfer/plan-model";

const perSection = z.object(Object.fromEntries(SECTIONS.map((s) => [s, z.number().int()])) as Record<(typeof SECTIONS)[number], z.ZodNumber>);

export const importResultOut = z
  .object({
    wrote: z.boolean().meta({ description: "False for a dry run, and when the document matches what is stored (importing it again changes nothing)." }),
    dryRun: z.boolean(),
    created: perSection,
    updated: perSection,
    unchanged: perSection,
    warnings: z.array(z.object({ path: z.string(), message: z.string() })).meta({ description: "Things that did not stop the import, e.g. a SKU with no price yet." }),
  })
  .meta({ id: "ImportResult" });
