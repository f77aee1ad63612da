import { beforeEach, describe, expect, it } from "vitest";
import type { SampleIn } from "@/core/agent/contract";
import { GET as getConfig } from "@/app/api/agent/v1/config/route";
import { POST as postEnroll } from "@/app/api/agent/v1/enroll/route";
import { POST as postTelemetry } from "@/app/api/agent/v1/telemetry/route";
import { db } from "@/server/db/client";
import { resetDatabase } from "@test/db/database";
import { makeUser } from "@test/db/fixtures";
import { makeHold } from "@test/db/fixtures-inventory";
import { makeMachine } from "@test/db/fixtures-slices";
import { toActor } from "./actor";
import { createEnrollmentCode, revokeAgent } from "./agent-enrollment";
import { pruneTelemetry } from "./telemetry-retention";
import { listUnbookedUse, liveMachineTelemetry, machineTelemetrySeries, sliceUsages } from "./telemetry-views";
import { usedVersusHeld } from "./telemetry-savings";
import { createToken } from "./tokens";

beforeEach(() => resetDatabase());

const BASE = "http://portal.test/api/agent/v1";
const json = (body: unknown, credential?: string) => ({ method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json", ...(credential ? { authorization: `Bearer ${credential}` } : {}) } });
const uuid = (machine: string, index: number) => `GPU-${machine.padEnd(8, "0").slice(0, 8)}-0000-0000-0000-00000000000${index}`;

async function enrolledMachine(gpus = 2) {
  const admin = await makeUser({ roles: ["admin"] });
  const machine = await makeMachine({ gpus });
  const { code } = await createEnrollmentCode(toActor(admin), { machineId: machine.id }, new Date());
  const response = await postEnroll(new Request(`${BASE}/enroll`, json({ code, hostname: machine.name, agentVersion: "0.1.0" })));
  expect(response.status).toBe(201);
  const { credential } = (await response.json()) as { credential: string };
  return { admin, machine, credential, hex: machine.id.replace(/-/g, "").slice(0, 8) };
}

function sample(seq: number, at: Date, hex: string, gpus: { utilPct: number | null; memUsedMib?: number }[], processes: { gpu: number; user: string | null; name?: string; memMib?: number }[] = []): SampleIn {
  return {
    seq,
    at: at.toISOString(),
    gpus: gpus.map((g, index) => ({ uuid: uuid(hex, index), index, name: "GTX 1080 Ti", utilPct: g.utilPct, memUsedMib: g.memUsedMib ?? 1000, memTotalMib: 11264, powerW: 200, tempC: 60 })),
    processes: processes.map((p, i) => ({ gpuUuid: uuid(hex, p.gpu), pid: 1000 + i, uid: 2000, user: p.user, name: p.name ?? "python", memMib: p.memMib ?? 500 })),
    faults: [],
  };
}

const send = (credential: string, samples: SampleIn[], sentAt = new Date()) => postTelemetry(new Request(`${BASE}/telemetry`, json({ agentVersion: "0.1.0", sentAt: sentAt.toISOString(), samples }, credential)));
const series = (n: number, start: Date, hex: string, util: (i: number) => number) => Array.from({ length: n }, (_, i) => sample(i + 1, new Date(start.getTime() + i * 10_000), hex, [{ utilPct: util(i) }, { utilPct: 0 }]));

describe("enrolling a machine's agent", () => {
  it("exchanges a one-time code for a hashed, revocable credential that works only for its machine", async () => {
    const { machine, credential, admin } = await enrolledMachine();
    expect(credential).toMatch(/^rsa_/);
    const stored = await db().agentCredential.findFirstOrThrow({ where: { machineId: machine.id } });
    expect(stored.tokenHash).not.toContain(credential);
    const config = await getConfig(new Request(`${BASE}/config`, { headers: { authorization: `Bearer ${credential}` } }));
    expect(config.status).toBe(200);
    expect(await config.json()).toMatchObject({ machineName: machine.name, systemProcesses: expect.arrayContaining(["Xorg"]) });
    const again = await getConfig(new Request(`${BASE}/config`, { headers: { authorization: `Bearer ${credential}`, "if-none-match": config.headers.get("etag")! } }));
    expect(again.status).toBe(304);
    await revokeAgent(toActor(admin), { machineId: machine.id }, new Date());
    const refused = await send(credential, [sample(1, new Date(), "x", [])]);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ error: { code: "UNAUTHORIZED", message: expect.stringContaining("revoked") } });
    // The proxy skips the agent endpoints: they send its headers themselves, keeping the config's own revalidation.
    expect(config.headers.get("cache-control")).toBe("no-cache");
    for (const response of [config, again, refused]) {
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("x-request-id")).toMatch(/^[\w-]{8,64}$/);
    }
    expect(refused.headers.get("cache-control")).toBe("no-store");
    expect((await db().auditLog.findMany({ where: { subjectId: machine.id } })).map((a) => a.action)).toEqual(["agent.code.create", "agent.enroll", "agent.revoke"]);
  });

  it("refuses a report with a revoked credential at once, though its identity is cached from the report before", async () => {
    const { machine, credential, admin, hex } = await enrolledMachine();
    expect((await send(credential, [sample(1, new Date(), hex, [{ utilPct: 50 }, { utilPct: 0 }])])).status).toBe(200);
    await revokeAgent(toActor(admin), { machineId: machine.id }, new Date());
    const refused = await send(credential, [sample(2, new Date(), hex, [{ utilPct: 50 }, { utilPct: 0 }])]);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ error: { code: "UNAUTHORIZED", message: expect.stringContaining("revoked") } });
    expect(await db().telemetrySample.count()).toBe(1);
    expect((await send(credential, [sample(3, new Date(), hex, [])])).status).toBe(401);
  });

  it("refuses a reused code, an expired code, an unknown code and a personal API token", async () => {
    const admin = await makeUser({ roles: ["admin"] });
    const machine = await makeMachine();
    const { code } = await createEnrollmentCode(toActor(admin), { machineId: machine.id }, new Date());
    const enroll = (c: string) => postEnroll(new Request(`${BASE}/enroll`, json({ code: c, hostname: "h", agentVersion: "0.1.0" })));
    expect((await enroll(code.toLowerCase())).status).toBe(201);
    const reused = await enroll(code);
    expect(reused.status).toBe(401);
    expect(await reused.json()).toMatchObject({ error: { field: "code", message: expect.stringContaining("already used") } });
    const old = await createEnrollmentCode(toActor(admin), { machineId: machine.id }, new Date(Date.now() - 2 * 3_600_000));
    expect(await (await enroll(old.code)).json()).toMatchObject({ error: { code: "UNAUTHORIZED", message: expect.stringContaining("expired") } });
    expect((await enroll("AAAA-BBBB-CCCC-DDDD")).status).toBe(401);
    const { token } = await createToken(toActor(admin), { name: "script", scope: "write", expiresInDays: 1 }, new Date());
    expect((await send(token, [sample(1, new Date(), "x", [])])).status).toBe(401);
  });

  it("does not let one machine's credential report another machine's GPUs", async () => {
    const a = await enrolledMachine();
    const b = await enrolledMachine();
    const first = await send(a.credential, [sample(1, new Date(), a.hex, [{ utilPct: 10 }, { utilPct: 20 }])]);
    expect(await first.json()).toMatchObject({ accepted: 1, mismatches: [] });
    const foreign = await send(b.credential, [sample(1, new Date(), a.hex, [{ utilPct: 99 }, { utilPct: 99 }])]);
    expect((await foreign.json()).mismatches).toEqual([expect.stringContaining(`registered on machine ${a.machine.name}`), expect.stringContaining(a.machine.name)]);
    expect(await db().gpuSample.count({ where: { utilPct: 99 } })).toBe(0);
  });

  it("refuses bad input cleanly, naming the field", async () => {
    const { credential, hex } = await enrolledMachine();
    const bad = sample(1, new Date(), hex, [{ utilPct: 10 }]);
    (bad.gpus[0] as { uuid: string }).uuid = "not-a-uuid";
    const response = await send(credential, [bad]);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: "VALIDATION", field: "samples[0].gpus[0].uuid" } });
    const notJson = await postTelemetry(new Request(`${BASE}/telemetry`, { method: "POST", body: "{", headers: { authorization: `Bearer ${credential}` } }));
    expect(await notJson.json()).toMatchObject({ error: { code: "VALIDATION", field: "body" } });
    expect((await send(credential, [])).status).toBe(400);
  });
});

