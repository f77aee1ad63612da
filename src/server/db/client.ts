import { PrismaPg } from "@prisma/adapter-pg";
import { Pool } from "pg";
import { databaseLost, watchDatabase } from "@/server/database-away";
import { enableDirect, statementName } from "./direct";
import { PrismaClient } from "./generated/client";

export type { PrismaClient };

/**
 * A Prisma client on its own connection pool; the caller disconnects it. `onLost` hears a pooled
 * connection fail (PostgreSQL stopped or crashed), before any query has to.
 */
export function createPrismaClient(connectionString: string, onLost?: (error: Error) => void): PrismaClient {
  const pool = new Pool({ connectionString });
  // Listening from the start: raw statements may use the pool before Prisma connects, and an idle
  // connection's error with nobody listening would end the process.
  pool.on("error", (error) => onLost?.(error));
  // Named statements: PostgreSQL parses and plans each statement once per connection, not per call.
  const adapter = new PrismaPg(pool, { onConnectionError: onLost, disposeExternalPool: true, statementNameGenerator: (query) => statementName(query.sql, query.args.length) });
  const client = new PrismaClient({ adapter });
  enableDirect(client, pool);
  return client;
}

/** The client pages are served from: its lost connections make the proxy answer pages with 503. */
export function createWatchedPrismaClient(connectionString: string): PrismaClient {
  const watched = createPrismaClient(connectionString, databaseLost);
  watchDatabase(() => watched.$queryRaw`SELECT 1`);
  return watched;
}

// Next's dev server re-evaluates modules on every change; keeping the client on globalThis stops
// each reload from opening another connection pool until PostgreSQL runs out of connections.
const globalForPrisma = globalThis as { rigsharePrisma?: PrismaClient };
let client: PrismaClient | undefined = globalForPrisma.rigsharePrisma;

/** The process-wide client for DATABASE_URL, created on first use. */
export function db(): PrismaClient {
  if (client) return client;
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error(
      "DATABASE_URL is not set. Start Rigshare with `npm start` (it runs an embedded PostgreSQL), " +
        "run tests through `tsx scripts/with-test-db.ts`, or set DATABASE_URL to a PostgreSQL database.",
    );
  }
  client = createWatchedPrismaClient(url);
  if (process.env.NODE_ENV !== "production") globalForPrisma.rigsharePrisma = client;
  return client;
}
