import { toActor } from "@/server/services/actor";
import { requestSlice } from "@/server/services/slices/lifecycle";
import { createToken, revokeToken } from "@/server/services/tokens";
import { db } from "@/server/db/client";
import { seedBuilds } from "@seed/builds";
import { seedInventory } from "@seed/inventory";
import { seedPrices } from "@seed/prices";
import { makeHold } from "./fixtures-inventory";
import { makeTeam, makeUser } from "./fixtures";
import { transaction } from "@/server/db/tx";

const HOUR = 3_600_000;

/**
 * Every table's row count and a hash of its contents, to prove a refused request changed
 * nothing. api_token.last_used_at is left out: authenticating a token stamps it on purpose; so
 * is rate_limit_bucket, where every request, refused or not, spends a token.
 * Hashing whole rows is cheap on a test-sized database and, unlike max(updated_at), also sees
 * tables that have no updated_at column.
 */
export async function databaseFingerprint(): Promise<Record<string, string>> {
  fingerprintQuery ??= db()
    .$queryRawUnsafe<{ name: string }[]>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('_prisma_migrations', 'rate_limit_bucket') ORDER BY tablename`)
    .then((tables) =>
      tables
        .map(({ name }) => {
          const row = `(to_jsonb(t) - 'last_used_at')::text`;
          return `SELECT '${name}' AS name, count(*)::text || ':' || coalesce(md5(string_agg(${row}, '|' ORDER BY ${row})), '-') AS print FROM "${name}" t`;
        })
        .join(" UNION ALL "),
    );
  const rows = await db().$queryRawUnsafe<{ name: string; print: string }[]>(await fingerprintQuery);
  return Object.fromEntries(rows.map((row) => [row.name, row.print]));
}
let fingerprintQuery: Promise<string> | undefined;

/** The tables whose fingerprint differs, with both prints, for a readable failure. */
export function fingerprintChanges(before: Record<string, string>, after: Record<string, string>) {
  return Object.keys({ ...before, ...after })
    .filter((name) => before[name] !== after[name])
    .map((name) => `${name}: ${before[name]} -> ${after[name]}`);
}

type Person = Parameters<typeof toActor>[0];

async function tokenFor(user: Person, scope: "read" | "write", now: Date, name: string = scope) {
  return (await createToken(toActor(user), { name, scope, expiresInDays: 30 }, now)).token;
}

/**
 * A small, complete world for the permission matrix and the fuzz tests: the demo inventory,
 * builds and price catalog; two teams with members, an admin, leadership and a deactivated
 * member; slices in every state (pending, upcoming, active, ended, with a pending extension);
 * and API tokens of every kind (read and write per role, revoked, of a deactivated owner).
 */
export async function makeHardeningWorld(now: Date) {
  const { machineIds, gpuModelIds } = await transaction(async (tx) => {
    const inventory = await seedInventory(tx);
    await seedBuilds(tx, inventory.machineIds);
    await seedPrices(tx);
    return inventory;
  });
  const [vision, nlp] = [await makeTeam("Vision"), await makeTeam("NLP")];
  const alice = await makeUser({ teamId: vision.id, name: "Alice" });
  const carol = await makeUser({ teamId: vision.id, name: "Carol" });
  const bob = await makeUser({ teamId: nlp.id, name: "Bob" });
  const admin = await makeUser({ teamId: nlp.id, roles: ["admin"], name: "Ada" });
  const leadership = await makeUser({ teamId: vision.id, roles: ["leadership"], name: "Lee" });
  const deactivated = await makeUser({ teamId: vision.id, name: "Dora" });

  const zeus = await db().machine.findUniqueOrThrow({ where: { id: machineIds.zeus! }, include: { gpus: { orderBy: { index: "asc" } } } });
  const at = (hours: number) => new Date(Math.floor(now.getTime() / HOUR) * HOUR + hours * HOUR);
  const gpu = (index: number) => [zeus.gpus[index]!.id];
  const aliceActive = await makeHold({ machineId: zeus.id, gpuIds: gpu(0), user: alice, start: at(-3), end: at(5) });
  const aliceUpcoming = await makeHold({ machineId: zeus.id, gpuIds: gpu(1), user: alice, start: at(24), end: at(30) });
  const alicePending = await requestSlice(toActor(alice), { machineId: zeus.id, gpuCount: 1, start: at(48), end: at(52), purpose: "pending request" }, now);
  const bobEnded = await makeHold({ machineId: zeus.id, gpuIds: gpu(2), user: bob, start: at(-30), end: at(-20) });
  const bobActive = await makeHold({ machineId: zeus.id, gpuIds: gpu(2), user: bob, start: at(-2), end: at(6) });
  const extension = await db().sliceExtension.create({ data: { sliceId: bobActive.id, requestedEndAt: at(10), reason: "needs two more epochs" } });

  const tokens = {
    memberRead: await tokenFor(alice, "read", now),
    memberWrite: await tokenFor(alice, "write", now),
    bobWrite: await tokenFor(bob, "write", now),
    // Leadership may create read-only tokens only; a write token it still holds from before acts
    // as its owner, whose roles change nothing, and the matrix checks exactly that.
    leadership: await tokenFor(leadership, "read", now, "leadership write"),
    adminRead: await tokenFor(admin, "read", now),
    adminWrite: await tokenFor(admin, "write", now),
    deactivated: await tokenFor(deactivated, "write", now),
    revoked: await tokenFor(alice, "write", now, "revoked"),
  };
  await db().apiToken.updateMany({ where: { userId: leadership.id, name: "leadership write" }, data: { scope: "write" } });
  const revoked = await db().apiToken.findFirstOrThrow({ where: { userId: alice.id, name: "revoked" } });
  await revokeToken(toActor(alice), { tokenId: revoked.id }, now);
  await db().user.update({ where: { id: deactivated.id }, data: { active: false } });

  return {
    teams: { vision, nlp },
    users: { alice, carol, bob, admin, leadership, deactivated },
    machineIds,
    gpuModelIds,
    slices: { aliceActive, aliceUpcoming, alicePending, bobEnded, bobActive },
    extension,
    tokens,
  };
}