describe("ingesting telemetry", () => {
  it("stores each sample once however often it is resent, fills GPU UUIDs on the first report, and keeps the agent's health", async () => {
    const { machine, credential, hex } = await enrolledMachine();
    const start = new Date(Date.now() - 5 * 60_000);
    const batch = series(12, start, hex, (i) => i * 5);
    const first = await send(credential, batch, new Date(Date.now() + 1500));
    expect(await first.json()).toEqual({ accepted: 12, duplicates: 0, mismatches: [] });
    const replay = await send(credential, [...batch.slice(6), ...series(18, start, hex, (i) => i * 5).slice(12)]);
    expect(await replay.json()).toEqual({ accepted: 6, duplicates: 6, mismatches: [] });
    expect(await db().gpuSample.count()).toBe(36);
    const minutes = await db().gpuUsageMinute.aggregate({ _sum: { samples: true } });
    const hours = await db().gpuUsageHour.aggregate({ _sum: { samples: true } });
    expect([minutes._sum.samples, hours._sum.samples]).toEqual([36, 36]);
    expect((await db().gpu.findMany({ where: { machineId: machine.id }, orderBy: { index: "asc" } })).map((g) => g.uuid)).toEqual([uuid(hex, 0), uuid(hex, 1)]);
    const live = await liveMachineTelemetry(machine.id, new Date(), { withUnbooked: true });
    expect(live.agent).toMatchObject({ state: "reporting", version: "0.1.0" });
    expect(Math.abs(live.agent!.clockSkewMs!)).toBeLessThan(60_000);
    expect(live.gpus[0]!.latest).toMatchObject({ utilPct: 85 });
    expect(live.gpus[0]!.sparkline).toHaveLength(18);
  });

  it("reports a GPU whose UUID disagrees with the inventory instead of guessing", async () => {
    const { machine, credential, hex } = await enrolledMachine();
    await send(credential, [sample(1, new Date(), hex, [{ utilPct: 1 }, { utilPct: 1 }])]);
    const swapped = sample(2, new Date(), "ffffffff", [{ utilPct: 1 }]);
    const response = await (await send(credential, [swapped])).json();
    expect(response.mismatches).toEqual([expect.stringContaining("is not the portal's GPU 0")]);
    expect((await db().agentCredential.findFirstOrThrow({ where: { machineId: machine.id, revokedAt: null } })).faults).toEqual(response.mismatches);
  });
});

