import { resolve } from "node:path";
import { db } from "@/server/db/client";
import { startEmbeddedPostgres } from "@/server/platform/embedded";
import { parseEnv } from "@/server/env";

/**
 * Runs `work` against DATABASE_URL or, when it is unset, the embedded PostgreSQL in
 * RIGSHARE_DATA_DIR (the one `npm start` runs, reused when it is up), as `npm run db:migrate` does.
 */
export async function withDatabase<T>(work: (url: string) => Promise<T>): Promise<T> {
  const config = parseEnv(process.env);
  const embedded = config.DATABASE_URL ? null : await startEmbeddedPostgres({ dataDir: resolve(config.RIGSHARE_DATA_DIR), port: config.RIGSHARE_PG_PORT });
  const url = config.DATABASE_URL ?? embedded!.url;
  process.env.DATABASE_URL = url;
  try {
    return await work(url);
  } finally {
    await db().$disconnect();
    await embedded?.stop();
  }
}
