/**
 * Applies prisma/migrations the way `prisma migrate deploy` does, without Prisma's native schema
 * engine (which cannot be downloaded on these machines). The bookkeeping in `_prisma_migrations`
 * is Prisma's own, so `prisma migrate deploy` and `migrate status` keep working wherever a native
 * engine exists, and the two can run against the same database.
 */
import { createHash, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import pg from "pg";
import type { DbLogger } from "./embedded";

export const MIGRATIONS_DIR = join(process.cwd(), "prisma", "migrations");

/** The key Prisma's schema engine locks, so our runs and Prisma's exclude each other too. */
const PRISMA_ADVISORY_LOCK = 72707369;

/** Prisma's DDL for PostgreSQL, verbatim from the schema engine. */
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
);`;

const silent: DbLogger = { debug() {}, info() {}, warn() {} };

export interface MigrationFile {
  /** Directory name, e.g. `20261127000000_init`: also the order. */
  name: string;
  script: string;
  checksum: string;
}

interface MigrationRow {
  id: string;
  checksum: string;
  migration_name: string;
  logs: string | null;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

export class MigrationError extends Error {}

/** The migration folders in the order Prisma applies them: by directory name. */
export async function readMigrations(dir = MIGRATIONS_DIR): Promise<MigrationFile[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return Promise.all(
    names.map(async (name) => {
      const file = join(dir, name, "migration.sql");
      if (!existsSync(file)) throw new MigrationError(`${join(dir, name)} has no migration.sql`);
      const script = await readFile(file, "utf8");
      return { name, script, checksum: sha256(script) };
    }),
  );
}

/**
 * Applies every migration not yet recorded in `_prisma_migrations`, in order, each in its own
 * transaction with its bookkeeping row, so a failed migration leaves no trace and can simply be
 * fixed and re-run. Migration scripts must therefore be transactional (no CREATE INDEX
 * CONCURRENTLY, no explicit BEGIN/COMMIT).
 */
export async function migrate(
  databaseUrl: string,
  log: DbLogger = silent,
  options: { migrationsDir?: string } = {},
): Promise<{ applied: string[] }> {
  const migrations = await readMigrations(options.migrationsDir);
  const client = new pg.Client({ connectionString: databaseUrl, application_name: "rigshare-migrate" });
  // A connection lost between queries is reported here; without a listener it would crash the
  // process instead of failing the next query.
  client.on("error", (error) => log.warn(`database connection lost: ${error.message}`));
  await client.connect();
  try {
    await lock(client, log);
    try {
      await ensureMigrationsTable(client, log);
      const applied = await checkHistory(client, migrations, log);
      const pending = migrations.filter((migration) => !applied.has(migration.name));
      for (const migration of pending) await apply(client, migration, log);
      return { applied: pending.map((migration) => migration.name) };
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_ADVISORY_LOCK]).catch(() => undefined);
    }
  } finally {
    await client.end();
  }
}

async function lock(client: pg.Client, log: DbLogger) {
  const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [
    PRISMA_ADVISORY_LOCK,
  ]);
  if (rows[0]?.locked) return;
  log.info("another process is migrating this database; waiting for it to finish");
  await client.query("SET lock_timeout = '120s'");
  await client.query("SELECT pg_advisory_lock($1)", [PRISMA_ADVISORY_LOCK]);
  await client.query("RESET lock_timeout");
}

async function ensureMigrationsTable(client: pg.Client, log: DbLogger) {
  const { rows } = await client.query<{ found: string | null }>("SELECT to_regclass('_prisma_migrations')::text AS found");
  if (rows[0]?.found) return;
  // Like Prisma (P3005): a database with tables but no migration history was set up some other
  // way, and applying the init migration to it would fail halfway or clobber it.
  const { rows: tables } = await client.query<{ name: string }>(
    "SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() LIMIT 5",
  );
  if (tables.length > 0) {
    throw new MigrationError(
      `The database is not empty (tables: ${tables.map((t) => t.name).join(", ")}) but has no _prisma_migrations ` +
        `table, so its schema is unknown. Use an empty database, or baseline this one (see Prisma's "baselining" guide).`,
    );
  }
  await client.query(CREATE_MIGRATIONS_TABLE);
  log.debug("created _prisma_migrations");
}