describe("rollups and retention", () => {
  it("keeps per-minute and per-hour aggregates equal to the raw samples, then prunes raw after days and minutes after months", async () => {
    const { machine, credential, hex } = await enrolledMachine();
    const start = new Date("2026-12-01T09:58:00Z");
    const all = series(720, start, hex, (i) => (i % 3 === 0 ? 0 : 60)); // two hours
    for (let i = 0; i < all.length; i += 100) await send(credential, all.slice(i, i + 100));
    const gpu0 = (await db().gpu.findFirstOrThrow({ where: { machineId: machine.id, index: 0 } })).id;
    const raw = await db().gpuSample.aggregate({ where: { gpuId: gpu0 }, _sum: { utilPct: true }, _count: true });
    const hourly = await db().gpuUsageHour.findMany({ where: { gpuId: gpu0 }, orderBy: { start: "asc" } });
    expect(hourly.map((h) => h.start.toISOString())).toEqual(["2026-12-01T09:00:00.000Z", "2026-12-01T10:00:00.000Z", "2026-12-01T11:00:00.000Z"]);
    expect(hourly.reduce((n, h) => n + h.utilSum, 0)).toBe(raw._sum.utilPct);
    expect(hourly.reduce((n, h) => n + h.samples, 0)).toBe(raw._count);
    const perHour = await machineTelemetrySeries({ machineId: machine.id, from: start, to: new Date("2026-12-01T12:00:00Z"), step: 3600 });
    const perMinute = await machineTelemetrySeries({ machineId: machine.id, from: start, to: new Date("2026-12-01T12:00:00Z"), step: 60 });
    expect(perHour.gpus[0]!.points.reduce((n, p) => n + p.samples, 0)).toBe(720);
    expect(perMinute.gpus[0]!.points).toHaveLength(120);
    expect(perMinute.gpus[0]!.points[0]).toMatchObject({ samples: 6, avgUtilPct: 40, maxUtilPct: 60, idleSamples: 2 });

    await pruneTelemetry(new Date("2026-12-09T00:00:00Z"));
    expect([await db().gpuSample.count(), await db().gpuProcessSample.count(), await db().telemetrySample.count()]).toEqual([0, 0, 0]);
    expect(await db().gpuUsageMinute.count()).toBe(240);
    await pruneTelemetry(new Date("2027-07-01T00:00:00Z"));
    expect(await db().gpuUsageMinute.count()).toBe(0);
    expect(await db().gpuUsageHour.count()).toBe(6);
  });
});

