import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";

export type { PrismaClient };

/** A Prisma client on its own connection pool; the caller disconnects it. */
export function createPrismaClient(connectionString: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString }) });
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
  client = createPrismaClient(url);
  if (process.env.NODE_ENV !== "production") globalForPrisma.rigsharePrisma = client;
  return client;
}
