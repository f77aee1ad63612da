import { describe, expect, it } from "vitest";
import { migrate } from "./migrate";
import { diffDatabaseToSchema } from "./schema-engine";
import { withScratchDatabase } from "@test/db/database";

function serverUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: run integration tests through scripts/with-test-db.ts");
  return url;
}

describe("prisma/migrations and prisma/schema.prisma", () => {
  it("describe the same database schema", async () => {
    const drift = await withScratchDatabase(serverUrl(), async (url) => {
      await migrate(url);
      return diffDatabaseToSchema(url);
    });
    // A non-empty diff is the SQL still missing from the migrations: put it in a new migration
    // with `npx tsx scripts/migration-diff.ts > prisma/migrations/<timestamp>_<name>/migration.sql`.
    expect(drift).toBe("");
  });

  it("are compared for real: an unmigrated database differs from schema.prisma", async () => {
    const drift = await withScratchDatabase(serverUrl(), (url) => diffDatabaseToSchema(url));
    expect(drift).toContain('CREATE TABLE "audit_log"');
  });
});
