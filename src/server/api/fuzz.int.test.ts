// Hostile input against every tRPC procedure and every REST endpoint, as an admin (the widest
// reach): malformed, oversized and boundary values built from each procedure's own input schema,
// mixed with real ids so that many inputs get past validation into the services. Properties:
// never a 5xx; every refusal a 4xx with a short human message (and the field for bad input); a
// refused request changes nothing in the database. FUZZ_RUNS and FUZZ_SEED reproduce a run.
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import fc from "fast-check";
import pino from "pino";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { resetDatabase } from "@test/db/database";
import { databaseFingerprint, fingerprintChanges, makeHardeningWorld } from "@test/db/fixtures-hardening";
import { toActor } from "@/server/services/actor";
import { createToken } from "@/server/services/tokens";
import { openApiDocument, REST_BASE_PATH } from "./rest/document";
import { REST_ERROR_CODES } from "./rest/errors";
import { handleRestRequest } from "./rest/handler";
import { transformer } from "@/trpc/transformer";
import { boundarySweep, HOSTILE_STRINGS, idPool, inputArbitrary, plausibleString, UNKNOWN_ID, type ZodNode } from "@test/api/fuzz-inputs";
import { appRouter } from "./root";
import { requestContext } from "./context";

const RUNS = Number(process.env.FUZZ_RUNS ?? 12);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const silent = pino({ level: "silent" });

// ---------- transports ----------

interface Procedure {
  path: string;
  type: "query" | "mutation";
  schema?: ZodNode;
  rest?: { method: string; path: string };
}
interface ProcedureDef {
  _def: { type: "query" | "mutation"; inputs: ZodNode[]; meta?: { openapi?: { method: string; path: string } } };
}
const PROCEDURES: Procedure[] = Object.entries(appRouter._def.procedures as unknown as Record<string, ProcedureDef>).map(([path, p]) => ({
  path,
  type: p._def.type,
  schema: p._def.inputs[0],
  rest: p._def.meta?.openapi,
}));

interface Answer {
  status: number;
  message?: string;
  code?: string;
  field?: string;
}

let actor: ReturnType<typeof toActor>;

/**
 * superjson refuses to encode keys such as __proto__ and constructor; a hand-made client can
 * still send them, as plain JSON in superjson's envelope.
 */
function superjsonOrRaw(input: unknown): string {
  try {
    return JSON.stringify(superjson.serialize(input));
  } catch {
    return JSON.stringify({ json: restValue(input) });
  }
}

/** tRPC over HTTP in process, as the browser calls it: superjson in, the error formatter's shape out (the output wire format). */
async function callTrpc(procedure: Procedure, input: unknown): Promise<Answer> {
  const url = new URL(`http://rigshare.test/api/trpc/${procedure.path}`);
  const encoded = superjsonOrRaw(input);
  let req: Request;
  if (procedure.type === "query") {
    if (input !== undefined) url.searchParams.set("input", encoded);
    req = new Request(url);
  } else {
    req = new Request(url, { method: "POST", headers: { "content-type": "application/json" }, body: encoded });
  }
  const response = await fetchRequestHandler({ endpoint: "/api/trpc", req, router: appRouter, createContext: () => requestContext({ actor, requestId: "fuzz", log: silent }) });
  const body = (await response.json()) as { error?: string };
  const error = body.error ? (transformer.output.deserialize(body.error) as { message: string; data: { code: string; field?: string } }) : undefined;
  return { status: response.status, message: error?.message, code: error?.data.code, field: error?.data.field };
}

const RAW_BODIES = ["", "not json", "{", "[]", "null", "\"string\"", "[".repeat(20_000) + "]".repeat(20_000), JSON.stringify({ a: "x".repeat(2_000_000) }), "{\"__proto__\":{\"admin\":true}}"];

function restValue(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? v.toString() : v)) ?? "null");
}

interface RestCall {
  pathParams: string[];
  input: unknown;
  raw?: string;
  contentType: string;
}

/** A lone surrogate has no UTF-8 form; a client can still send its bytes (WTF-8) percent-encoded. */
function percentEncoded(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return "%ED%A0%80";
  }
}

