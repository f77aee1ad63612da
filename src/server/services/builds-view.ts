import { checkBuild, summarizeChecks } from "@/core/builds/checks";
import { buildTotalMicros, countOf, partLabel, type Part, type PartSpecs } from "@/core/builds/parts";
import { premiumAvoided } from "@/core/builds/premium";
import { formatUsd } from "@/core/costs/money";
import type { BuildData, BuildRow, PartData, QuoteData } from "@/server/db/builds";

/** Money columns are bigint; every build amount is bounded at input to stay exact as a number. */
function toPart(row: BuildRow["parts"][number]): Part {
  return {
    id: row.id,
    category: row.category,
    name: row.name,
    quantity: row.quantity,
    unitPriceMicros: Number(row.unitPriceMicros),
    specs: (row.specs ?? {}) as PartSpecs,
  };
}

/** What pages and API clients see of a build: its contents plus the numbers the core derives. */
export function buildView(row: BuildRow) {
  const parts = row.parts.map(toPart);
  const totalMicros = buildTotalMicros(parts);
  const checks = checkBuild(parts);
  const quotes = row.quotes.map((quote) => {
    const priceMicros = Number(quote.priceMicros);
    return {
      id: quote.id,
      vendor: quote.vendor,
      description: quote.description,
      priceMicros,
      premiumAvoidedMicros: premiumAvoided(totalMicros, priceMicros),
    };
  });
  // Quotes come cheapest first: the honest comparison is against the best offer.
  const bestQuote = quotes[0] ?? null;
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    notes: row.notes,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    parts,
    quotes,
    machine: row.machine,
    gpuCount: countOf(parts, "gpu"),
    totalMicros,
    /** What the build supplies as its machine's capex: the build total. */
    capexMicros: totalMicros,
    checks,
    checkSummary: summarizeChecks(checks),
    bestQuote,
  };
}
export type BuildView = ReturnType<typeof buildView>;

/** The row as the data a save would write, to compare with or to copy. */
export function dataOf(row: BuildRow): BuildData {
  return {
    name: row.name,
    status: row.status,
    notes: row.notes,
    parts: row.parts.map(({ category, name, quantity, unitPriceMicros, specs }) => ({
      category,
      name,
      quantity,
      unitPriceMicros: Number(unitPriceMicros),
      specs: (specs ?? {}) as PartSpecs,
    })),
    quotes: row.quotes.map(({ vendor, description, priceMicros }) => ({ vendor, description, priceMicros: Number(priceMicros) })),
  };
}

const sortedSpecs = (specs: PartSpecs) => Object.entries(specs).sort(([a], [b]) => a.localeCompare(b));
const partKey = (p: PartData) => JSON.stringify([p.category, p.name, p.quantity, p.unitPriceMicros, sortedSpecs(p.specs)]);
const quoteKey = (q: QuoteData) => JSON.stringify([q.vendor, q.description, q.priceMicros]);

/** Same contents, ignoring the order of quotes (they are listed cheapest first). */
export function sameData(a: BuildData, b: BuildData): boolean {
  const quotes = (data: BuildData) => data.quotes.map(quoteKey).sort().join();
  return (
    a.name === b.name &&
    a.status === b.status &&
    a.notes === b.notes &&
    JSON.stringify(a.parts.map(partKey)) === JSON.stringify(b.parts.map(partKey)) &&
    quotes(a) === quotes(b)
  );
}

/** "$5,992.00": audit snapshots are read by people. */
const usdText = (micros: number) => formatUsd(BigInt(micros));

const partLine = (p: PartData) => `${partLabel({ ...p, id: "" })} at ${usdText(p.unitPriceMicros)}`;
const specsText = (p: PartData) => sortedSpecs(p.specs).map(([key, value]) => `${key} ${value}`).join(", ") || "no specs";

/** Lines in `from` that `to` lacks, counting duplicates. */
function missingFrom(from: PartData[], to: PartData[]): PartData[] {
  const left = new Map<string, number>();
  for (const p of to) left.set(partKey(p), (left.get(partKey(p)) ?? 0) + 1);
  return from.filter((p) => {
    const n = left.get(partKey(p)) ?? 0;
    if (n > 0) left.set(partKey(p), n - 1);
    return n === 0;
  });
}

/**
 * The audit log's before and after of a build: totals and counts, and for a save only the part
 * lines that changed ("EVGA SuperNOVA 1600 T2 at $449.00 → EVGA SuperNOVA 2000 G+ at $529.00").
 * A line whose specs alone changed reads the same, so then its specs are spelled out.
 */
export function auditSnapshots(before: BuildData | null, after: BuildData | null) {
  const summary = (data: BuildData) => ({
    name: data.name,
    status: data.status,
    notes: data.notes.length > 200 ? `${data.notes.slice(0, 199)}…` : data.notes,
    parts: data.parts.length,
    total: usdText(buildTotalMicros(data.parts.map((p) => ({ ...p, id: "" })))),
    quotes: data.quotes.map((q) => `${q.vendor}: ${usdText(q.priceMicros)}`).sort(),
  });
  if (!before || !after) return { before: before && summary(before), after: after && summary(after) };
  const removed = missingFrom(before.parts, after.parts);
  const added = missingFrom(after.parts, before.parts);
  const specsOnly = removed.map(partLine).join() === added.map(partLine).join();
  const describe = (p: PartData) => (specsOnly ? `${partLine(p)} (${specsText(p)})` : partLine(p));
  return {
    before: { ...summary(before), changedParts: removed.map(describe) },
    after: { ...summary(after), changedParts: added.map(describe) },
  };
}
