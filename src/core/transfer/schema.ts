import { z } from "zod";
import { QUOTA_POLICY_KEYS, quotaPolicyValues } from "@/contracts/admin";
import { gpuUuid, hostname } from "@/contracts/inventory";
import { whole } from "@/contracts/shared";
import { partSpecsSchema } from "@/core/builds/part-specs-schema";
import { PART_CATEGORIES } from "@/core/builds/parts";
import { linuxUsernameProblem } from "@/core/identity/linux-username";
import { ROLES } from "@/core/roles";
import { SLICE_STATUSES } from "@/core/slices/lifecycle";

/**
 * The inventory document, version 1: teams, users, GPU models, machines (with GPUs and cost
 * settings), builds, the price catalog, quotas and slices, as one JSON document. Its JSON Schema
 * is published at /api/v1/schema/inventory-v1.json. Records are matched by natural keys (team
 * name, user e-mail, GPU model name, machine name + GPU index, build name, price SKU + effective
 * date, quota team, slice externalId or machine + start + requester); names and e-mails match
 * case-insensitively. An optional field that is left out keeps the stored value (or takes its
 * default for a new record); an import never deletes anything.
 */
export const INVENTORY_DOCUMENT_VERSION = 1;

/** PostgreSQL cannot store NUL in text; saying so here puts the path of the field on the problem. */
const noNul = [(s: string) => !s.includes("\u0000"), "must not contain NUL characters (\\u0000)"] as const;
const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`).refine(...noNul);
const label = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min, min === 1 ? "must not be empty" : `must be at least ${min} characters`)
    .max(max, `must be at most ${max} characters`)
    .refine(...noNul);
const instant = z.iso.datetime({ offset: true, message: "must be an ISO 8601 date and time, e.g. 2018-06-15T00:00:00.000Z" });
/** Exact money: integer micro-dollars ($1 = 1,000,000) as a string of digits, at most $1 billion. */
// Zod runs every check even after one failed, so the bound converts only what the pattern let through.
const WHOLE_MICROS = /^\d{1,16}$/;
const micros = z
  .string()
  .regex(WHOLE_MICROS, 'must be whole micro-dollars as a string of digits, e.g. "1460000" for $1.46')
  .refine((s) => !WHOLE_MICROS.test(s) || BigInt(s) <= 10n ** 15n, "must be at most $1,000,000,000");
const sku = z.string().trim().min(2, "must be at least 2 characters").max(60, "must be at most 60 characters").regex(/^[\w.:-]+$/, "may contain letters, digits and . _ : -");

/** Same rule as the team form: letters, digits, spaces and . _ & -. */
const teamName = label(2, 60).regex(/^[\p{L}\p{N}][\p{L}\p{N} ._&-]*$/u, "may contain letters, digits, spaces and . _ & -");
const email = z.string().trim().max(254, "must be at most 254 characters").pipe(z.email("must be an e-mail address"));

export const teamRecord = z.strictObject({ name: teamName });

export const userRecord = z.strictObject({
  email,
  name: label(1, 120),
  team: teamName.meta({ description: "The team's name." }),
  roles: z.array(z.enum(ROLES)).max(ROLES.length).refine((r) => new Set(r).size === r.length, "must not repeat a role").optional().meta({
    description: "Roles an admin assigned in the portal (roles from the identity provider's groups are set at each sign-in).",
  }),
  active: z.boolean().optional(),
  linuxUsername: z
    .string()
    .trim()
    .superRefine((name, ctx) => {
      const problem = linuxUsernameProblem(name);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    })
    .nullable()
    .optional()
    .meta({ description: "POSIX user name on the GPU machines. Absent or null keeps the stored one; a new person without one gets the e-mail's local part." }),
});

export const gpuModelRecord = z.strictObject({
  name: label(2, 60),
  vramGb: whole(1, 1024),
  boardPowerW: whole(1, 2000),
  cloudSku: sku.nullable().optional().meta({ description: "The price SKU (per GPU-hour) this card is priced as in the cloud." }),
});

export const priceRecord = z.strictObject({
  provider: label(2, 40),
  sku,
  unit: z.enum(["gpu_hour", "vcpu_hour", "gb_hour"], { message: "must be gpu_hour, vcpu_hour or gb_hour" }),
  priceMicros: micros,
  effectiveFrom: instant,
  sourceNote: text(300).optional(),
});

const specNumber = whole(0, 1_000_000).optional();
const specText = label(1, 40).optional();

export const buildRecord = z.strictObject({
  name: label(2, 100),
  status: z.enum(["planned", "ordered", "in_service"], { message: "must be planned, ordered or in_service" }).optional(),
  notes: text(5000).optional(),
  parts: z
    .array(
      z.strictObject({
        category: z.enum(PART_CATEGORIES, { message: `must be one of ${PART_CATEGORIES.join(", ")}` }),
        name: label(1, 200),
        quantity: whole(0, 1000),
        unitPriceMicros: micros,
        specs: partSpecsSchema(specNumber, specText).optional(),
      }),
    )
    .max(100, "must have at most 100 parts")
    .optional(),
  quotes: z
    .array(z.strictObject({ vendor: label(1, 100), description: text(300).optional(), priceMicros: micros, quotedAt: instant.nullable().optional() }))
    .max(20, "must have at most 20 quotes")
    .optional(),
});

export const machineRecord = z.strictObject({
  name: hostname,
  location: text(120).optional(),
  status: z.enum(["active", "maintenance", "retired"], { message: "must be active, maintenance or retired" }).optional(),
  cpuModel: label(2, 120),
  cores: whole(1, 1024),
  threads: whole(1, 2048),
  ramGb: whole(1, 65_536),
  storage: text(200).optional(),
  inServiceAt: instant,
  retiredAt: instant.nullable().optional(),
  reservedThreads: whole(0, 2048).optional(),
  reservedRamGb: whole(0, 65_536).optional(),
  build: label(2, 100).nullable().optional().meta({ description: "The name of the build the machine came from." }),
  costs: z
    .strictObject({
      purchasePriceMicros: micros.nullable().optional().meta({ description: "Explicit capex; when null the build's total is the capex." }),
      amortizationMonths: whole(1, 240).optional(),
      baselineWatts: whole(0, 20_000).optional(),
      kwhPriceMicros: micros.optional(),
      maintenancePerMonthMicros: micros.optional(),
      vcpuSku: sku.optional(),
      ramSku: sku.optional(),
    })
    .optional(),
  gpus: z
    .array(z.strictObject({ index: whole(0, 63), model: label(2, 60).meta({ description: "The GPU model's name." }), uuid: gpuUuid.nullable().optional() }))
    .max(64, "must be at most 64 GPUs")
    .optional()
    .meta({ description: "GPUs by index (0..n-1); listed GPUs are added or updated, others are kept." }),
});

// Derived from the quota contract; version 1 of the document predates the serving limit, so it is left out.
export const quotaRecord = z.strictObject({
  team: teamName.nullable().meta({ description: "The team whose overrides these are; null for the fleet-wide defaults." }),
  ...quotaPolicyValues.omit({ teamMaxServingGpus: true }).partial().shape,
});
export const QUOTA_RECORD_LIMITS = QUOTA_POLICY_KEYS.filter((k): k is Exclude<typeof k, "teamMaxServingGpus"> => k !== "teamMaxServingGpus");

export const sliceRecord = z.strictObject({
  externalId: label(1, 100)
    .optional()
    .meta({ description: "A stable id (e.g. a spreadsheet row id); exports carry the slice's own id. Without it, a slice is matched by machine + start + requester." }),
  machine: hostname,
  requester: email.meta({ description: "The requester's e-mail." }),
  team: teamName.optional().meta({ description: "The team charged; default: the requester's team." }),
  status: z.enum(SLICE_STATUSES).optional().meta({ description: "Default: approved (imported slices are usually history)." }),
  gpuCount: whole(1, 64).optional(),
  gpus: z.array(whole(0, 63)).max(64).optional().meta({ description: "Indices of the GPUs an approved slice held." }),
  threads: whole(0, 2048).optional(),
  ramGb: whole(0, 65_536).optional(),
  start: instant,
  end: instant,
  releasedAt: instant.nullable().optional(),
  purpose: label(1, 500).optional(),
  decidedBy: email.nullable().optional().meta({ description: "E-mail of the admin who decided; null for auto-approval." }),
  decidedAt: instant.nullable().optional(),
  decisionReason: text(500).nullable().optional(),
  overrideReason: text(500).nullable().optional(),
});

/** Each section's records, and how many a document may hold. */
export const SECTION_RECORDS = {
  teams: { record: teamRecord, max: 10_000, component: "InventoryTeam" },
  users: { record: userRecord, max: 100_000, component: "InventoryUser" },
  gpuModels: { record: gpuModelRecord, max: 10_000, component: "InventoryGpuModel" },
  prices: { record: priceRecord, max: 100_000, component: "InventoryPrice" },
  builds: { record: buildRecord, max: 10_000, component: "InventoryBuild" },
  machines: { record: machineRecord, max: 10_000, component: "InventoryMachine" },
  quotas: { record: quotaRecord, max: 10_000, component: "InventoryQuota" },
  slices: { record: sliceRecord, max: 1_000_000, component: "InventorySlice" },
} as const;
export type SectionName = keyof typeof SECTION_RECORDS;

const section = <T extends z.ZodType>(items: T, name: SectionName) => {
  const { max } = SECTION_RECORDS[name];
  return z.array(items).max(max, `must have at most ${max.toLocaleString("en-US")} entries`).optional();
};
const envelope = { $schema: z.string().optional(), version: z.literal(INVENTORY_DOCUMENT_VERSION, { message: `must be ${INVENTORY_DOCUMENT_VERSION}` }) };

export const inventoryDocument = z
  .strictObject({
    ...envelope,
    teams: section(teamRecord, "teams"),
    users: section(userRecord, "users"),
    gpuModels: section(gpuModelRecord, "gpuModels"),
    prices: section(priceRecord, "prices"),
    builds: section(buildRecord, "builds"),
    machines: section(machineRecord, "machines"),
    quotas: section(quotaRecord, "quotas"),
    slices: section(sliceRecord, "slices"),
  })
  .meta({ id: "InventoryDocument", title: "Rigshare inventory document, version 1" });

/** A section whose records are checked one by one later; the OpenAPI document still shows their schema. */
const uncheckedSection = (name: SectionName) =>
  section(z.unknown(), name).meta({
    override: ({ jsonSchema }: { jsonSchema: Record<string, unknown> }) => {
      jsonSchema.items = { $ref: `#/components/schemas/${SECTION_RECORDS[name].component}` };
    },
  });

/**
 * The document with its records left unchecked, so an import can check each record on its own and
 * report every problem of every record at once (see parse.ts). rest/document.ts registers the record
 * schemas the OpenAPI document refers to.
 */
export const inventoryEnvelope = z.strictObject({
  ...envelope,
  teams: uncheckedSection("teams"),
  users: uncheckedSection("users"),
  gpuModels: uncheckedSection("gpuModels"),
  prices: uncheckedSection("prices"),
  builds: uncheckedSection("builds"),
  machines: uncheckedSection("machines"),
  quotas: uncheckedSection("quotas"),
  slices: uncheckedSection("slices"),
});

export type InventoryDocument = z.infer<typeof inventoryDocument>;
export type TeamInput = z.infer<typeof teamRecord>;
export type UserInput = z.infer<typeof userRecord>;
export type GpuModelInput = z.infer<typeof gpuModelRecord>;
export type PriceInput = z.infer<typeof priceRecord>;
export type BuildInput = z.infer<typeof buildRecord>;
export type MachineInput = z.infer<typeof machineRecord>;
export type QuotaInput = z.infer<typeof quotaRecord>;
export type SliceInput = z.infer<typeof sliceRecord>;
