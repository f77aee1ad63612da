import type { BuildRecord, GpuModelRecord, MachineRecord, PriceRecord, QuotaRecord, SliceRecord, TeamRecord, UserRecord } from "./records";
import type { InventoryDocument, SectionName } from "./schema";

/**
 * A document whose sections may have holes: records that failed their own schema (reported
 * already) are left out but keep their place, so every path still points into the document.
 */
export type CheckedDocument = { version: 1 } & {
  [K in SectionName]?: (NonNullable<InventoryDocument[K]>[number] | undefined)[];
};

/** Keys of the records left out that way, so references to them are not reported as unknown too. */
export type SkippedKeys = Partial<Record<"teams" | "users" | "gpuModels" | "builds" | "machines", ReadonlySet<string>>>;

/** One thing wrong with a document, at its path (`machines[2].gpus[1].model`). */
export interface Problem {
  path: string;
  message: string;
}

export const SECTIONS = ["teams", "users", "gpuModels", "prices", "builds", "machines", "quotas", "slices"] as const;
export type Section = (typeof SECTIONS)[number];

/** A record the import creates (`before` null) or changes. */
export interface Change<T> {
  key: string;
  path: string;
  record: T;
  before: T | null;
}

/** Slices also carry their id: the stored one, the one their externalId gives, or null for a new id. */
export interface SliceChange extends Change<SliceRecord> {
  id: string | null;
}

export interface ImportPlan {
  teams: Change<TeamRecord>[];
  users: Change<UserRecord>[];
  gpuModels: Change<GpuModelRecord>[];
  prices: Change<PriceRecord>[];
  builds: Change<BuildRecord>[];
  machines: Change<MachineRecord>[];
  quotas: Change<QuotaRecord>[];
  slices: SliceChange[];
  unchanged: Record<Section, number>;
}

export interface ImportOutcome {
  /** Every reason the document cannot be imported; the import goes ahead only when empty. */
  problems: Problem[];
  /** Things that will not stop the import but that someone should know (e.g. an unpriced SKU). */
  warnings: Problem[];
  plan: ImportPlan;
}
