// Prints the SQL that takes a database migrated with prisma/migrations to prisma/schema.prisma,
// as Prisma's schema engine (WebAssembly build) generates it. To add a migration:
//   npx tsx scripts/migration-diff.ts > prisma/migrations/<yyyymmddhhmmss>_<name>/migration.sql
// then read it and add by hand what Prisma cannot express (triggers, exclusion constraints).
// Needs a scratch PostgreSQL: TEST_DATABASE_URL's server if set, else a temporary embedded one.
import { startTemporaryPostgres, stopOnExit } from "@/server/platform/embedded";
import { migrate, readMigrations } from "@/server/platform/migrate";
import { diffDatabaseToSchema, diffEmptyToSchema } from "@/server/platform/schema-engine";
import { withScratchDatabase } from "@test/db/database";
import { cliLog } from "./lib/cli-log";

const log = cliLog("migration-diff");

async function main(): Promise<number> {
  let serverUrl = process.env.TEST_DATABASE_URL;
  let stop = async () => {};
  if (!serverUrl) {
    const server = await startTemporaryPostgres({ log });
    stop = server.stop;
    stopOnExit(stop);
    serverUrl = server.url;
  }
  try {
    const existing = await readMigrations();
    const sql = await withScratchDatabase(serverUrl, async (url) => {
      // The first migration starts from nothing, exactly as `prisma migrate diff --from-empty`.
      if (existing.length === 0) return diffEmptyToSchema(url, { log });
      await migrate(url, { ...log, info: () => {} });
      return diffDatabaseToSchema(url, { log });
    });
    if (!sql.trim()) {
      log.info(`schema.prisma matches the ${existing.length} migration(s); there is nothing to add`);
      return 0;
    }
    process.stdout.write(sql.endsWith("\n") ? sql : `${sql}\n`);
    return 0;
  } finally {
    await stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`migration-diff: ${error.message}`);
    process.exit(1);
  },
);
