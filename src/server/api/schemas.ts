import { z } from "zod";
import { partSpecsSchema } from "@/core/builds/part-specs-schema";
import { PART_CATEGORIES, type PartSpecs } from "@/core/builds/parts";
import { ROLES } from "@/core/roles";

/** Input pieces shared by routers (and later the REST layer). */
export const id = z.uuid({ message: "must be a valid id" });
export const teamName = z
  .string()
  .trim()
  .min(2, "must be at least 2 characters")
  .max(60, "must be at most 60 characters")
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} ._&-]*$/u, "may contain letters, digits, spaces and . _ & -");
export const roles = z.array(z.enum(ROLES)).max(ROLES.length).refine((r) => new Set(r).size === r.length, "must not repeat a role");
export const reason = z.string().trim().min(3, "must be at least 3 characters").max(500, "must be at most 500 characters");
/** Checked in full by the core (src/core/identity/linux-username.ts), which names the rule broken. */
export const linuxUsername = z.string().trim().max(64, "must be at most 64 characters");
export const search = z.string().trim().max(100, "must be at most 100 characters").optional();

// ---- Builds: a parts list, its vendor quotes and status (src/core/builds/parts.ts). ----

export const BUILD_STATUSES = ["planned", "ordered", "in_service"] as const;
export type BuildStatus = (typeof BUILD_STATUSES)[number];
export const buildStatus = z.enum(BUILD_STATUSES, { message: "must be planned, ordered or in_service" });

/** Upper bound of every spec number: far above any real part, low enough to stay exact. */
export const MAX_SPEC_VALUE = 1_000_000;
/** A build's parts and each quote stay at most $1 billion, so totals are exact in a double. */
export const MAX_BUILD_MICROS = 1_000_000_000 * 1_000_000;
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

/** Inventory: machines, GPUs and GPU models. */
const wholeNumber = (min: number, max: number) =>
  z
    .number({ message: "must be a number" })
    .int("must be a whole number")
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);
const label = (min: number, max: number) =>
  z.string().trim().min(min, min === 1 ? "must not be empty" : `must be at least ${min} characters`).max(max, `must be at most ${max} characters`);

/** A date between 1990 and 2100; dates are stored and shown in UTC. */
export const utcDate = z
  .date({ message: "must be a valid date" })
  .refine((d) => d.getUTCFullYear() >= 1990 && d.getUTCFullYear() <= 2100, "must be between 1990 and 2100");

/** Hostnames are case-insensitive, so they are stored lower-case. */
export const hostname = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "must not be empty")
  .max(253, "must be at most 253 characters")
  .regex(/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/, "must be a hostname: letters, digits and hyphens (e.g. zeus)");

export const machineStatus = z.enum(["active", "maintenance", "retired"], { message: "must be active, maintenance or retired" });

export const machineFields = {
  name: hostname,
  location: z.string().trim().max(120, "must be at most 120 characters").optional(),
  cpuModel: label(2, 120),
  cores: wholeNumber(1, 1024),
  threads: wholeNumber(1, 2048),
  ramGb: wholeNumber(1, 65_536),
  storage: z.string().trim().max(200, "must be at most 200 characters").optional(),
  inServiceAt: utcDate,
  reservedThreads: wholeNumber(0, 2048).optional(),
  reservedRamGb: wholeNumber(0, 65_536).optional(),
};

/** As `nvidia-smi -L` prints it; the UUID stays with the card when indices change across reboots. */
export const gpuUuid = z
  .string()
  .trim()
  .regex(/^GPU-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, "must look like GPU-xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx (see nvidia-smi -L)");

export const gpuIndex = wholeNumber(0, 63);

export const gpuModelFields = {
  name: label(2, 60),
  vramGb: wholeNumber(1, 1024),
  boardPowerW: wholeNumber(1, 2000),
};
