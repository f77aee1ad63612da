import { z } from "zod";
import { partSpecsSchema } from "@/core/builds/part-specs-schema";
import { MAX_BUILD_MICROS, PART_CATEGORIES, type PartSpecs } from "@/core/builds/parts";
import { id } from "./shared";

/** The builds feature: a parts list, its vendor quotes and status (src/core/builds/parts.ts). */
export const BUILD_STATUSES = ["planned", "ordered", "in_service"] as const;
export type BuildStatus = (typeof BUILD_STATUSES)[number];
export const buildStatus = z.enum(BUILD_STATUSES, { message: "must be planned, ordered or in_service" });

/** Upper bound of every spec number: far above any real part, low enough to stay exact. */
export const MAX_SPEC_VALUE = 1_000_000;
export const MAX_PART_QUANTITY = 1000;
export const MAX_PARTS = 100;
export const MAX_QUOTES = 20;

const specNumber = z
  .number({ message: "must be a number" })
  .int("must be a whole number")
  .min(0, "must be 0 or more")
  .max(MAX_SPEC_VALUE, `must be at most ${MAX_SPEC_VALUE.toLocaleString("en-US")}`)
  .optional();
const specText = z.string().trim().min(1, "must not be empty").max(40, "must be at most 40 characters").optional();

export const partSpecs = partSpecsSchema(specNumber, specText) satisfies z.ZodType<PartSpecs>;

const microDollars = z
  .number({ message: "must be a number" })
  .int("must be whole micro-dollars")
  .min(0, "must be 0 or more")
  .max(MAX_BUILD_MICROS, "must be at most $1,000,000,000");

export const buildPart = z.object({
  category: z.enum(PART_CATEGORIES, { message: `must be one of ${PART_CATEGORIES.join(", ")}` }),
  name: z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters"),
  quantity: z
    .number({ message: "must be a number" })
    .int("must be a whole number")
    .min(0, "must be 0 or more")
    .max(MAX_PART_QUANTITY, `must be at most ${MAX_PART_QUANTITY}`),
  unitPriceMicros: microDollars,
  specs: partSpecs.default({}),
});

export const vendorQuote = z.object({
  vendor: z.string().trim().min(1, "must not be empty").max(100, "must be at most 100 characters"),
  description: z.string().trim().max(300, "must be at most 300 characters").default(""),
  priceMicros: microDollars,
});

export const buildName = z
  .string()
  .trim()
  .min(2, "must be at least 2 characters")
  .max(100, "must be at most 100 characters");

/** Everything the editor saves at once. The total is summed exactly (bigint) before it is bounded. */
export const buildContents = z.object({
  name: buildName,
  status: buildStatus.default("planned"),
  notes: z.string().trim().max(5000, "must be at most 5000 characters").default(""),
  parts: z
    .array(buildPart)
    .max(MAX_PARTS, `must have at most ${MAX_PARTS} parts`)
    .refine(
      (parts) => parts.reduce((sum, p) => sum + BigInt(p.quantity) * BigInt(p.unitPriceMicros), 0n) <= BigInt(MAX_BUILD_MICROS),
      "must add up to at most $1,000,000,000",
    )
    .default([]),
  quotes: z.array(vendorQuote).max(MAX_QUOTES, `must have at most ${MAX_QUOTES} quotes`).default([]),
});
export type BuildContentsInput = z.input<typeof buildContents>;
/** A build's contents as stored: name, status, notes, parts and quotes (micro-dollars as numbers). */
export type BuildContents = z.output<typeof buildContents>;


export const buildRef = z.object({ buildId: id });
export const saveBuildIn = buildContents.extend({ buildId: id, expectedUpdatedAt: z.date({ message: "must be the build's last updatedAt" }) });
export const linkBuildIn = buildRef.extend({ machineId: id });
