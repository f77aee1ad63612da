import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "@test/db/database";
import { db } from "./client";
import { queryRows, queryUnsafe, statementName } from "./direct";
import { Prisma } from "./generated/client";
import { transaction, type Db } from "./tx";

beforeEach(() => resetDatabase());

const teamNamed = (name: string) => db().team.findFirst({ where: { name } });

describe("raw statements through node-postgres", () => {
  it("run inside the transaction: they see its uncommitted rows, and roll back with it", async () => {
    await expect(
      transaction(async (tx) => {
        const team = await tx.team.create({ data: { name: "Direct A" } });
        const [seen] = await queryRows<{ name: string }>(tx, Prisma.sql`SELECT name FROM team WHERE id = ${team.id}::uuid`);
        expect(seen?.name).toBe("Direct A");
        await queryRows(tx, Prisma.sql`UPDATE team SET name = 'Direct B' WHERE id = ${team.id}::uuid`);
        expect((await tx.team.findUniqueOrThrow({ where: { id: team.id } })).name).toBe("Direct B");
        throw new Error("refused");
      }),
    ).rejects.toThrow("refused");
    expect(await teamNamed("Direct A")).toBeNull();
    expect(await teamNamed("Direct B")).toBeNull();
  });

  it("commit with the transaction, and are refused once it is over", async () => {
    let kept: Db | undefined;
    await transaction(async (tx) => {
      kept = tx;
      await queryRows(tx, Prisma.sql`INSERT INTO team (id, name) VALUES (gen_random_uuid(), 'Direct C')`);
    });
    expect(await teamNamed("Direct C")).not.toBeNull();
    await expect(queryRows(kept!, Prisma.sql`SELECT 1`)).rejects.toThrow();
  });

  it("return values as Prisma's $queryRaw does", async () => {
    const query = Prisma.sql`SELECT 9007199254740993::int8 AS big, ARRAY[1, NULL, 3]::int8[] AS bigs, 1.25::numeric AS exact, '2026-12-07'::date AS day,
      ${new Date("2026-12-07T10:11:12.345Z")}::timestamptz AS at, '{"a": [1]}'::jsonb AS doc, ARRAY[${"5f0e1f9e-4b1a-4c1e-9f55-0d6f2f3a9b10"}::uuid] AS ids,
      2::int AS small, 0.5::float8 AS ratio, true AS yes, NULL::text AS nothing`;
    const viaPrisma = await db().$queryRaw<Record<string, unknown>[]>(query);
    await transaction(async (tx) => {
      const [direct] = await queryRows<Record<string, unknown>>(tx, query);
      expect(direct).toEqual(viaPrisma[0]);
      expect(direct!.big).toBe(9007199254740993n);
      expect(String(direct!.exact)).toBe("1.25");
    });
    const [unsafe] = await queryUnsafe<{ n: bigint }>(db(), "SELECT $1::int8 AS n", [5n]);
    expect(unsafe!.n).toBe(5n);
  });

  it("map a refused write to the same domain error as through Prisma", async () => {
    const duplicate = () => queryRows(db(), Prisma.sql`INSERT INTO team (id, name) VALUES (gen_random_uuid(), 'Direct D')`);
    await duplicate();
    await expect(transaction(async (tx) => queryRows(tx, Prisma.sql`INSERT INTO team (id, name) VALUES (gen_random_uuid(), 'Direct D')`))).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db().team.count({ where: { name: "Direct D" } })).toBe(1);
  });
});

describe("statement names", () => {
  it("are the same for the same text and differ between texts", () => {
    expect(statementName("SELECT $1 -- a", 1)).toBe(statementName("SELECT $1 -- a", 1));
    expect(statementName("SELECT $1 -- a", 1)).not.toBe(statementName("SELECT $1 -- b", 1));
  });

  it("leave a statement without parameters unnamed, so a script of several commands still runs", async () => {
    expect(statementName("SELECT 1; SELECT 2", 0)).toBe("");
    await db().$executeRawUnsafe("CREATE TEMP TABLE direct_script (n int); DROP TABLE direct_script");
    await queryUnsafe(db(), "CREATE TEMP TABLE direct_script (n int); DROP TABLE direct_script");
  });

  it("are prepared once per connection, unless the call asks to be planned for its values", async () => {
    const prepared = (tx: Db, text: string) => queryRows<{ n: number }>(tx, Prisma.sql`SELECT count(*)::int AS n FROM pg_prepared_statements WHERE statement = ${text}`);
    await transaction(async (tx) => {
      const named = "SELECT $1::int + 1 AS direct_named";
      const each = "SELECT $1::int + 2 AS direct_each";
      expect(await queryUnsafe(tx, named, [1])).toEqual([{ direct_named: 2 }]);
      expect(await queryUnsafe(tx, each, [1], { planEachCall: true })).toEqual([{ direct_each: 3 }]);
      expect(await prepared(tx, named)).toEqual([{ n: 1 }]);
      expect(await prepared(tx, each)).toEqual([{ n: 0 }]);
    });
  });
});
