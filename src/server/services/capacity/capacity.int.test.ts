import { beforeAll, describe, expect, it } from "vitest";
import { replay } from "@/core/capacity/replay";
import { db } from "@/server/db/client";
import { seedDemo } from "@seed/demo";
import { resetDatabase } from "@test/db/database";
import { PLACEMENT_HORIZON_MS } from "../waitlist/fleet";
import { loadReplayInputs } from "./history";
import { capacityReport, capacityWhatIf, whatIfCandidates } from "./report";

const DAY = 86_400_000;
const now = new Date("2026-12-07T08:00:00Z");
const from = new Date(now.getTime() - 90 * DAY);
const until = new Date(now.getTime() + DAY);

beforeAll(async () => {
  await resetDatabase();
  await seedDemo(db(), now);
}, 120_000);

describe("capacity planning on the demo history", () => {
  it("replays the busy month exactly as the database holds it when no machine is added", async () => {
    const inputs = await loadReplayInputs(db(), from, until);
    const result = replay({ machines: inputs.machines, requests: inputs.requests, before: inputs.before, shares: inputs.shares, until: until.getTime(), options: { fairShare: true, backfill: true, horizonMs: PLACEMENT_HORIZON_MS } });
    expect(inputs.entries.length).toBeGreaterThan(100);
    const placed = await db().waitlistEntry.findMany({ where: { status: "placed" }, include: { slice: { include: { gpus: true } } } });
    for (const e of placed) {
      const s = result.served.get(e.id);
      expect(s, `entry ${e.id}`).toMatchObject({ machineId: e.slice!.machineId, start: e.slice!.startAt.getTime(), end: (e.slice!.releasedAt ?? e.slice!.endAt).getTime() });
      expect([...s!.gpuIds].sort()).toEqual(e.slice!.gpus.map((g) => g.gpuId).sort());
    }
    expect(result.refusedFixed).toEqual([]);
  });

  it("shows the busy month's queue and a real answer for the planned 2× RTX 5090 build", async () => {
    const report = await capacityReport({ from, until }, now);
    expect(report.demand.overall.requests).toBeGreaterThan(100);
    expect(report.demand.overall.p90WaitHours).toBeGreaterThan(1);
    expect(report.demand.waitlistedGpuHours).toBeGreaterThan(0);
    const planned = (await whatIfCandidates()).find((b) => b.status === "planned")!;
    const w = await capacityWhatIf({ buildId: planned.id, from, until });
    expect(w.build.gpus).toEqual(["RTX 5090 (32 GB)", "RTX 5090 (32 GB)"]);
    expect(w.baseline.medianWaitHours).toBeCloseTo(report.demand.overall.medianWaitHours, 6);
    expect(w.waitingAvoidedHours).toBeGreaterThan(0);
    expect(w.newMachineGpuHours).toBeGreaterThan(0);
    expect(w.paybackMonths).not.toBeNull();
  });
});
