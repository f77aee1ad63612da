import { readFileSync } from "node:fs";
import createClient from "openapi-fetch";
import { beforeEach, describe, expect, it } from "vitest";
import { GET as getOpenApiJson } from "@/app/api/openapi.json/route";
import { GET as getInventorySchema } from "@/app/api/v1/schema/inventory-v1.json/route";
import { API_TYPES_FILE, renderApiTypes } from "../../../../scripts/lib/api-types";
import type { paths } from "@/cli/api/types.gen";
import { makeInventoryDocument } from "@test/core/transfer-document";
import { db } from "@/server/db/client";
import { resetDatabase } from "@test/db/database";
import { makeMachine } from "@test/db/fixtures-slices";
import { toActor } from "@/server/services/actor";
import { listMachines } from "@/server/services/machines";
import { savingsReport } from "@/server/services/savings";
import { revokeToken } from "@/server/services/tokens";
import { handleRestRequest } from "./handler";
import { toRestJson } from "./json";
import { BASE, call, handlers, tokenFor } from "@test/api/rest-client";
import { RATE_LIMIT } from "@/server/services/rate-limit";

beforeEach(() => resetDatabase());

describe("REST API", () => {
  it("describes itself at /api/openapi.json, and its generated client types are up to date", async () => {
    const response = getOpenApiJson();
    expect(response.status).toBe(200);
    const document = await response.json();
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(["/machines", "/slices", "/slices/{sliceId}/approve", "/savings/report", "/import", "/export", "/tokens/{tokenId}"]),
    );
    expect(await renderApiTypes()).toBe(readFileSync(API_TYPES_FILE, "utf8"));

    const schema = await getInventorySchema(new Request("http://localhost/api/v1/schema/inventory-v1.json")).json();
    expect(schema).toMatchObject({ $id: "http://localhost/api/v1/schema/inventory-v1.json", $schema: "https://json-schema.org/draft/2020-12/schema" });
    expect(Object.keys(schema.$defs.InventoryDocument.properties)).toEqual(["$schema", "version", "teams", "users", "gpuModels", "prices", "builds", "machines", "quotas", "slices"]);
  });

  it("refuses every endpoint without a valid token: none, unknown, revoked, expired", async () => {
    const admin = await tokenFor(["admin"]);
    const revoked = await tokenFor(["admin"]);
    await revokeToken(toActor(revoked.user), { tokenId: revoked.tokenId }, new Date());
    const expired = await tokenFor(["admin"]);
    await db().apiToken.update({ where: { id: expired.tokenId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const document = await getOpenApiJson().json();
    const id = crypto.randomUUID();
    for (const [template, item] of Object.entries(document.paths as Record<string, object>)) {
      for (const method of Object.keys(item)) {
        const path = template.replace(/\{\w+\}/g, id);
        for (const [token, why] of [[undefined, "Send a personal API token"], ["rs_nope", "not valid"], [revoked.token, "revoked"], [expired.token, "expired"]] as const) {
          const response = await call(method.toUpperCase(), path, { token, body: method === "get" || method === "delete" ? undefined : {} });
          expect(response.status, `${method} ${template}`).toBe(401);
          const { error } = await response.json();
          expect(error).toMatchObject({ code: "UNAUTHORIZED", message: expect.stringContaining(why) });
        }
      }
    }
    expect((await call("GET", "/machines", { token: admin.token })).status).toBe(200);
  });

  it("answers every read endpoint for an admin, with money as strings and the same data as the web app", async () => {
    const { token, user } = await tokenFor(["admin"], "read");
    const machine = await makeMachine();
    const effectiveFrom = new Date("2018-01-01T00:00:00Z");
    await db().priceEntry.createMany({
      data: [
        { provider: "GCP", sku: "gcp-p100", unit: "gpu_hour", priceMicros: 1_460_000n, effectiveFrom },
        { provider: "GCP", sku: "gcp-n1-vcpu", unit: "vcpu_hour", priceMicros: 31_611n, effectiveFrom },
        { provider: "GCP", sku: "gcp-n1-ram-gb", unit: "gb_hour", priceMicros: 4_237n, effectiveFrom },
      ],
    });
    await db().gpuModel.updateMany({ data: { cloudSku: "gcp-p100" } });
    const slice = await db().slice.create({
      data: { machineId: machine.id, requesterId: user.id, teamId: user.teamId, gpuCount: 1, threads: 5, ramGb: 40, startAt: new Date("2024-01-01T00:00:00Z"), endAt: new Date("2024-01-02T00:00:00Z"), purpose: "Training", status: "approved" },
    });
    await db().sliceGpu.create({ data: { sliceId: slice.id, gpuId: machine.gpus[0]!.id, startAt: slice.startAt, endAt: slice.endAt } });

    const get = async (path: string) => {
      const response = await call("GET", path, { token });
      expect(response.status, `${path}: ${response.status === 200 ? "" : await response.clone().text()}`).toBe(200);
      expect(response.headers.get("x-ratelimit-limit")).toBe(String(RATE_LIMIT.capacity));
      return response.json();
    };
    // What REST sends is exactly the service's result, bigints as strings: `.output()` strips nothing.
    expect(await get("/machines")).toEqual(JSON.parse(JSON.stringify(toRestJson(await listMachines(new Date())))));
    expect(await get(`/machines/${machine.id}`)).toMatchObject({ id: machine.id, gpus: [{ index: 0 }, { index: 1 }, { index: 2 }] });
    expect(await get("/gpu-models")).toEqual([expect.objectContaining({ name: "Test GTX 1080 Ti", gpuCount: 3 })]);
    expect(await get("/slices?requester=anyone&status=approved")).toEqual([expect.objectContaining({ id: slice.id, gpus: [expect.objectContaining({ index: 0 })], start: "2024-01-01T00:00:00.000Z" })]);
    expect(await get(`/slices/${slice.id}`)).toMatchObject({ id: slice.id, state: "ended" });
    const window = { from: "2024-01-01T00:00:00.000Z", to: "2024-02-01T00:00:00.000Z", bucket: "week", groupBy: "team" } as const;
    const report = await get(`/savings/report?${new URLSearchParams(window)}`);
    expect(report).toEqual(JSON.parse(JSON.stringify(toRestJson(await savingsReport({ ...window, from: new Date(window.from), to: new Date(window.to) }, new Date())))));
    expect(typeof report.fleet.total.cloudEquivalentMicros).toBe("string");
    expect(await get("/savings/summary")).toMatchObject({ savingsToDateMicros: expect.stringMatching(/^-?\d+$/) });
    expect(await get("/tokens")).toEqual([expect.objectContaining({ scope: "read", prefix: token.slice(0, 9) })]);
    expect(await get("/export")).toMatchObject({ version: 1, machines: [expect.objectContaining({ name: machine.name })] });
  });

  it("applies the web app's permission table, and lets read tokens only read", async () => {
    const member = await tokenFor(["member"]);
    // Leadership may hold read tokens only (the permission table); writes are refused all the same.
    const leadership = await tokenFor(["leadership"], "read");
    const adminRead = await tokenFor(["admin"], "read");
    const machine = await makeMachine();
    const request = { machineId: machine.id, gpuCount: 1, start: new Date(Date.now() + 3_600_000).toISOString(), end: new Date(Date.now() + 7_200_000).toISOString(), purpose: "Fine-tune a model" };

    const forbidden = async (method: string, path: string, token: string, body?: unknown) => {
      const response = await call(method, path, { token, body });
      expect(response.status, `${method} ${path}`).toBe(403);
      return (await response.json()).error;
    };
    expect(await forbidden("POST", "/slices", adminRead.token, request)).toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("read-only") });
    expect(await forbidden("POST", "/slices", leadership.token, request)).toMatchObject({ message: expect.stringContaining("read-only") });
    expect(await forbidden("GET", "/savings/summary", member.token)).toMatchObject({ code: "FORBIDDEN" });
    expect(await forbidden("GET", "/export", member.token)).toMatchObject({ code: "FORBIDDEN" });
    expect(await forbidden("POST", "/import", leadership.token, { version: 1 })).toMatchObject({ message: expect.stringContaining("read-only") });

    const created = await call("POST", "/slices", { token: member.token, body: request });
    expect(created.status).toBe(200);
    const slice = await created.json();
    expect(await forbidden("POST", `/slices/${slice.id}/approve`, member.token, {})).toMatchObject({ message: expect.stringContaining("slices:decide") });
    expect((await call("GET", "/export", { token: leadership.token })).status).toBe(200);
  });

  it("changes slices and tokens through every write endpoint", async () => {
    const member = await tokenFor(["member"]);
    const admin = await tokenFor(["admin"]);
    const machine = await makeMachine();
    const post = async (path: string, token: string, body: unknown = {}) => {
      const response = await call("POST", path, { token, body });
      expect(response.status, `POST ${path}: ${response.status === 200 ? "" : await response.clone().text()}`).toBe(200);
      return response.json();
    };
    const hour = 3_600_000;
    const base = Math.ceil(Date.now() / hour) * hour;
    const window = (fromHours: number, hours: number) => ({ start: new Date(base + fromHours * hour).toISOString(), end: new Date(base + (fromHours + hours) * hour).toISOString() });
    const request = (fromHours: number) => post("/slices", member.token, { machineId: machine.id, gpuCount: 1, ...window(fromHours, 2), purpose: "Evaluate a model" });

    const rejected = await post(`/slices/${(await request(1)).id}/reject`, admin.token, { reason: "The machine is booked for a demo" });
    expect(rejected).toMatchObject({ status: "rejected", decisionReason: "The machine is booked for a demo", decidedBy: { id: admin.user.id } });
    const cancelled = await post(`/slices/${(await request(4)).id}/cancel`, member.token, { reason: "Not needed" });
    expect(cancelled.status).toBe("cancelled");

    const approved = await post(`/slices/${(await request(8)).id}/approve`, admin.token);
    const asked = await post(`/slices/${approved.id}/extension`, member.token, { end: window(8, 5).end, reason: "The run takes longer" });
    expect(asked.pendingExtension).toMatchObject({ reason: "The run takes longer" });
    const extended = await post(`/extensions/${asked.pendingExtension.id}/decision`, admin.token, { approve: true });
    expect(extended).toMatchObject({ end: window(8, 5).end, pendingExtension: null });

    const response = await call("DELETE", `/tokens/${member.tokenId}`, { token: member.token });
    expect(response.status).toBe(200);
    expect((await response.json()).revokedAt).toEqual(expect.any(String));
    expect((await call("GET", "/tokens", { token: member.token })).status).toBe(401);
  });

  it("answers bad input with 400 and the field at fault, never 500", async () => {
    const { token } = await tokenFor(["admin"]);
    const machine = await makeMachine();
    const bad = async (method: string, path: string, init: { body?: unknown; rawBody?: string }, expected: { status?: number; code?: string; field?: string; message?: RegExp }) => {
      const response = await call(method, path, { token, ...init });
      expect(response.status, `${method} ${path}`).toBe(expected.status ?? 400);
      const { error } = await response.json();
      expect(error).toMatchObject({ code: expected.code ?? "VALIDATION", requestId: expect.any(String) });
      if (expected.field) expect(error.field).toBe(expected.field);
      if (expected.message) expect(error.message).toMatch(expected.message);
      return error;
    };
    await bad("POST", "/slices", { body: { machineId: machine.id, gpuCount: 1, start: "2030-01-02T00:00:00Z", end: "2030-01-01T00:00:00Z", purpose: "Fine-tune" } }, { field: "end", message: /^end: must be after the start$/ });
    const several = await bad("POST", "/slices", { body: { machineId: "nope", gpuCount: 0, end: "soon" } }, { field: "machineId" });
    expect(several.details.problems.map((p: { field: string }) => p.field)).toEqual(["machineId", "gpuCount", "end", "purpose"]);
    await bad("POST", "/slices", { rawBody: "{not json" }, { message: /not valid JSON/ });
    await bad("GET", "/savings/report?from=2024-01-01&to=2023-01-01&bucket=year&groupBy=team", {}, { field: "bucket" });
    await bad("GET", "/slices?limit=many", {}, { field: "limit" });
    await bad("GET", "/slices?constructor=1&__proto__=2&toString=3", {}, { field: "constructor", message: /^constructor: is not a query parameter of GET \/slices/ });
    await bad("GET", `/slices/${crypto.randomUUID()}`, {}, { status: 404, code: "NOT_FOUND", field: "sliceId" });
    await bad("GET", "/nothing-here", {}, { status: 404, code: "NOT_FOUND", message: /no such endpoint/ });
    // A request that cannot be met says why and proposes the earliest window that fits.
    const start = new Date(Date.now() + 86_400_000).toISOString();
    const tooMany = await bad("POST", "/slices", { body: { machineId: machine.id, gpuCount: 4, start, end: new Date(Date.now() + 2 * 86_400_000).toISOString(), purpose: "Big run" } }, { status: 409, code: "CAPACITY_CONFLICT", field: "gpuCount" });
    expect(tooMany.message).toMatch(/has 3 GPUs; 4 were requested/);
  });

  it("limits each token to its burst, then answers 429 with Retry-After", async () => {
    const { token } = await tokenFor(["member"], "read");
    const other = await tokenFor(["member"], "read");
    // The handler the route calls, on a stopped clock, so no request refills the bucket.
    const now = new Date();
    const at = (t: string, when = now) => handleRestRequest(new Request(`${BASE}/tokens`, { headers: { authorization: `Bearer ${t}` } }), when);
    for (let i = 0; i < RATE_LIMIT.capacity; i++) expect((await at(token)).status).toBe(200);
    const limited = await at(token);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("1");
    expect((await limited.json()).error).toMatchObject({ code: "RATE_LIMITED", message: expect.stringContaining("Retry in 1 s") });
    expect((await at(other.token)).status).toBe(200);
    expect((await at(token, new Date(now.getTime() + 1000))).status).toBe(200);
  });

  it("imports and exports a document, refusing a bad one whole with every problem", async () => {
    const admin = await tokenFor(["admin"]);
    const doc = makeInventoryDocument();
    const imported = await call("POST", "/import", { token: admin.token, body: doc });
    expect(imported.status).toBe(200);
    expect(await imported.json()).toMatchObject({ wrote: true, created: { machines: 3, slices: 9 } });
    const exported = await (await call("GET", "/export", { token: admin.token })).json();
    expect(exported.machines).toEqual(doc.machines);
    expect(exported.slices).toEqual(doc.slices);

    const again = await call("POST", "/import", { token: admin.token, body: doc });
    expect(await again.json()).toMatchObject({ wrote: false, unchanged: { slices: 9 } });

    const bad = await call("POST", "/import", {
      token: admin.token,
      body: { version: 1, machines: [{ ...doc.machines[2]!, gpus: [{ index: 0, model: "RTX 9090" }] }], slices: [{ ...doc.slices[1]!, externalId: "clash", gpus: [1] }] },
    });
    expect(bad.status).toBe(400);
    const { error } = await bad.json();
    expect(error).toMatchObject({ code: "VALIDATION", field: "machines[0].gpus[0].model" });
    expect(error.details.problems.map((p: { path: string }) => p.path)).toEqual(["machines[0].gpus[0].model", "slices[0].gpus", "slices[0].threads", "slices[0].ramGb"]);

    const malformed = await call("POST", "/import", { token: admin.token, body: { version: 1, machines: [{ name: "zeus", cores: -1 }] } });
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error.details.problems.map((p: { path: string }) => p.path)).toEqual(
      expect.arrayContaining(["machines[0].cpuModel", "machines[0].cores", "machines[0].threads"]),
    );
    const notADocument = await call("POST", "/import", { token: admin.token, body: { version: 1, machine: [] } });
    expect((await notADocument.json()).error).toMatchObject({ code: "VALIDATION", message: expect.stringContaining("machine") });
  });

  it("serves a typed client (openapi-typescript + openapi-fetch): request, approve, release", async () => {
    const member = await tokenFor(["member"]);
    const admin = await tokenFor(["admin"]);
    const machine = await makeMachine();
    const fetch = (req: Request) => handlers[req.method]!(req);
    const as = (token: string) => createClient<paths>({ baseUrl: BASE, fetch, headers: { Authorization: `Bearer ${token}` } });

    const start = new Date(Date.now() + 60_000);
    const requested = await as(member.token).POST("/slices", {
      body: { machineId: machine.id, gpuCount: 1, start: start.toISOString(), end: new Date(start.getTime() + 3_600_000).toISOString(), purpose: "Typed client run" },
    });
    expect(requested.error).toBeUndefined();
    const sliceId = requested.data!.id;
    expect(requested.data!.status).toBe("pending");
    expect(requested.data!.threads).toBe(5);

    const approved = await as(admin.token).POST("/slices/{sliceId}/approve", { params: { path: { sliceId } }, body: {} });
    expect(approved.data?.gpus.map((g) => g.index)).toEqual([0]);

    // Released once it has started: move its start into the past, as the clock would.
    await db().slice.update({ where: { id: sliceId }, data: { startAt: new Date(Date.now() - 60_000) } });
    await db().sliceGpu.updateMany({ where: { sliceId }, data: { startAt: new Date(Date.now() - 60_000) } });
    const released = await as(member.token).POST("/slices/{sliceId}/release", { params: { path: { sliceId } } });
    expect(released.error).toBeUndefined();
    expect(released.data).toMatchObject({ status: "approved", state: "ended", releasedAt: expect.any(String) });

    const refused = await as(member.token).POST("/slices/{sliceId}/release", { params: { path: { sliceId } } });
    expect(refused.response.status).toBe(409);
    expect(refused.error).toMatchObject({ error: { code: "CONFLICT", field: "sliceId" } });
  });
});
