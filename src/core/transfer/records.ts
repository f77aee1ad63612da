import type { BuildInput, GpuModelInput, MachineInput, PriceInput, QuotaInput, SliceInput, TeamInput, UserInput } from "./schema";

/**
 * Complete records: what an export writes and what an import resolves each listed record to
 * (the stored values overlaid with the document's, defaults for a new record). They are the
 * document's records (schema.ts) with every field present. Instants are ISO strings in UTC,
 * money integer micro-dollars as strings, references natural keys.
 */
type Complete<T> = { [K in keyof T]-?: Exclude<T[K], undefined> };

export type TeamRecord = Complete<TeamInput>;
/** linuxUsername is null only for a new person the document gives none: the database then derives it from the e-mail. */
export type UserRecord = Complete<UserInput>;
export type GpuModelRecord = Complete<GpuModelInput>;
export type PriceUnit = PriceInput["unit"];
export type PriceRecord = Complete<PriceInput>;
export type PartRecord = Complete<NonNullable<BuildInput["parts"]>[number]>;
export type QuoteRecord = Complete<NonNullable<BuildInput["quotes"]>[number]>;
export type BuildRecord = Omit<Complete<BuildInput>, "parts" | "quotes"> & { parts: PartRecord[]; quotes: QuoteRecord[] };
export type MachineCostsRecord = Complete<NonNullable<MachineInput["costs"]>>;
export type GpuRecord = Complete<NonNullable<MachineInput["gpus"]>[number]>;
export type MachineRecord = Omit<Complete<MachineInput>, "costs" | "gpus"> & { costs: MachineCostsRecord; gpus: GpuRecord[] };
export type QuotaRecord = Complete<QuotaInput>;
/** externalId is, for a stored slice, its id. */
export type SliceRecord = Complete<SliceInput>;

export interface CompleteDocument {
  version: 1;
  teams: TeamRecord[];
  users: UserRecord[];
  gpuModels: GpuModelRecord[];
  prices: PriceRecord[];
  builds: BuildRecord[];
  machines: MachineRecord[];
  quotas: QuotaRecord[];
  slices: SliceRecord[];
}

/** The database's column defaults (prisma/schema.prisma), for new records that leave a field out. */
export const MACHINE_DEFAULTS: Pick<MachineRecord, "location" | "status" | "storage" | "retiredAt" | "reservedThreads" | "reservedRamGb"> = {
  location: "",
  status: "active",
  storage: "",
  retiredAt: null,
  reservedThreads: 1,
  reservedRamGb: 8,
};
export const COST_DEFAULTS: MachineCostsRecord = {
  purchasePriceMicros: null,
  amortizationMonths: 36,
  baselineWatts: 100,
  kwhPriceMicros: "130000",
  maintenancePerMonthMicros: "0",
  vcpuSku: "gcp-n1-vcpu",
  ramSku: "gcp-n1-ram-gb",
};
export const IMPORTED_PURPOSE = "Imported history";

/** Natural keys; names and e-mails match case-insensitively, as the portal's own lookups do. */
export const keys = {
  team: (name: string) => name.toLowerCase(),
  user: (email: string) => email.toLowerCase(),
  gpuModel: (name: string) => name.toLowerCase(),
  price: (sku: string, effectiveFrom: string) => `${sku}@${Date.parse(effectiveFrom)}`,
  build: (name: string) => name.toLowerCase(),
  machine: (name: string) => name.toLowerCase(),
  quota: (team: string | null) => (team === null ? "" : team.toLowerCase()),
  sliceNatural: (machine: string, start: string, requester: string) => `${machine.toLowerCase()}|${Date.parse(start)}|${requester.toLowerCase()}`,
};

/** The canonical spelling of an instant, so "…T00:00:00Z" and "…T00:00:00.000Z" compare equal. */
export const iso = (value: string) => new Date(value).toISOString();

/** Quotes have no order of their own; sorting them makes equal lists compare equal. */
export function sortQuotes(quotes: QuoteRecord[]): QuoteRecord[] {
  const key = (q: QuoteRecord) => JSON.stringify([q.vendor, q.description, q.priceMicros.padStart(20, "0"), q.quotedAt ?? ""]);
  return [...quotes].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** JSON with sorted keys: two records are the same when their canonical strings are. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/** The fields of `value` that are set, so `{ ...stored, ...given(input) }` keeps what the input leaves out. */
export function given<T extends object>(value: T | undefined): Partial<T> {
  if (!value) return {};
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

const byKeys =
  <T>(...of: ((item: T) => string)[]) =>
  (a: T, b: T): number => {
    for (const key of of) {
      const [x, y] = [key(a), key(b)];
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  };

/** Every section in one fixed order (code points, not a database collation), so exports are reproducible. */
export function sortDocument(doc: CompleteDocument): CompleteDocument {
  const lower = (s: string) => s.toLowerCase();
  const instant = (s: string) => String(Date.parse(s)).padStart(16, "0");
  return {
    version: doc.version,
    teams: [...doc.teams].sort(byKeys((t) => lower(t.name), (t) => t.name)),
    users: [...doc.users].sort(byKeys((u) => lower(u.email), (u) => u.email)),
    gpuModels: [...doc.gpuModels].sort(byKeys((m) => lower(m.name), (m) => m.name)),
    prices: [...doc.prices].sort(byKeys((p) => p.sku, (p) => instant(p.effectiveFrom))),
    builds: [...doc.builds].sort(byKeys((b) => lower(b.name), (b) => b.name)),
    machines: [...doc.machines].sort(byKeys((m) => m.name)),
    quotas: [...doc.quotas].sort(byKeys((q) => (q.team === null ? "" : `~${lower(q.team)}`))),
    slices: [...doc.slices].sort(byKeys((s) => instant(s.start), (s) => s.machine, (s) => lower(s.requester), (s) => s.externalId)),
  };
}
