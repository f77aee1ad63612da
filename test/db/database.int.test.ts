import pg from "pg";
import { describe, expect, it } from "vitest";
import { migrate } from "@/server/platform/migrate";
import { resetDatabase, withScratchDatabase } from "./database";

describe("resetDatabase", () => {
  it("empties every table and restarts ids, but keeps the migration history", async () => {
    await withScratchDatabase(process.env.DATABASE_URL!, async (url) => {
      const { applied } = await migrate(url);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const team = await client.query<{ id: string }>("INSERT INTO team (id, name) VALUES (gen_random_uuid(), 'Vision') RETURNING id");
        await client.query("INSERT INTO audit_log (action, subject_type, subject_id) VALUES ('team.create', 'team', $1)", [team.rows[0]!.id]);

        await resetDatabase(url);

        const counts = await client.query("SELECT (SELECT count(*) FROM team)::int AS teams, (SELECT count(*) FROM audit_log)::int AS audit");
        expect(counts.rows).toEqual([{ teams: 0, audit: 0 }]);
        const history = await client.query("SELECT migration_name FROM _prisma_migrations");
        expect(history.rows.map((row) => row.migration_name)).toEqual(applied);
        const next = await client.query("INSERT INTO audit_log (action, subject_type, subject_id) VALUES ('x', 'team', 't') RETURNING id");
        expect(next.rows[0]!.id).toBe("1");
      } finally {
        await client.end();
      }
    });
  });
});
