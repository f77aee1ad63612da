import { readFile, writeFile } from "node:fs/promises";
import { basename } from "node:path";
import { AppError } from "@/core/errors";
import { findUserByEmail } from "@/server/db/users";
import { migrate } from "@/server/platform/migrate";
import { read } from "@/server/db/tx";
import { toActor } from "@/server/services/actor";
import { createToken } from "@/server/services/tokens";
import { exportInventory } from "@/server/services/transfer/export";
import { importInventory, type ImportResult } from "@/server/services/transfer/import";
import { withDatabase } from "./database";

/** Commands that work on the database directly, as its operator (no token; the audit log names no person). */

export async function migrateCommand(): Promise<void> {
  await withDatabase(async (url) => {
    const { applied } = await migrate(url);
    console.log(applied.length > 0 ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "The database is up to date.");
  });
}

const sections = (counts: Record<string, number>) =>
  Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([section, n]) => `${n} ${section}`)
    .join(", ") || "nothing";

function describeResult(result: ImportResult): string {
  const lines = [
    result.dryRun ? "Dry run: nothing was written." : result.wrote ? "Imported." : "Nothing to do: the database already matches the document.",
    `  created:   ${sections(result.created)}`,
    `  updated:   ${sections(result.updated)}`,
    `  unchanged: ${sections(result.unchanged)}`,
  ];
  for (const w of result.warnings) lines.push(`  warning: ${w.path}: ${w.message}`);
  return lines.join("\n");
}

export async function importCommand(file: string, options: { dryRun: boolean }): Promise<void> {
  let document: unknown;
  try {
    document = JSON.parse(await readFile(file, "utf8"));
  } catch (error) {
    throw new AppError("VALIDATION", `${file} is not a readable JSON document: ${(error as Error).message}`);
  }
  const result = await withDatabase(() => importInventory(null, document, new Date(), { dryRun: options.dryRun, source: `Imported with the command line from ${basename(file)}` }));
  console.log(describeResult(result));
}

export async function exportCommand(file: string | undefined): Promise<void> {
  const document = await withDatabase(() => exportInventory());
  const json = `${JSON.stringify(document, null, 2)}\n`;
  // Wait for the write: the command exits right after, which would cut a piped document short.
  if (!file) return new Promise((resolve, reject) => process.stdout.write(json, (error) => (error ? reject(error) : resolve())));
  await writeFile(file, json);
  console.error(`Exported ${document.machines.length} machines and ${document.slices.length} slices to ${file}.`);
}

/** For scripting: a write token of an active admin, printed alone on stdout. */
export async function createAdminTokenCommand(email: string, options: { days: number; name: string }): Promise<void> {
  const token = await withDatabase(async () => {
    const user = await read((client) => findUserByEmail(client, email));
    if (!user || !user.active) throw new AppError("NOT_FOUND", `There is no active user ${email}.`, { field: "email" });
    const actor = toActor(user);
    if (!actor.roles.includes("admin")) throw new AppError("FORBIDDEN", `${email} is not an admin (roles: ${actor.roles.join(", ") || "none"}).`, { field: "email" });
    return createToken(actor, { name: options.name, scope: "write", expiresInDays: options.days }, new Date());
  });
  console.error(`Created "${token.name}" for ${email}, a write token expiring ${token.expiresAt.toISOString()}. It is shown only now:`);
  console.log(token.token);
}
