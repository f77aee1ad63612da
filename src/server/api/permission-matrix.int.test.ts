// Every procedure against every kind of caller, from the routers themselves: a procedure (or REST
// endpoint) missing from EXPECTED fails, so nothing new ships without its row being reviewed here.
import { TRPCError } from "@trpc/server";
import pino from "pino";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { resetDatabase } from "@test/db/database";
import { databaseFingerprint, fingerprintChanges, makeHardeningWorld } from "@test/db/fixtures-hardening";
import type { Actor } from "@/server/services/actor";
import { authenticateToken } from "@/server/services/tokens";
import { insertSession } from "@/server/db/sessions";
import { actorForSession } from "@/server/services/sessions";
import { handleRestRequest } from "./rest/handler";
import { openApiDocument, REST_BASE_PATH } from "./rest/document";
import { appRouter, createCaller } from "./root";
import { callerFor } from "@test/api/caller";
import { requestContext } from "./context";

/**
 * "allowed" = got past the permission check: success for an input-less query, BAD_REQUEST (400)
 * for an empty input, which procedures parse only after `permitted(...)` has run.
 */
type Outcome = "allowed" | "FORBIDDEN" | "UNAUTHORIZED";
const A = "allowed", F = "FORBIDDEN", U = "UNAUTHORIZED";

/**
 * The callers. A write token acts exactly as its owner's session, so write tokens are checked
 * against the owner's column (member, leadership, admin); read tokens have their own columns.
 * deactivated: a session of a deactivated person (tRPC) or their token (REST).
 */
const CALLERS = ["anonymous", "deactivated", "revokedToken", "member", "memberReadToken", "leadership", "admin", "adminReadToken"] as const;
type Caller = (typeof CALLERS)[number];
type Row = Record<Caller, Outcome>;

