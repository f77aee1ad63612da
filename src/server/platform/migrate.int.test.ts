import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MIGRATIONS_DIR, migrate, readMigrations } from "./migrate";
import { withScratchDatabase } from "@test/db/database";

const serverUrl = () => process.env.DATABASE_URL!;

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("migrate", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "rigshare-migrations-"));
    await cp(MIGRATIONS_DIR, dir, { recursive: true });
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it("applies each migration once and records it as Prisma does", async () => {
    await withScratchDatabase(serverUrl(), async (url) => {
      const names = (await readMigrations(dir)).map((m) => m.name);
      expect(await migrate(url, undefined, { migrationsDir: dir })).toEqual({ applied: names });
      expect(await migrate(url, undefined, { migrationsDir: dir })).toEqual({ applied: [] });

      const rows = await query<Record<string, unknown>>(url, "SELECT * FROM _prisma_migrations ORDER BY migration_name");
      const [first] = await readMigrations(dir);
      expect(rows).toHaveLength(names.length);
      expect(rows[0]).toMatchObject({
        migration_name: first!.name,
        checksum: first!.checksum,
        logs: null,
        rolled_back_at: null,
        applied_steps_count: 1,
      });
      expect(rows[0]!.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(rows[0]!.finished_at).toBeInstanceOf(Date);
    });
  });

  it("refuses to run when an applied migration was edited", async () => {
    await withScratchDatabase(serverUrl(), async (url) => {
      await migrate(url, undefined, { migrationsDir: dir });
      const [first] = await readMigrations(dir);
      await writeFile(join(dir, first!.name, "migration.sql"), `${first!.script}\n-- edited\n`);
      await expect(migrate(url, undefined, { migrationsDir: dir })).rejects.toThrow(/was edited after it was applied/);
    });
  });

  it("rolls a failing migration back completely, so it can be fixed and re-run", async () => {
    await withScratchDatabase(serverUrl(), async (url) => {
      await migrate(url, undefined, { migrationsDir: dir });
      const broken = join(dir, "29991231000000_broken");
      await cp(join(dir, (await readMigrations(dir))[0]!.name), broken, { recursive: true });
      await writeFile(join(broken, "migration.sql"), 'CREATE TABLE "half_done" (id int);\nSELECT no_such_function();\n');
      await expect(migrate(url, undefined, { migrationsDir: dir })).rejects.toThrow(
        /29991231000000_broken failed and was rolled back: .*no_such_function.*line 2/,
      );
      expect(await query(url, "SELECT to_regclass('half_done') AS t")).toEqual([{ t: null }]);
      expect(await query(url, "SELECT 1 FROM _prisma_migrations WHERE migration_name LIKE '%broken'")).toEqual([]);
    });
  });

  it("lets two processes start at once without applying anything twice", async () => {
    await withScratchDatabase(serverUrl(), async (url) => {
      const results = await Promise.all([
        migrate(url, undefined, { migrationsDir: dir }),
        migrate(url, undefined, { migrationsDir: dir }),
      ]);
      const names = (await readMigrations(dir)).map((m) => m.name);
      expect(results.map((r) => r.applied).sort()).toEqual([[], names]);
    });
  });
});

describe("the init migration", () => {
  it("keeps audit_log append-only but lets tests truncate it", async () => {
    await withScratchDatabase(serverUrl(), async (url) => {
      await migrate(url);
      await query(url, `INSERT INTO audit_log (action, subject_type, subject_id) VALUES ('team.create', 'team', 't1')`);
      await expect(query(url, "UPDATE audit_log SET reason = 'rewrite'")).rejects.toThrow(/append-only: UPDATE/);
      await expect(query(url, "DELETE FROM audit_log")).rejects.toThrow(/append-only: DELETE/);
      await query(url, "TRUNCATE audit_log");
      expect(await query(url, "SELECT count(*)::int AS n FROM audit_log")).toEqual([{ n: 0 }]);
    });
  });
});
