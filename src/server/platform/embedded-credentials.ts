import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";

export const EMBEDDED_USER = "postgres";
export const EMBEDDED_HOST = "127.0.0.1";
/** What data directories made before passwords were random were initialised with. */
const LEGACY_PASSWORD = "postgres";
const PASSWORD_FILE = "pg-password";

/**
 * The embedded server's password: random, made once and kept beside its data (`<dataDir>/pg-password`,
 * readable by its owner only). The server listens on 127.0.0.1 only, but any local user or
 * process could log in with a fixed postgres/postgres.
 */
export function embeddedPassword(dataDir: string): string {
  const file = join(dataDir, PASSWORD_FILE);
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const password = randomBytes(24).toString("base64url");
  // Written whole or not at all: a half-written file would lock the data out.
  const scratch = `${file}.${process.pid}`;
  writeFileSync(scratch, `${password}\n`, { mode: 0o600 });
  renameSync(scratch, file);
  return password;
}

/**
 * A connection to the server's `postgres` database with `password`. A data directory created
 * with the old fixed password is moved to the new one here, on its first start: the file is
 * written before the server's password changes, so a crash in between only repeats this.
 */
export async function connectEmbedded(port: number, password: string): Promise<pg.Client> {
  const connect = async (secret: string) => {
    const client = new pg.Client({ host: EMBEDDED_HOST, port, user: EMBEDDED_USER, password: secret, database: "postgres" });
    await client.connect();
    return client;
  };
  try {
    return await connect(password);
  } catch (error) {
    // 28P01: invalid password.
    if ((error as { code?: string }).code !== "28P01" || password === LEGACY_PASSWORD) throw error;
    const client = await connect(LEGACY_PASSWORD).catch(() => {
      throw error;
    });
    await client.query(`ALTER ROLE ${client.escapeIdentifier(EMBEDDED_USER)} PASSWORD ${client.escapeLiteral(password)}`);
    return client;
  }
}

/** Creates `database` when missing (and moves an old data directory to its random password). */
export async function ensureDatabase(port: number, database: string, password: string): Promise<void> {
  const client = await connectEmbedded(port, password);
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`).catch((error: { code?: string }) => {
        // 42P04, or 23505 from the catalog's unique index: created meanwhile by a concurrent start.
        if (error.code !== "42P04" && error.code !== "23505") throw error;
      });
    }
  } finally {
    await client.end();
  }
}