/** The REST API in process, with a token of its own per endpoint so the rate limit never interferes. */
async function callRest(procedure: Procedure, token: string, call: RestCall): Promise<Answer> {
  const { method, path } = procedure.rest!;
  let index = 0;
  const filled = path.replace(/\{(\w+)\}/g, () => percentEncoded(call.pathParams[index++] ?? ""));
  const url = new URL(`http://rigshare.test${REST_BASE_PATH}${filled}`);
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  let body: string | undefined;
  if (method === "GET" || method === "DELETE") {
    if (call.input && typeof call.input === "object" && !Array.isArray(call.input)) {
      for (const [key, value] of Object.entries(call.input as Record<string, unknown>)) {
        if (value === undefined) continue;
        url.searchParams.set(key, value instanceof Date ? (Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString()) : typeof value === "object" ? JSON.stringify(restValue(value)) : String(value));
      }
    }
  } else {
    headers["content-type"] = call.contentType;
    body = call.raw ?? JSON.stringify(restValue(call.input));
  }
  const response = await handleRestRequest(new Request(url, { method, headers, body }));
  const text = await response.text();
  let parsed: { error?: { code?: string; message?: string; field?: string } } = {};
  try {
    parsed = JSON.parse(text);
  } catch {
    return { status: response.status, message: `non-JSON body: ${text.slice(0, 80)}` };
  }
  return { status: response.status, message: parsed.error?.message, code: parsed.error?.code, field: parsed.error?.field };
}

// ---------- the properties ----------

const problems = new Map<string, string>();
const tally = { inputs: 0, accepted: 0, refused: new Map<string, number>() };
let fingerprint: Record<string, string>;

function preview(value: unknown): string {
  const text = JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? `${v}n` : typeof v === "string" && v.length > 60 ? `${v.slice(0, 20)}…(${v.length} chars)` : v));
  return (text ?? String(value)).slice(0, 300);
}