/** Returns the names of the applied migrations after checking the history is sound. */
async function checkHistory(client: pg.Client, migrations: MigrationFile[], log: DbLogger): Promise<Set<string>> {
  const { rows } = await client.query<MigrationRow>(
    `SELECT id, checksum, migration_name, logs, finished_at, rolled_back_at
       FROM _prisma_migrations ORDER BY started_at`,
  );
  const failed = rows.filter((row) => !row.finished_at && !row.rolled_back_at);
  if (failed.length > 0) {
    // Only Prisma's own migrate leaves such rows (ours roll back with the migration).
    const names = failed.map((row) => row.migration_name).join(", ");
    throw new MigrationError(
      `Migration ${names} failed earlier and is recorded as unfinished in _prisma_migrations:\n` +
        `${failed.map((row) => row.logs ?? "").join("\n")}\n` +
        `Repair the database by hand, then mark it rolled back ` +
        `(UPDATE _prisma_migrations SET rolled_back_at = now() WHERE id = '<id>') and run the migrations again.`,
    );
  }
  const onDisk = new Map(migrations.map((migration) => [migration.name, migration]));
  const applied = new Set<string>();
  for (const row of rows) {
    if (row.rolled_back_at) continue;
    applied.add(row.migration_name);
    const migration = onDisk.get(row.migration_name);
    if (!migration) {
      log.warn(`migration ${row.migration_name} is applied to the database but missing from prisma/migrations`);
      continue;
    }
    if (!matchesChecksum(migration.script, row.checksum)) {
      throw new MigrationError(
        `Migration ${row.migration_name} was edited after it was applied (checksum ${row.checksum} in the ` +
          `database, ${migration.checksum} on disk). Restore the applied version and put the change in a new migration.`,
      );
    }
  }
  return applied;
}

async function apply(client: pg.Client, migration: MigrationFile, log: DbLogger) {
  const started = Date.now();
  await client.query("BEGIN");
  try {
    const id = randomUUID();
    await client.query(
      `INSERT INTO _prisma_migrations (id, checksum, started_at, migration_name, applied_steps_count)
       VALUES ($1, $2, clock_timestamp(), $3, 0)`,
      [id, migration.checksum, migration.name],
    );
    // Without parameters pg uses the simple query protocol, which runs a whole multi-statement
    // script (including $$-quoted function bodies) as PostgreSQL's psql would.
    await client.query(migration.script);
    // Prisma counts a SQL migration as one step.
    await client.query(
      "UPDATE _prisma_migrations SET finished_at = clock_timestamp(), applied_steps_count = 1 WHERE id = $1",
      [id],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw new MigrationError(`Migration ${migration.name} failed and was rolled back: ${describe(error, migration.script)}`, {
      cause: error,
    });
  }
  log.info(`applied migration ${migration.name} in ${Date.now() - started} ms`);
}

function describe(error: unknown, script: string): string {
  const e = error as { message?: string; position?: string; code?: string };
  const position = Number(e.position);
  if (!position) return `${e.message} (SQLSTATE ${e.code})`;
  const line = script.slice(0, position).split("\n").length;
  return `${e.message} (SQLSTATE ${e.code}, migration.sql line ${line})`;
}

function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** Prisma accepts a script whose line endings git converted (CRLF <-> LF) since it was applied. */
function matchesChecksum(script: string, checksum: string): boolean {
  const variants = [script, script.replace(/\r\n/g, "\n"), script.replace(/\n/g, "\r\n")];
  return variants.some((variant) => sha256(variant) === checksum);
}