describe("unbooked use and real use of slices", () => {
  it("records a process of someone not holding the GPU, seen twice in a row, and ignores holders and system processes", async () => {
    const { machine, credential, hex } = await enrolledMachine();
    const alice = await makeUser({ name: "Alice" });
    const carol = await makeUser({ name: "Carol" });
    const now = Date.now();
    const slice = await makeHold({ machineId: machine.id, gpuIds: [machine.gpus[0]!.id], user: alice, start: new Date(now - 3_600_000), end: new Date(now + 3_600_000) });
    const at = (s: number) => new Date(now - 120_000 + s * 1000);
    const procs = (memMib: number) => [
      { gpu: 0, user: alice.linuxUsername, memMib: 8000 },
      { gpu: 1, user: carol.linuxUsername, memMib },
      { gpu: 1, user: "root", name: "/usr/lib/xorg/Xorg", memMib: 20 },
    ];
    await send(credential, [sample(1, at(0), hex, [{ utilPct: 90 }, { utilPct: 40 }], procs(500))]);
    expect(await listUnbookedUse(new Date(now - 86_400_000))).toEqual([]);
    await send(credential, [sample(2, at(10), hex, [{ utilPct: 95 }, { utilPct: 45 }], procs(700)), sample(3, at(20), hex, [{ utilPct: 0 }, { utilPct: 0 }], procs(600))]);
    const unbooked = await listUnbookedUse(new Date(now - 86_400_000));
    expect(unbooked).toEqual([expect.objectContaining({ who: carol.linuxUsername, person: expect.objectContaining({ name: "Carol" }), gpuIndex: 1, since: at(0), lastSeenAt: at(20), maxMemMib: 700, endedAt: null })]);
    const live = await liveMachineTelemetry(machine.id, new Date(), { withUnbooked: true });
    expect(live.unbooked).toHaveLength(1);
    expect(live.gpus[0]!.processes).toEqual([expect.objectContaining({ linuxUser: alice.linuxUsername, person: expect.objectContaining({ name: "Alice" }) })]);
    // Carol stops: the unbooked use ends; a replay of old samples changes nothing.
    await send(credential, [sample(4, at(30), hex, [{ utilPct: 0 }, { utilPct: 0 }], [])]);
    await send(credential, [sample(2, at(10), hex, [{ utilPct: 95 }, { utilPct: 45 }], procs(700))]);
    expect((await listUnbookedUse(new Date(now - 86_400_000)))[0]).toMatchObject({ endedAt: at(20) });

    const [use] = await sliceUsages([slice.id], new Date());
    expect(use).toMatchObject({ sliceId: slice.id, samples: 4, peakUtilPct: 95, peakMemMib: 1000 });
    expect(use!.avgUtilPct).toBeCloseTo((90 + 95 + 0 + 0) / 4);
    expect(use!.processesSeen).toEqual([expect.objectContaining({ who: alice.linuxUsername, name: "python", memMaxMib: 8000 })]);

    await db().priceEntry.createMany({ data: [
      { provider: "GCP", sku: "gcp-n1-vcpu", unit: "vcpu_hour", priceMicros: 31_611n, effectiveFrom: new Date("2018-01-01T00:00:00Z") },
      { provider: "GCP", sku: "gcp-n1-ram-gb", unit: "gb_hour", priceMicros: 4_237n, effectiveFrom: new Date("2018-01-01T00:00:00Z") },
    ] });
    const usedHeld = await usedVersusHeld({ from: new Date(now - 86_400_000), to: new Date(now + 86_400_000) }, new Date());
    const aliceRow = usedHeld.byPerson.find((r) => r.key === "Alice")!;
    // Held hours count from when telemetry began (the first reported hour), so less than the whole slice.
    expect(aliceRow.heldGpuHours).toBeGreaterThan(0);
    expect(aliceRow.measuredGpuHours).toBeCloseTo(aliceRow.usedGpuHours + aliceRow.idleHeldGpuHours);
    expect(usedHeld.byMachine.map((r) => r.key)).toEqual([machine.name]);
  });
});

describe("the fleet's Prometheus endpoint", () => {
  it("answers an API token with slice, queue, GPU, agent and utilization gauges, and refuses without one", async () => {
    const { GET } = await import("@/app/api/metrics/route");
    const { credential, hex, admin } = await enrolledMachine();
    await send(credential, [sample(1, new Date(), hex, [{ utilPct: 77 }, { utilPct: 0 }])]);
    expect((await GET(new Request("http://portal.test/api/metrics"))).status).toBe(401);
    expect((await GET(new Request("http://portal.test/api/metrics", { headers: { authorization: `Bearer ${credential}` } }))).status).toBe(401);
    const { token } = await createToken(toActor(admin), { name: "prometheus", scope: "read", expiresInDays: 30 }, new Date());
    const response = await GET(new Request("http://portal.test/api/metrics", { headers: { authorization: `Bearer ${token}` } }));
    const text = await response.text();
    expect(response.headers.get("content-type")).toContain("text/plain");
    expect(text).toContain('rigshare_gpus{state="free"} 2');
    expect(text).toContain('rigshare_agents{state="reporting"} 1');
    expect(text).toMatch(/rigshare_gpu_utilization_percent\{machine="[^"]+",gpu="0",UUID="GPU-[^"]+"\} 77/);
    expect(text).toContain("rigshare_queue_pending_requests 0");
  });
});
