import { formatFieldPath } from "@/core/field-path";
import type { CheckedDocument, Problem, SkippedKeys } from "./plan-model";
import { keys } from "./records";
import { inventoryEnvelope, SECTION_RECORDS, type SectionName } from "./schema";

/** Where a record's natural key is, for the sections other records refer to. */
const KEY_OF: Partial<Record<SectionName, (raw: Record<string, unknown>) => string | undefined>> = {
  teams: (r) => (typeof r.name === "string" ? keys.team(r.name.trim()) : undefined),
  users: (r) => (typeof r.email === "string" ? keys.user(r.email.trim()) : undefined),
  gpuModels: (r) => (typeof r.name === "string" ? keys.gpuModel(r.name.trim()) : undefined),
  builds: (r) => (typeof r.name === "string" ? keys.build(r.name.trim()) : undefined),
  machines: (r) => (typeof r.name === "string" ? keys.machine(r.name.trim()) : undefined),
};

/**
 * Checks a document's envelope, then each record against its own schema, so one bad record does
 * not hide the problems of the others (or of the references planImport checks next). A record
 * that fails is reported and left out, keeping its place; its key is noted in `skipped`.
 */
export function parseInventoryDocument(raw: unknown): { doc: CheckedDocument; skipped: SkippedKeys; problems: Problem[] } | { problems: Problem[] } {
  const parsed = inventoryEnvelope.safeParse(raw);
  if (!parsed.success) return { problems: parsed.error.issues.map((i) => ({ path: formatFieldPath(i.path), message: i.message })) };
  const problems: Problem[] = [];
  const skipped: { [K in keyof SkippedKeys]: Set<string> } = {};
  const doc: Record<string, unknown> = { version: parsed.data.version };
  for (const name of Object.keys(SECTION_RECORDS) as SectionName[]) {
    const records = parsed.data[name];
    if (!records) continue;
    doc[name] = records.map((record, index) => {
      const result = SECTION_RECORDS[name].record.safeParse(record);
      if (result.success) return result.data;
      problems.push(...result.error.issues.map((i) => ({ path: formatFieldPath([name, index, ...i.path]), message: i.message })));
      const keyOf = KEY_OF[name];
      const key = keyOf && record && typeof record === "object" ? keyOf(record as Record<string, unknown>) : undefined;
      if (key !== undefined) (skipped[name as keyof SkippedKeys] ??= new Set()).add(key);
      return undefined;
    });
  }
  return { doc: doc as CheckedDocument, skipped, problems };
}