// prettier-ignore
const EXPECTED: Record<string, Row> = {
  "notifications.list":          { anonymous: U, deactivated: U, revokedToken: U, member: A, memberReadToken: A, leadership: A, admin: A, adminReadToken: A },
  "notifications.unreadCount":   { anonymous: U, deactivated: U, revokedToken: U, member: A, memberReadToken: A, leadership: A, admin: A, adminReadToken: A },
  "notifications.markRead":      { anonymous: U, deactivated: U, revokedToken: U, member: A, memberReadToken: F, leadership: A, admin: A, adminReadToken: F },
  "notifications.settings":      { anonymous: U, deactivated: U, revokedToken: U, member: A, memberReadToken: A, leadership: A, admin: A, adminReadToken: A },
  "notifications.savePreferences":{ anonymous: U, deactivated: U, revokedToken: U, member: A, memberReadToken: F, leadership: A, admin: A, adminReadToken: F },
  "notifications.saveWebhook":   { anonymous: U, deactivated: U, revokedToken: U, member: A, memberReadToken: F, leadership: A, admin: A, adminReadToken: F },
  "notifications.regenerateCalendar":{ anonymous: U, deactivated: U, revokedToken: U, member: A, memberReadToken: F, leadership: A, admin: A, adminReadToken: F },
  "background.teamWebhooks":     { anonymous: U, deactivated: U, revokedToken: U, member: F, memberReadToken: F, leadership: F, admin: A, adminReadToken: A },
  "background.createTeamWebhook":{ anonymous: U, deactivated: U, revokedToken: U, member: F, memberReadToken: F, leadership: F, admin: A, adminReadToken: F },
  "background.deleteTeamWebhook":{ anonymous: U, deactivated: U, revokedToken: U, member: F, memberReadToken: F, leadership: F, admin: A, adminReadToken: F },
  "background.jobs":             { anonymous: U, deactivated: U, revokedToken: U, member: F, memberReadToken: F, leadership: F, admin: A, adminReadToken: A },
  "background.retryJob":         { anonymous: U, deactivated: U, revokedToken: U, member: F, memberReadToken: F, leadership: F, admin: A, adminReadToken: F },
  "background.outbox":           { anonymous: U, deactivated: U, revokedToken: U, member: F, memberReadToken: F, leadership: F, admin: A, adminReadToken: A },
  "me.profile":                  { anonymous: U, deactivated: U, revokedToken: U, member: A, memberReadToken: A, leadership: A, admin: A, adminReadToken: A },
  "me.activity":                 { anonymous: U, deactivated: U, revokedToken: U, member: A, memberReadToken: A, leadership: A, admin: A, adminReadToken: A },
  "me.sessions":                 { anonymous: U, deactivated: U, revokedToken: U, member: A, memberReadToken: A, leadership: A, admin: A, adminReadToken: A },
  "me.revokeSession":            { anonymous: U, deactivated: U, revokedToken: U, member: A, memberReadToken: F, leadership: A, admin: A, adminReadToken: F },
  "me.setLinuxUsername":         { anonymous: U, deactivated: U, revokedToken: U, member: A, memberReadToken: F, leadership: A, admin: A, adminReadToken: F },
  "me.setTimeZone":              { anonymous: U, deactivated: U, revokedToken: U, member: A, memberReadToken: F, leadership: A, admin: A, adminReadToken: F },
  "users.list":                  { anonymous: U, deactivated: U, revokedToken: U, member: F, memberReadToken: F, leadership: A, admin: A, adminReadToken: A },
  "users.update":                { anonymous: U, deactivated: U, revokedToken: U, member: F, memberReadToken: F, leadership: F, admin: A, adminReadToken: F },
  "users.setActive":             { anonymous: U, deactivated: U, revokedToken: U, member: F, memberReadToken: F, leadership: F, admin: A, adminReadToken: F },
  "users.signOutEverywhere":     { anonymous: U, deactivated: U, revokedToken: U, member: F, memberReadToken: F, leadership: F, admin: A, adminReadToken: F },
  "users.recentSignIns":         { anonymous: U, deactivated: U, revokedToken: U, member: F, memberReadToken: F, leadership: F, admin: A, adminReadToken: A },
  "setup.checklist":             { anonymous: U, deactivated: U, revokedToken: U, member: F, memberReadToken: F, leadership: F, admin: A, adminReadToken: A },
  "teams.list":                  { anonymous: U, deactivated: U, revokedToken: U, member: A, memberReadToken: A, leadership: A, admin: A, adminReadToken: A },
  "teams.create":                { anonymous: U, deactivated: U, revokedToken: U, member: F, memberReadToken: F, leadership: F, admin: A, adminReadToken: F },
  "teams.rename":                { anonymous: U, deactivated: U, revokedToken: U, member: F, memberReadToken: F, leadership: F, admin: A, adminReadToken: F },
  "teams.delete":                { anonymous: U, deactivated: U, revokedToken: U, member: F, memberReadToken: F, leadership: F, admin: A, adminReadToken: F },
  "audit.list":                  { anonymous: U, deactivated: U, revokedToken: U, member: F, memberReadToken: F, leadership: A, admin: A, adminReadToken: A },
  "audit.actions":               { anonymous: U, deactivated: U, revokedToken: U, member: F, memberReadToken: F, leadership: A, admin: A, adminReadToken: A },
  "inventory.list":              { anonymous: U, deactivated: U, revokedToken: U, member: A, memberReadToken: A, leadership: A, admin: A, adminReadToken: A },
  "inventory.machine":           { anonymous: U, deactivated: U, revokedToken: U, member: A, memberReadToken: A, leadership: A, admin: A, adminReadToken: A },
  "inventory.gpuStatuses":       { anonymous: U, deactivated: U, revokedToken: U, member: A, memberReadToken: A, leadership: A, admin: A, adminReadToken: A },
  "inventory.createMachine":     { anonymous: U, deactivated: U, revokedToken: U, member: F, memberReadToken: F, leadership: F, admin: A, adminReadToken: F },
  "inventory.updateMachine":     { anonymous: U, deactivated: U, revokedToken: U, member: F, memberReadToken: F, leadership: F, admin: A, adminReadToken: F },
  "inventory.setMachineStatus":  { anonymous: U, deactivated: U, revokedToken: U, member: F, memberReadToken: F, leadership: F, admin: A, adminReadToken: F },
  "inventory.addGpu":            { anonymous: U, deactivated: U, revokedToken: U, member: F, memberReadToken: F, leadership: F, admin: A, adminReadToken: F },
  "inventory.updateGpu":         { anonymous: U, deactivated: U, revokedToken: U, member: F, memberReadToken: F, leadership: F, admin: A, adminReadToken: F },
  "inventory.removeGpu":         { anonymous: U, deactivated: U, revokedToken: U, member: F, memberReadToken: F, leadership: F, admin: A, adminReadToken: F },
  "inventory.gpuModels":         { anonymous: U, deactivated: U, revokedToken: U, member: A, memberReadToken: A, leadership: A, admin: A, adminReadToken: A },
  "inventory.createGpuModel":    { anonymous: U, deactivated: U, revokedToken: U, member: F, memberReadToken: F, leadership: F, admin: A, adminReadToken: F },
  "inventory.updateGpuModel":    { anonymous: U, deactivated: U, revokedToken: U, member: F, memberReadToken: F, leadership: F, admin: A, adminReadToken: F },
  "inventory.deleteGpuModel":    { anonymous: U, deactivated: U, revokedToken: U, member: F, memberReadToken: F, leadership: F, admin: A, adminReadToken: F },
  "enforcement.setMode":         { anonymous: U, deactivated: U, revokedToken: U, member: F, memberReadToken: F, leadership: F, admin: A, adminReadToken: F },
  "enforcement.desiredState":    { anonymous: U, deactivated: U, revokedToken: U, member: F, memberReadToken: F, leadership: F, admin: A, adminReadToken: A },
  "enforcement.idlePolicies":    { anonymous: U, deactivated: U, revokedToken: U, member: A, memberReadToken: A, leadership: A, admin: A, adminReadToken: A },
  "enforcement.updateIdlePolicy": { anonymous: U, deactivated: U, revokedToken: U, member: F, memberReadToken: F, leadership: F, admin: A, adminReadToken: F },
  "enforcement.setIdleExempt":   { anonymous: U, deactivated: U, revokedToken: U, member: F, memberReadToken: F, leadership: F, admin: A, adminReadToken: F },
  "enforcement.reclaimIdle":     { anonymous: U, deactivated: U, revokedToken: U, member: F, memberReadToken: F, leadership: F, admin: A, adminReadToken: F },
  "builds.list":                 { anonymous: U, deactivated: U, revokedToken: U, member: A, memberReadToken: A, leadership: A, admin: A, adminReadToken: A },
  "builds.get":                  { anonymous: U, deactivated: U, revokedToken: U, member: A, memberReadToken: A, leadership: A, admin: A, adminReadToken: A },
  "builds.machines":             { anonymous: U, deactivated: U, revokedToken: U, member: F, memberReadToken: F, leadership: F, admin: A, adminReadToken: A },
  "builds.create":               { anonymous: U, deactivated: U, revokedToken: U, member: F, memberReadToken: F, leadership: F, admin: A, adminReadToken: F },
  "builds.save":                 { anonymous: U, deactivated: U, revokedToken: U, member: F, memberReadToken: F, leadership: F, admin: A, adminReadToken: F },
  "builds.duplicate":            { anonymous: U, deactivated: U, revokedToken: U, member: F, memberReadToken: F, leadership: F, admin: A, adminReadToken: F },
  "builds.delete":               { anonymous: U, deactivated: U, revokedToken: U, member: F, memberReadToken: F, leadership: F, admin: A, adminReadToken: F },
  "builds.link":                 { anonymous: U, deactivated: U, revokedToken: U, member: F, memberReadToken: F, leadership: F, admin: A, adminReadToken: F },
  "builds.unlink":               { anonymous: U, deactivated: U, revokedToken: U, member: F, memberReadToken: F, leadership: F, admin: A, adminReadToken: F },
  "slices.list":                 { anonymous: U, deactivated: U, revokedToken: U, member: A, memberReadToken: A, leadership: A, admin: A, adminReadToken: A },
  "slices.get":                  { anonymous: U, deactivated: U, revokedToken: U, member: A, memberReadToken: A, leadership: A, admin: A, adminReadToken: A },
  "slices.request":              { anonymous: U, deactivated: U, revokedToken: U, member: A, memberReadToken: F, leadership: F, admin: A, adminReadToken: F },
  "slices.cancel":               { anonymous: U, deactivated: U, revokedToken: U, member: A, memberReadToken: F, leadership: F, admin: A, adminReadToken: F },
  "slices.release":              { anonymous: U, deactivated: U, revokedToken: U, member: A, memberReadToken: F, leadership: F, admin: A, adminReadToken: F },
  "slices.requestExtension":     { anonymous: U, deactivated: U, revokedToken: U, member: A, memberReadToken: F, leadership: F, admin: A, adminReadToken: F },
  "slices.approve":              { anonymous: U, deactivated: U, revokedToken: U, member: F, memberReadToken: F, leadership: F, admin: A, adminReadToken: F },
  "slices.reject":               { anonymous: U, deactivated: U, revokedToken: U, member: F, memberReadToken: F, leadership: F, admin: A, adminReadToken: F },
  "slices.decideExtension":      { anonymous: U, deactivated: U, revokedToken: U, member: F, memberReadToken: F, leadership: F, admin: A, adminReadToken: F },
  "slices.mine":                 { anonymous: U, deactivated: U, revokedToken: U, member: A, memberReadToken: A, leadership: F, admin: A, adminReadToken: A },
  "slices.queue":                { anonymous: U, deactivated: U, revokedToken: U, member: F, memberReadToken: F, leadership: F, admin: A, adminReadToken: A },
  "slices.schedule":             { anonymous: U, deactivated: U, revokedToken: U, member: A, memberReadToken: A, leadership: A, admin: A, adminReadToken: A },
  "quotas.list":                 { anonymous: U, deactivated: U, revokedToken: U, member: A, memberReadToken: A, leadership: A, admin: A, adminReadToken: A },
  "quotas.update":               { anonymous: U, deactivated: U, revokedToken: U, member: F, memberReadToken: F, leadership: F, admin: A, adminReadToken: F },
  "savings.summary":             { anonymous: U, deactivated: U, revokedToken: U, member: F, memberReadToken: F, leadership: A, admin: A, adminReadToken: A },
  "savings.report":              { anonymous: U, deactivated: U, revokedToken: U, member: F, memberReadToken: F, leadership: A, admin: A, adminReadToken: A },
  "savings.myUsage":             { anonymous: U, deactivated: U, revokedToken: U, member: A, memberReadToken: A, leadership: A, admin: A, adminReadToken: A },
  "savings.catalog":             { anonymous: U, deactivated: U, revokedToken: U, member: F, memberReadToken: F, leadership: A, admin: A, adminReadToken: A },
  "savings.addPrice":            { anonymous: U, deactivated: U, revokedToken: U, member: F, memberReadToken: F, leadership: F, admin: A, adminReadToken: F },
  "savings.deletePrice":         { anonymous: U, deactivated: U, revokedToken: U, member: F, memberReadToken: F, leadership: F, admin: A, adminReadToken: F },
  "savings.setCloudEquivalent":  { anonymous: U, deactivated: U, revokedToken: U, member: F, memberReadToken: F, leadership: F, admin: A, adminReadToken: F },
  "savings.machineCosts":        { anonymous: U, deactivated: U, revokedToken: U, member: F, memberReadToken: F, leadership: A, admin: A, adminReadToken: A },
  "savings.updateMachineCosts":  { anonymous: U, deactivated: U, revokedToken: U, member: F, memberReadToken: F, leadership: F, admin: A, adminReadToken: F },
  "tokens.list":                 { anonymous: U, deactivated: U, revokedToken: U, member: A, memberReadToken: A, leadership: A, admin: A, adminReadToken: A },
  "tokens.create":               { anonymous: U, deactivated: U, revokedToken: U, member: A, memberReadToken: F, leadership: A, admin: A, adminReadToken: F },
  "tokens.revoke":               { anonymous: U, deactivated: U, revokedToken: U, member: A, memberReadToken: F, leadership: A, admin: A, adminReadToken: F },
  "transfer.import":             { anonymous: U, deactivated: U, revokedToken: U, member: F, memberReadToken: F, leadership: F, admin: A, adminReadToken: F },
  "transfer.export":             { anonymous: U, deactivated: U, revokedToken: U, member: F, memberReadToken: F, leadership: A, admin: A, adminReadToken: A },
  "telemetry.live":              { anonymous: U, deactivated: U, revokedToken: U, member: A, memberReadToken: A, leadership: A, admin: A, adminReadToken: A },
  "telemetry.fleet":             { anonymous: U, deactivated: U, revokedToken: U, member: A, memberReadToken: A, leadership: A, admin: A, adminReadToken: A },
  "telemetry.series":            { anonymous: U, deactivated: U, revokedToken: U, member: A, memberReadToken: A, leadership: A, admin: A, adminReadToken: A },
  "telemetry.sliceUsage":        { anonymous: U, deactivated: U, revokedToken: U, member: A, memberReadToken: A, leadership: A, admin: A, adminReadToken: A },
  "telemetry.unbooked":          { anonymous: U, deactivated: U, revokedToken: U, member: F, memberReadToken: F, leadership: F, admin: A, adminReadToken: A },
  "telemetry.usedVersusHeld":    { anonymous: U, deactivated: U, revokedToken: U, member: F, memberReadToken: F, leadership: A, admin: A, adminReadToken: A },
  "telemetry.createAgentCode":   { anonymous: U, deactivated: U, revokedToken: U, member: F, memberReadToken: F, leadership: F, admin: A, adminReadToken: F },
  "telemetry.revokeAgent":       { anonymous: U, deactivated: U, revokedToken: U, member: F, memberReadToken: F, leadership: F, admin: A, adminReadToken: F },
  "waitlist.preview":            { anonymous: U, deactivated: U, revokedToken: U, member: A, memberReadToken: F, leadership: F, admin: A, adminReadToken: F },
  "waitlist.request":            { anonymous: U, deactivated: U, revokedToken: U, member: A, memberReadToken: F, leadership: F, admin: A, adminReadToken: F },
  "waitlist.mine":               { anonymous: U, deactivated: U, revokedToken: U, member: A, memberReadToken: A, leadership: F, admin: A, adminReadToken: A },
  "waitlist.queue":              { anonymous: U, deactivated: U, revokedToken: U, member: F, memberReadToken: F, leadership: A, admin: A, adminReadToken: A },
  "waitlist.cancel":             { anonymous: U, deactivated: U, revokedToken: U, member: A, memberReadToken: F, leadership: F, admin: A, adminReadToken: F },
  "waitlist.move":               { anonymous: U, deactivated: U, revokedToken: U, member: F, memberReadToken: F, leadership: F, admin: A, adminReadToken: F },
  "capacity.report":             { anonymous: U, deactivated: U, revokedToken: U, member: F, memberReadToken: F, leadership: A, admin: A, adminReadToken: A },
  "capacity.candidates":         { anonymous: U, deactivated: U, revokedToken: U, member: F, memberReadToken: F, leadership: A, admin: A, adminReadToken: A },
  "capacity.whatIf":             { anonymous: U, deactivated: U, revokedToken: U, member: F, memberReadToken: F, leadership: A, admin: A, adminReadToken: A },
  "waitlist.setShare":           { anonymous: U, deactivated: U, revokedToken: U, member: F, memberReadToken: F, leadership: F, admin: A, adminReadToken: F },
};

