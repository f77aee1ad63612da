import { beforeEach, describe, expect, it } from "vitest";
import { makeInventoryDocument } from "@test/core/transfer-document";
import { db } from "@/server/db/client";
import { resetDatabase } from "@test/db/database";
import { makeMachine } from "@test/db/fixtures-slices";
import { MAX_BODY_BYTES } from "../body-limit";
import { callerFor } from "@test/api/caller";
import { call, tokenFor } from "@test/api/rest-client";

beforeEach(() => resetDatabase());

const hourFromNow = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

async function refused(response: Response, field: string, status = 400) {
  expect(response.status, field).toBe(status);
  const { error } = await response.json();
  expect(error).toMatchObject({ code: "VALIDATION", field });
  return error as { message: string };
}

describe("REST input is validated exactly as tRPC validates it", () => {
  it("refuses a number or boolean field given as a string, a boolean, an array or null, as tRPC does", async () => {
    const { token, user } = await tokenFor(["member"]);
    const machine = await makeMachine();
    const request = (gpuCount: unknown) => ({ machineId: machine.id, gpuCount, start: hourFromNow(1), end: hourFromNow(2), purpose: "Coercion check" });
    for (const gpuCount of ["1", true, [1], null, "", {}]) {
      await refused(await call("POST", "/slices", { token, body: request(gpuCount) }), "gpuCount");
      // The REST call must not have changed the shared schema: tRPC still refuses the same value.
      await expect(callerFor(user).slices.request(request(gpuCount) as never)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    for (const threads of ["4", false]) await refused(await call("POST", "/slices", { token, body: { ...request(1), threads } }), "threads");
    const ok = await call("POST", "/slices", { token, body: request(1) });
    expect(ok.status).toBe(200);
    expect(await db().slice.count()).toBe(1);
  });

  it("refuses a boolean given as a string or a number", async () => {
    const { token } = await tokenFor(["admin"]);
    for (const approve of ["true", 1, "false", null]) {
      await refused(await call("POST", `/extensions/${crypto.randomUUID()}/decision`, { token, body: { approve } }), "approve");
    }
  });

  it("types a query value only when it is written as a number, and names the parameter otherwise", async () => {
    const { token } = await tokenFor(["member"]);
    expect((await call("GET", "/slices?limit=10", { token })).status).toBe(200);
    for (const limit of ["1e1", "0x10", "", " 10", "true", "ten"]) await refused(await call("GET", `/slices?limit=${encodeURIComponent(limit)}`, { token }), "limit");
    await refused(await call("GET", "/slices?limit=1&limit=2", { token }), "limit");
  });

  it("refuses unknown query parameters on every endpoint, naming them", async () => {
    const { token } = await tokenFor(["admin"]);
    const error = await refused(await call("GET", "/machines?includeRetired=true", { token }), "includeRetired");
    expect(error.message).toBe("includeRetired: is not a query parameter of GET /machines (it takes none).");
    await refused(await call("GET", "/slices?stauts=pending", { token }), "stauts");
    await refused(await call("POST", `/slices/${crypto.randomUUID()}/release?force=true`, { token, body: {} }), "force");
    await refused(await call("POST", "/import?dryrun=true", { token, body: makeInventoryDocument() }), "dryrun");
    expect(await db().machine.count()).toBe(0);
  });
});

describe("REST import", () => {
  it("checks the document without writing it on ?dryRun=true", async () => {
    const { token } = await tokenFor(["admin"]);
    const doc = makeInventoryDocument();
    const audited = await db().auditLog.count();
    const dry = await call("POST", "/import?dryRun=true", { token, body: doc });
    expect(dry.status).toBe(200);
    expect(await dry.json()).toMatchObject({ dryRun: true, wrote: false, created: { machines: 3, slices: 9 } });
    expect(await db().machine.count()).toBe(0);
    expect(await db().auditLog.count()).toBe(audited);
    await refused(await call("POST", "/import?dryRun=yes", { token, body: doc }), "dryRun");
    const real = await call("POST", "/import?dryRun=false", { token, body: doc });
    expect(await real.json()).toMatchObject({ dryRun: false, wrote: true });
    expect(await db().machine.count()).toBe(3);
  });

  it("refuses a decimal micro-dollar amount with the field's path, not a 500", async () => {
    const { token } = await tokenFor(["admin"]);
    const doc = makeInventoryDocument();
    doc.prices[1]!.priceMicros = "1.46";
    const error = await refused(await call("POST", "/import", { token, body: doc }), "prices[1].priceMicros");
    expect(error.message).toMatch(/^Nothing was imported: prices\[1\]\.priceMicros: must be whole micro-dollars/);
  });

  it("ends a refusal whose one problem ends in a time with one full stop", async () => {
    const { token } = await tokenFor(["admin"]);
    const doc = makeInventoryDocument();
    const held = { ...doc.slices[0]!, threads: 1, ramGb: 1 };
    const clash = { ...held, externalId: "clash", start: held.start, end: held.end };
    expect((await call("POST", "/import", { token, body: { ...doc, slices: [held] } })).status).toBe(200);
    const { error } = await (await call("POST", "/import", { token, body: { version: 1, slices: [clash] } })).json();
    expect(error.message).toMatch(/^Nothing was imported: slices\[0\]\.gpus: GPU \d is held by .* UTC\.$/);
    expect(error.message).not.toContain("..");
  });

  it("answers 413 above the body limit and takes a body just under it", async () => {
    const { token } = await tokenFor(["admin"]);
    const doc = JSON.stringify(makeInventoryDocument());
    const under = doc + " ".repeat(MAX_BODY_BYTES - Buffer.byteLength(doc));
    expect((await call("POST", "/import?dryRun=true", { token, rawBody: under })).status).toBe(200);
    const over = await call("POST", "/import", { token, rawBody: `${under} ` });
    expect(over.status).toBe(413);
    expect((await over.json()).error.message).toBe("The body is larger than 32 MB, the most the API takes.");
  });
});
