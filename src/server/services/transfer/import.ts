import { createHash } from "node:crypto";
import { AppError } from "@/core/errors";
import { asSentence } from "@/core/sentence";
import { parseInventoryDocument } from "@/core/transfer/parse";
import { inDocumentOrder, planImport } from "@/core/transfer/plan";
import { SECTIONS, type ImportPlan, type Problem, type Section } from "@/core/transfer/plan-model";
import { canonical } from "@/core/transfer/records";
import { recordAudit } from "@/server/db/audit";
import { findInventoryRows, lockForImport } from "@/server/db/transfer";
import { refreshSliceStatistics } from "@/server/db/slices";
import { read, transaction } from "@/server/db/tx";
import type { Actor } from "../actor";
import { applyPlan } from "./apply";
import { sliceIdFor } from "./ids";
import { toSnapshot } from "./snapshot";

export interface ImportResult {
  /** False for a dry run, and for a document that matches what is stored. */
  wrote: boolean;
  dryRun: boolean;
  created: Record<Section, number>;
  updated: Record<Section, number>;
  unchanged: Record<Section, number>;
  warnings: Problem[];
}

/** Years of history take a while to check and write; everything still happens in one transaction. */
const IMPORT_TIMEOUT_MS = 10 * 60_000;
/** From this many new slices an import is a bulk load: the planner's statistics are refreshed after it. */
const BULK_SLICES = 1_000;

function refuse(problems: Problem[], warnings: Problem[] = []): AppError {
  const [first] = problems;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? "s" : ""}; see details.problems)` : "";
  return new AppError("VALIDATION", asSentence(`Nothing was imported: ${first!.path ? `${first!.path}: ` : ""}${first!.message}${more}`), {
    field: first!.path,
    details: { problems, warnings },
  });
}

const count = (plan: ImportPlan, created: boolean) =>
  Object.fromEntries(SECTIONS.map((s) => [s, (plan[s] as { before: unknown }[]).filter((c) => (c.before === null) === created).length])) as Record<Section, number>;

/**
 * Imports an inventory document: all or nothing, in one transaction that locks every team and
 * machine. Everything is validated first (the document's shape, then every reference and
 * invariant against what is stored) and every problem is reported with its path; only a clean
 * document writes anything. Records are upserted by natural key and unchanged ones are left
 * alone, so importing the same document twice changes nothing (and audits nothing).
 * `actor` is null for the command line.
 */
export async function importInventory(actor: Actor | null, raw: unknown, now: Date, options: { dryRun?: boolean; source: string }): Promise<ImportResult> {
  const parsed = parseInventoryDocument(raw);
  if (!("doc" in parsed)) throw refuse(parsed.problems);
  const { doc, skipped } = parsed;
  const result = await transaction(
    async (tx) => {
      await lockForImport(tx);
      const { document, ids } = toSnapshot(await findInventoryRows(tx));
      const { problems, warnings, plan } = planImport(doc, document, { now: now.getTime(), sliceIdFor, skipped });
      if (parsed.problems.length + problems.length > 0) throw refuse(inDocumentOrder([...parsed.problems, ...problems]), warnings);
      const created = count(plan, true);
      const updated = count(plan, false);
      const changes = SECTIONS.some((s) => created[s] > 0 || updated[s] > 0);
      const dryRun = options.dryRun ?? false;
      const result = { wrote: changes && !dryRun, dryRun, created, updated, unchanged: plan.unchanged, warnings };
      if (!result.wrote) return result;
      await applyPlan(tx, plan, ids);
      await recordAudit(tx, {
        actorId: actor?.id ?? null,
        action: "data.import",
        subjectType: "import",
        subjectId: createHash("sha256").update(canonical(doc)).digest("hex").slice(0, 16),
        after: { created, updated },
        reason: options.source,
      });
      return result;
    },
    { timeoutMs: IMPORT_TIMEOUT_MS },
  );
  if (result.wrote && result.created.slices >= BULK_SLICES) await read(refreshSliceStatistics);
  return result;
}