interface ProcedureDef {
  _def: { type: "query" | "mutation" | "subscription"; inputs: unknown[]; meta?: { openapi?: { method: string; path: string } } };
}
const PROCEDURES = Object.entries(appRouter._def.procedures as unknown as Record<string, ProcedureDef>).map(([path, p]) => ({
  path,
  type: p._def.type,
  rest: p._def.meta?.openapi,
}));

const silent = pino({ level: "silent" });
type AnyCaller = ReturnType<typeof createCaller>;

function procedureOf(caller: AnyCaller, path: string): (input?: unknown) => Promise<unknown> {
  return path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (input?: unknown) => Promise<unknown>;
}

async function outcomeOf(call: () => Promise<unknown>): Promise<string> {
  try {
    await call();
    return A;
  } catch (error) {
    if (!(error instanceof TRPCError)) return `unexpected ${String(error)}`;
    if (error.code === "BAD_REQUEST") return A;
    if (error.code === "UNAUTHORIZED" || error.code === "FORBIDDEN") return error.code;
    return `unexpected ${error.code}: ${error.message}`;
  }
}

function restOutcomeOf(status: number, body: unknown): string {
  if (status === 200 || status === 400) return A;
  if (status === 401) return U;
  if (status === 403) return F;
  return `unexpected ${status}: ${JSON.stringify(body)}`;
}

