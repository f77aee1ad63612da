import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as postEnroll } from "@/app/api/agent/v1/enroll/route";
import { db } from "@/server/db/client";
import { toActor } from "@/server/services/actor";
import { createEnrollmentCode } from "@/server/services/agent-enrollment";
import { resetDatabase } from "@test/db/database";
import { makeUser } from "@test/db/fixtures";
import { makeMachine } from "@test/db/fixtures-slices";
import { forwardTelemetry } from "./forward";
import { startIngestServer } from "./server";
import { TELEMETRY_PATH } from "./telemetry-endpoint";

let ingest: Awaited<ReturnType<typeof startIngestServer>>;
beforeAll(async () => {
  ingest = await startIngestServer();
});
afterAll(() => ingest.close());
beforeEach(() => resetDatabase());

async function enrolled() {
  const admin = await makeUser({ roles: ["admin"] });
  const machine = await makeMachine({ gpus: 1 });
  const { code } = await createEnrollmentCode(toActor(admin), { machineId: machine.id }, new Date());
  const response = await postEnroll(new Request("http://portal.test/api/agent/v1/enroll", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ code, hostname: machine.name, agentVersion: "0.1.0" }) }));
  const { credential } = (await response.json()) as { credential: string };
  return { machine, credential };
}

/** A report of one sample of the machine's only GPU, as the agent sends it to the portal. */
function report(credential: string, seq: number, extraHeaders: Record<string, string> = {}) {
  const body = { agentVersion: "0.1.0", sentAt: new Date().toISOString(), samples: [{ seq, at: new Date().toISOString(), gpus: [{ uuid: "GPU-1a2b3c4d-0000-0000-0000-000000000000", index: 0, name: "GTX 1080 Ti", utilPct: 90, memUsedMib: 1000, memTotalMib: 11264, powerW: 200, tempC: 60 }], processes: [], faults: [] }] };
  return new Request(`http://portal.test${TELEMETRY_PATH}`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${credential}`, "x-request-id": "req-ingest-0001", ...extraHeaders }, body: JSON.stringify(body) });
}

describe("the telemetry ingest process", () => {
  it("stores a report forwarded by the web app once, however often it comes, and answers as the portal does", async () => {
    const { machine, credential } = await enrolled();
    const first = await forwardTelemetry(report(credential, 1), ingest.url);
    expect(first.status).toBe(200);
    expect(first.headers.get("x-request-id")).toBe("req-ingest-0001");
    expect(await first.json()).toEqual({ accepted: 1, duplicates: 0, mismatches: [] });
    const again = await forwardTelemetry(report(credential, 1), ingest.url);
    expect(await again.json()).toEqual({ accepted: 0, duplicates: 1, mismatches: [] });
    const gpuIds = (await db().gpu.findMany({ where: { machineId: machine.id }, select: { id: true } })).map((g) => g.id);
    expect(await db().gpuSample.count({ where: { gpuId: { in: gpuIds } } })).toBe(1);
  });

  it("passes refusals through as they are: a wrong credential is a 401 naming the problem", async () => {
    const refused = await forwardTelemetry(report("rsa_not-a-credential", 1), ingest.url);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ error: { code: "UNAUTHORIZED" } });
    const invalid = await forwardTelemetry(new Request(`http://portal.test${TELEMETRY_PATH}`, { method: "POST", headers: { "content-type": "application/json", authorization: "Bearer rsa_x" }, body: "{" }), ingest.url);
    expect(invalid.status).toBe(401);
  });

  it("tells the agent to come back later (503, Retry-After) when the ingest process does not answer", async () => {
    const gone = await startIngestServer();
    await gone.close();
    const { credential } = await enrolled();
    const answer = await forwardTelemetry(report(credential, 1), gone.url);
    expect(answer.status).toBe(503);
    expect(answer.headers.get("retry-after")).toBe("5");
    expect(await answer.json()).toMatchObject({ error: { code: "UNAVAILABLE", requestId: "req-ingest-0001" } });
  });

  it("serves nothing but the telemetry endpoint", async () => {
    const other = await fetch(`${ingest.url}/api/v1/machines`);
    expect(other.status).toBe(404);
    const get = await fetch(`${ingest.url}${TELEMETRY_PATH}`);
    expect(get.status).toBe(404);
  });
});