/** Checks one answer; a problem is recorded once per kind and procedure, with the first input that showed it. */
async function judge(where: string, input: unknown, answer: Answer, badInputCode: string) {
  tally.inputs += 1;
  const after = await databaseFingerprint();
  const note = (kind: string, detail: string) => {
    if (!problems.has(`${where} ${kind}`)) problems.set(`${where} ${kind}`, `${detail} — input ${preview(input)}`);
  };
  if (answer.status < 400) {
    tally.accepted += 1;
    fingerprint = after;
    return;
  }
  const label = `${answer.status} ${answer.code ?? "?"}`;
  tally.refused.set(label, (tally.refused.get(label) ?? 0) + 1);
  if (answer.status >= 500) note(`status ${answer.status}`, `${answer.code}: ${answer.message}`);
  if (!answer.message || answer.message.length > 5000 || /^\s*[[{]/.test(answer.message)) note("unclear message", `message ${preview(answer.message)}`);
  if (answer.code === badInputCode && answer.field === undefined && !/JSON|Content-Type/.test(answer.message ?? "")) note("no field", `${label}: ${answer.message}`);
  const changes = fingerprintChanges(fingerprint, after);
  if (changes.length > 0) note("changed the database", changes.join("; "));
  fingerprint = after;
}

async function refreshIdPool() {
  const ids = async (rows: Promise<{ id: string }[]>) => (await rows).map((row) => row.id);
  idPool.current = {
    machineId: await ids(db().machine.findMany({ select: { id: true } })),
    gpuId: await ids(db().gpu.findMany({ select: { id: true } })),
    gpuModelId: await ids(db().gpuModel.findMany({ select: { id: true } })),
    teamId: await ids(db().team.findMany({ select: { id: true } })),
    userId: await ids(db().user.findMany({ where: { id: { not: actor.id } }, select: { id: true } })),
    actorId: await ids(db().user.findMany({ select: { id: true } })),
    sliceId: await ids(db().slice.findMany({ select: { id: true } })),
    extensionId: await ids(db().sliceExtension.findMany({ select: { id: true } })),
    buildId: await ids(db().build.findMany({ select: { id: true } })),
    // The fuzzing admin's own tokens and account stay out of reach, or the run would lock itself out.
    tokenId: await ids(db().apiToken.findMany({ where: { userId: { not: actor.id } }, select: { id: true } })),
    entryId: await ids(db().priceEntry.findMany({ select: { id: true } })),
    subjectId: await ids(db().slice.findMany({ select: { id: true } })),
  };
}

const restTokens: Record<string, string> = {};

beforeAll(async () => {
  await resetDatabase();
  const world = await makeHardeningWorld(new Date());
  actor = toActor(world.users.admin);
  for (const p of PROCEDURES.filter((p) => p.rest)) {
    restTokens[p.path] = (await createToken(actor, { name: `fuzz ${p.path}`, scope: "write", expiresInDays: 1 }, new Date())).token;
  }
  fingerprint = await databaseFingerprint();
}, 60_000);

afterAll(() => {
  for (const [key, detail] of problems) console.log(`PROBLEM ${key}: ${detail}`);
  const refused = [...tally.refused.entries()].sort((a, b) => b[1] - a[1]).map(([label, n]) => `${label} x${n}`).join(", ");
  console.log(`fuzz: ${tally.inputs} inputs (${RUNS} per procedure and transport, seed ${SEED}): ${tally.accepted} accepted; refused: ${refused}`);
});

describe("hostile input over tRPC", () => {
  for (const procedure of PROCEDURES) {
    it(`${procedure.path}`, async () => {
      await refreshIdPool();
      for (const input of boundarySweep(procedure.schema)) await judge(`tRPC ${procedure.path}`, input, await callTrpc(procedure, input), "BAD_REQUEST");
      await fc.assert(
        fc.asyncProperty(inputArbitrary(procedure.schema), async (input) => {
          await judge(`tRPC ${procedure.path}`, input, await callTrpc(procedure, input), "BAD_REQUEST");
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
      expect(Object.fromEntries([...problems].filter(([key]) => key.startsWith(`tRPC ${procedure.path} `)))).toEqual({});
    }, 60_000);
  }
});

describe("hostile input over REST (/api/v1)", () => {
  it("covers every endpoint the OpenAPI document publishes", () => {
    const published = Object.values(openApiDocument().paths ?? {}).flatMap((item) => Object.keys(item as object)).length;
    expect(PROCEDURES.filter((p) => p.rest)).toHaveLength(published);
  });

  for (const procedure of PROCEDURES.filter((p) => p.rest)) {
    const { method, path } = procedure.rest!;
    it(`${method} ${path}`, async () => {
      await refreshIdPool();
      const params = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
      const paramArbitrary = (name: string) =>
        fc.oneof({ weight: 4, arbitrary: plausibleString(name, "uuid") as fc.Arbitrary<string> }, fc.constantFrom(...HOSTILE_STRINGS.filter((s) => s.length < 20_000)));
      const call = fc.record({
        pathParams: fc.tuple(...params.map(paramArbitrary)),
        input: inputArbitrary(procedure.schema),
        raw: fc.oneof({ weight: 6, arbitrary: fc.constant(undefined) }, fc.constantFrom(...RAW_BODIES)),
        contentType: fc.oneof({ weight: 6, arbitrary: fc.constant("application/json") }, fc.constantFrom("text/plain", "application/x-www-form-urlencoded", "")),
      });
      const check = async (c: RestCall) => {
        const answer = await callRest(procedure, restTokens[procedure.path]!, c);
        if (answer.code && !(REST_ERROR_CODES as readonly string[]).includes(answer.code)) problems.set(`REST ${method} ${path} unknown code`, answer.code);
        await judge(`REST ${method} ${path}`, c, answer, "VALIDATION");
      };
      for (const input of boundarySweep(procedure.schema)) {
        const pathParams = params.map((name) => String((input as Record<string, unknown>)[name] ?? UNKNOWN_ID));
        await check({ pathParams, input, contentType: "application/json" });
      }
      await fc.assert(
        fc.asyncProperty(call, (c) => check(c as RestCall)),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
      expect(Object.fromEntries([...problems].filter(([key]) => key.startsWith(`REST ${method} ${path} `)))).toEqual({});
    }, 60_000);
  }
});