let world: Awaited<ReturnType<typeof makeHardeningWorld>>;
/** How each caller reaches tRPC: null when it never gets a caller (the token is refused first). */
let trpcCallers: Record<Caller, { label: string; caller: AnyCaller }[]>;

async function tokenCaller(token: string, now: Date) {
  const auth = await authenticateToken(token, now);
  return createCaller(requestContext({ actor: auth.actor, tokenScope: auth.scope, requestId: "matrix", log: silent }));
}

beforeAll(async () => {
  await resetDatabase();
  const now = new Date();
  world = await makeHardeningWorld(now);
  const { users, tokens } = world;
  const deactivatedSession = await insertSession(db(), { userId: users.deactivated.id, userAgent: "", idToken: null, expiresAt: new Date(now.getTime() + 3_600_000) });
  const sessionOfDeactivated: Actor | null = await actorForSession(deactivatedSession.id, now);
  trpcCallers = {
    anonymous: [{ label: "no session", caller: callerFor(null) }],
    deactivated: [{ label: "session of a deactivated user", caller: createCaller(requestContext({ actor: sessionOfDeactivated, requestId: "matrix", log: silent })) }],
    revokedToken: [],
    member: [
      { label: "session", caller: callerFor(users.alice) },
      { label: "write token", caller: await tokenCaller(tokens.memberWrite, now) },
    ],
    memberReadToken: [{ label: "read token", caller: await tokenCaller(tokens.memberRead, now) }],
    leadership: [
      { label: "session", caller: callerFor(users.leadership) },
      { label: "write token", caller: await tokenCaller(tokens.leadership, now) },
    ],
    admin: [
      { label: "session", caller: callerFor(users.admin) },
      { label: "write token", caller: await tokenCaller(tokens.adminWrite, now) },
    ],
    adminReadToken: [{ label: "read token", caller: await tokenCaller(tokens.adminRead, now) }],
  };
}, 60_000);

