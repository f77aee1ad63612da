/** Database-level helpers for integration tests and dev tooling (never used by the app itself). */
import { randomBytes } from "node:crypto";
import pg from "pg";

/** What resetDatabase needs from a Prisma client, so any client (or transaction-less extension) fits. */
interface RawSql {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
}

const LIST_TABLES = `SELECT format('%I.%I', schemaname, tablename) AS name FROM pg_tables
  WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename`;

/**
 * Empties every table in the public schema except Prisma's migration history, in one TRUNCATE
 * (fast, and it bypasses audit_log's append-only row trigger on purpose) through `target`, the
 * db() client by default. Sequences restart, so ids are predictable within a test.
 */
export async function resetDatabase(target?: RawSql | string): Promise<void> {
  // Imported lazily so tooling that only needs the URL helpers does not load the Prisma client.
  target ??= (await import("@/server/db/client")).db();
  if (typeof target !== "string") {
    const tables = await target.$queryRawUnsafe<{ name: string }[]>(LIST_TABLES);
    if (tables.length > 0) await target.$executeRawUnsafe(truncate(tables));
    return;
  }
  await withClient(target, async (client) => {
    const { rows } = await client.query<{ name: string }>(LIST_TABLES);
    if (rows.length > 0) await client.query(truncate(rows));
  });
}

function truncate(tables: { name: string }[]): string {
  return `TRUNCATE TABLE ${tables.map((table) => table.name).join(", ")} RESTART IDENTITY CASCADE`;
}

/** The URL of another database on the same server (same credentials). */
export function databaseUrlFor(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

/** Drops (disconnecting its sessions) and creates `database` on the server of `serverUrl`. */
export async function recreateDatabase(serverUrl: string, database: string): Promise<string> {
  await withMaintenanceClient(serverUrl, async (client) => {
    const name = client.escapeIdentifier(database);
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${name}`);
  });
  return databaseUrlFor(serverUrl, database);
}

export async function dropDatabase(serverUrl: string, database: string): Promise<void> {
  await withMaintenanceClient(serverUrl, (client) =>
    client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(database)} WITH (FORCE)`),
  );
}

/** Runs `work` on a new, empty database on the same server, and drops it afterwards. */
export async function withScratchDatabase<T>(serverUrl: string, work: (url: string) => Promise<T>): Promise<T> {
  const database = `rigshare_scratch_${randomBytes(4).toString("hex")}`;
  const url = await recreateDatabase(serverUrl, database);
  try {
    return await work(url);
  } finally {
    await dropDatabase(serverUrl, database);
  }
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** CREATE/DROP DATABASE cannot run in the database concerned, so they go through `postgres`. */
function withMaintenanceClient<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  return withClient(databaseUrlFor(serverUrl, "postgres"), work);
}
