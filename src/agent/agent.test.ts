import { mkdtempSync } from "node:fs";
import { stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { SampleIn } from "@/core/agent/contract";
import { createAgentTasks } from "./agent";
import type { Log } from "./log";
import { PortalClient } from "./portal-client";
import { Spool } from "./spool";
import { StateDir } from "./state";
import { runTasks, StopAgent } from "./tasks";
import { FakeClock } from "@test/agent/fake-clock";
import { FakePortal } from "@test/agent/fake-portal";

const start = new Date("2026-12-07T08:00:00Z");
const MIN = 60_000;

/** A sample whose content says when it was taken, so a test can check order and completeness. */
const collect = async (seq: number, at: Date): Promise<SampleIn> => ({
  seq,
  at: at.toISOString(),
  gpus: [{ uuid: "GPU-aaaa", index: 0, name: "RTX 3090", utilPct: seq % 100, memUsedMib: 100, memTotalMib: 24576, powerW: 200, tempC: 60 }],
  processes: [],
  faults: [],
});

async function agentAt(dir: string, portal: FakePortal, clock: FakeClock, logs: unknown[][] = []) {
  const spool = new Spool(join(dir, "spool"));
  await spool.load();
  const log: Log = (...args) => logs.push(args);
  const { tasks, status } = await createAgentTasks({ clock, log, portal: new PortalClient("http://portal.test", "rsa_x", portal.fetch), spool, state: new StateDir(dir), collector: { nvidiaSmi: "", procRoot: "", passwd: "" }, collect });
  return { tasks, status, spool, run: () => runTasks(tasks, clock, log, { signal: clock.stop.signal }) };
}

// Virtual time makes these fast, but an hour of samples is still hundreds of disk writes: room for a busy machine.
describe("the agent against a fake portal, with an injected clock", { timeout: 60_000 }, () => {
  it("samples every 10 s and reports every 30 s, each sample once", async () => {
    const dir = mkdtempSync(join(tmpdir(), "agent-"));
    const portal = new FakePortal();
    const clock = new FakeClock(start);
    const agent = await agentAt(dir, portal, clock);
    clock.runUntil(new Date(start.getTime() + 5 * MIN));
    await agent.run();
    // 30 samples; the last two (at 4:40 and 4:50) wait for the report at 5:00.
    expect([...portal.stored.keys()]).toEqual(Array.from({ length: 28 }, (_, i) => i + 1));
    expect([...portal.received.values()].every((n) => n === 1)).toBe(true);
    expect(portal.requests.filter((r) => r.path.endsWith("telemetry"))).toHaveLength(10);
    expect(agent.status()).toMatchObject({ spooled: 2, portalReachable: true, lastError: null, nextSeq: 31 });
  });

  it("keeps the config on 304 and asks again with its ETag", async () => {
    const dir = mkdtempSync(join(tmpdir(), "agent-"));
    const portal = new FakePortal();
    const clock = new FakeClock(start);
    const agent = await agentAt(dir, portal, clock);
    clock.runUntil(new Date(start.getTime() + 3 * MIN));
    await agent.run();
    const configs = portal.requests.filter((r) => r.path.endsWith("config")).map((r) => r.status);
    expect(configs).toEqual([200, 304, 304]);
  });

  it("survives an hour of outage (refused connections, then 5xx) and a restart, then replays in order with nothing lost or doubled", async () => {
    const dir = mkdtempSync(join(tmpdir(), "agent-"));
    const portal = new FakePortal();
    const logs: unknown[][] = [];
    let clock = new FakeClock(start);
    let agent = await agentAt(dir, portal, clock, logs);
    clock.runUntil(new Date(start.getTime() + 10 * MIN));
    await agent.run();
    portal.mode = "down";
    clock = new FakeClock(clock.now());
    agent = await agentAt(dir, portal, clock, logs);
    clock.runUntil(new Date(start.getTime() + 40 * MIN));
    await agent.run();
    portal.mode = "5xx";
    expect(agent.status()).toMatchObject({ portalReachable: false, spooled: 182 });
    // The agent restarts during the outage: the spool on disk carries the samples over.
    clock = new FakeClock(clock.now());
    agent = await agentAt(dir, portal, clock, logs);
    expect(agent.spool.size).toBe(182);
    clock.runUntil(new Date(start.getTime() + 70 * MIN));
    await agent.run();
    expect(agent.status().spooled).toBe(362);
    portal.mode = "up";
    clock = new FakeClock(clock.now());
    agent = await agentAt(dir, portal, clock, logs);
    clock.runUntil(new Date(start.getTime() + 75 * MIN));
    await agent.run();
    const seqs = [...portal.stored.keys()];
    expect(seqs).toEqual(Array.from({ length: 448 }, (_, i) => i + 1));
    expect([...portal.received.values()].every((n) => n === 1)).toBe(true);
    const times = [...portal.stored.values()].map((s) => Date.parse(s.at));
    expect(times.every((t, i) => i === 0 || t - times[i - 1]! === 10_000)).toBe(true);
    expect(agent.status()).toMatchObject({ spooled: 2, portalReachable: true, nextSeq: 451 });
    expect(logs.some(([level, message]) => level === "warn" && String(message).includes("spool"))).toBe(true);
  });

  it("stops with a clear message when the credential is revoked (401), keeping what it has not sent", async () => {
    const dir = mkdtempSync(join(tmpdir(), "agent-"));
    const portal = new FakePortal();
    portal.mode = "401";
    const clock = new FakeClock(start);
    const agent = await agentAt(dir, portal, clock);
    clock.runUntil(new Date(start.getTime() + 5 * MIN));
    await expect(agent.run()).rejects.toThrow(StopAgent);
    await expect(agent.run()).rejects.toThrow(/revoked.*enroll again/);
    expect(agent.spool.size).toBeGreaterThan(0);
    expect((await new StateDir(dir).readStatus()).lastError).toMatch(/enroll again/);
  });

  it("keeps the spool readable by root only", async () => {
    const dir = mkdtempSync(join(tmpdir(), "agent-"));
    const portal = new FakePortal();
    portal.mode = "down";
    const clock = new FakeClock(start);
    const agent = await agentAt(dir, portal, clock);
    clock.runUntil(new Date(start.getTime() + MIN));
    await agent.run();
    expect((await stat(join(dir, "spool", "1.jsonl"))).mode & 0o777).toBe(0o600);
  });
});