describe("permission matrix", () => {
  it("has exactly one row per procedure of the app router", () => {
    const missing = PROCEDURES.map((p) => p.path).filter((path) => !EXPECTED[path]);
    const stale = Object.keys(EXPECTED).filter((path) => !PROCEDURES.some((p) => p.path === path));
    expect({ missing, stale }, "add a reviewed row to EXPECTED for every new procedure").toEqual({ missing: [], stale: [] });
  });

  it("has no public procedure: nobody reaches the API without signing in", () => {
    expect(PROCEDURES.map((p) => p.path).filter((path) => EXPECTED[path] && EXPECTED[path].anonymous !== U)).toEqual([]);
  });

  it("refuses the deactivated user's session and every revoked, expired or deactivated-owner token", async () => {
    const session = await insertSession(db(), { userId: world.users.deactivated.id, userAgent: "", idToken: null, expiresAt: new Date(Date.now() + 3_600_000) });
    expect(await actorForSession(session.id, new Date())).toBeNull();
    await expect(authenticateToken(world.tokens.revoked, new Date())).rejects.toMatchObject({ code: "UNAUTHORIZED", message: expect.stringContaining("revoked") });
    await expect(authenticateToken(world.tokens.deactivated, new Date())).rejects.toMatchObject({ code: "UNAUTHORIZED", message: expect.stringContaining("deactivated") });
    await expect(authenticateToken(world.tokens.memberRead, new Date(Date.now() + 31 * 86_400_000))).rejects.toMatchObject({ code: "UNAUTHORIZED", message: expect.stringContaining("expired") });
  });

  for (const procedure of PROCEDURES) {
    it(`tRPC ${procedure.path} (${procedure.type})`, async () => {
      const expected = EXPECTED[procedure.path];
      if (!expected) return expect.fail(`${procedure.path} has no row in EXPECTED`);
      const actual: Record<string, string> = {};
      const wanted: Record<string, string> = {};
      for (const who of CALLERS) {
        // A revoked token never gets as far as a tRPC caller: authenticateToken refuses it (checked above).
        if (who === "revokedToken") continue;
        for (const { label, caller } of trpcCallers[who]) {
          const key = `${who} (${label})`;
          actual[key] = await outcomeOf(() => procedureOf(caller, procedure.path)(undefined));
          wanted[key] = expected[who];
        }
      }
      expect(actual).toEqual(wanted);
    });
  }
});

/** The REST API's own list of endpoints, as its OpenAPI document publishes them. */
function restEndpoints() {
  const endpoints: { method: string; path: string }[] = [];
  for (const [path, item] of Object.entries(openApiDocument().paths ?? {})) {
    for (const method of Object.keys(item as object)) endpoints.push({ method: method.toUpperCase(), path });
  }
  return endpoints;
}

describe("permission matrix over REST (/api/v1)", () => {
  const REST_CALLERS: { who: Caller; label: string; token: () => string | undefined }[] = [
    { who: "anonymous", label: "no token", token: () => undefined },
    { who: "deactivated", label: "token of a deactivated owner", token: () => world.tokens.deactivated },
    { who: "revokedToken", label: "revoked token", token: () => world.tokens.revoked },
    { who: "member", label: "write token", token: () => world.tokens.memberWrite },
    { who: "memberReadToken", label: "read token", token: () => world.tokens.memberRead },
    { who: "leadership", label: "write token", token: () => world.tokens.leadership },
    { who: "admin", label: "write token", token: () => world.tokens.adminWrite },
    { who: "adminReadToken", label: "read token", token: () => world.tokens.adminRead },
  ];

  it("publishes exactly the procedures that declare a REST endpoint", () => {
    const declared = PROCEDURES.filter((p) => p.rest).map((p) => `${p.rest!.method} ${REST_BASE_PATH}${p.rest!.path}`).sort();
    const published = restEndpoints().map((e) => `${e.method} ${REST_BASE_PATH}${e.path}`).sort();
    expect(published).toEqual(declared);
  });

  for (const procedure of PROCEDURES.filter((p) => p.rest)) {
    const { method, path } = procedure.rest!;
    it(`REST ${method} ${path} (${procedure.path})`, async () => {
      const expected = EXPECTED[procedure.path];
      if (!expected) return expect.fail(`${procedure.path} has no row in EXPECTED`);
      // Path parameters get a value that is not an id: a caller who passes the permission check gets 400.
      const url = `http://rigshare.test${REST_BASE_PATH}${path.replace(/\{\w+\}/g, "not-an-id")}`;
      const actual: Record<string, string> = {};
      const wanted: Record<string, string> = {};
      for (const { who, label, token } of REST_CALLERS) {
        const headers: Record<string, string> = { "content-type": "application/json" };
        const bearer = token();
        if (bearer) headers.authorization = `Bearer ${bearer}`;
        const response = await handleRestRequest(new Request(url, { method, headers, body: method === "GET" || method === "DELETE" ? undefined : "{}" }));
        actual[`${who} (${label})`] = restOutcomeOf(response.status, await response.json());
        wanted[`${who} (${label})`] = expected[who];
      }
      expect(actual).toEqual(wanted);
    });
  }
});

describe("ownership: someone else's slice or token", () => {
  it("refuses another member (same team or not) changing a slice or token, with FORBIDDEN or NOT_FOUND, and changes nothing", async () => {
    const { users, slices, tokens } = world;
    const bob = callerFor(users.bob);
    const carol = callerFor(users.carol);
    const aliceToken = await db().apiToken.findFirstOrThrow({ where: { userId: users.alice.id, revokedAt: null } });
    const before = await databaseFingerprint();

    const attempts = {
      "bob cancels alice's pending request": () => bob.slices.cancel({ sliceId: slices.alicePending.id }),
      "bob cancels alice's upcoming slice": () => bob.slices.cancel({ sliceId: slices.aliceUpcoming.id }),
      "bob releases alice's active slice": () => bob.slices.release({ sliceId: slices.aliceActive.id }),
      "bob asks to extend alice's active slice": () => bob.slices.requestExtension({ sliceId: slices.aliceActive.id, end: new Date(Date.now() + 48 * 3_600_000), reason: "mine now" }),
      "carol (alice's team) releases alice's active slice": () => carol.slices.release({ sliceId: slices.aliceActive.id }),
      "carol (alice's team) cancels alice's pending request": () => carol.slices.cancel({ sliceId: slices.alicePending.id }),
      "bob revokes alice's token": () => bob.tokens.revoke({ tokenId: aliceToken.id }),
    };
    const codes: Record<string, string> = {};
    for (const [label, attempt] of Object.entries(attempts)) codes[label] = await attempt().then(() => "allowed", (e: TRPCError) => e.code);
    expect(codes).toEqual({
      "bob cancels alice's pending request": "FORBIDDEN",
      "bob cancels alice's upcoming slice": "FORBIDDEN",
      "bob releases alice's active slice": "FORBIDDEN",
      "bob asks to extend alice's active slice": "FORBIDDEN",
      "carol (alice's team) releases alice's active slice": "FORBIDDEN",
      "carol (alice's team) cancels alice's pending request": "FORBIDDEN",
      // Another person's token is not even said to exist.
      "bob revokes alice's token": "NOT_FOUND",
    });

    const rest = (method: string, path: string, body?: unknown) =>
      handleRestRequest(
        new Request(`http://rigshare.test${REST_BASE_PATH}${path}`, {
          method,
          headers: { authorization: `Bearer ${tokens.bobWrite}`, "content-type": "application/json" },
          body: body === undefined ? undefined : JSON.stringify(body),
        }),
      ).then(async (r) => ({ status: r.status, code: ((await r.json()) as { error?: { code: string } }).error?.code }));
    expect(await rest("POST", `/slices/${slices.aliceActive.id}/release`, {})).toEqual({ status: 403, code: "FORBIDDEN" });
    expect(await rest("POST", `/slices/${slices.alicePending.id}/cancel`, {})).toEqual({ status: 403, code: "FORBIDDEN" });
    expect(await rest("DELETE", `/tokens/${aliceToken.id}`)).toEqual({ status: 404, code: "NOT_FOUND" });

    expect(fingerprintChanges(before, await databaseFingerprint())).toEqual([]);
  });

  it("lets the holder and an admin do what the others may not", async () => {
    const { users, slices } = world;
    await expect(callerFor(users.alice).slices.release({ sliceId: slices.aliceActive.id })).resolves.toMatchObject({ id: slices.aliceActive.id });
    await expect(callerFor(users.admin).slices.cancel({ sliceId: slices.alicePending.id, reason: "machine needed" })).resolves.toMatchObject({ status: "cancelled" });
  });
});
