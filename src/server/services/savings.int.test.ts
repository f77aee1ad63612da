import { beforeEach, describe, expect, it } from "vitest";
import { computeLedger } from "@/core/costs/ledger";
import type { PriceEntry } from "@/core/costs/types";
import { db } from "@/server/db/client";
import { generateHistory } from "@seed/history";
import { REFERENCE_PRICES } from "@/core/costs/reference-catalog";
import { seedPrices } from "@seed/prices";
import { insertApproved } from "@seed/slices";
import { resetDatabase } from "@test/db/database";
import { makeTeam, makeUser } from "@test/db/fixtures";
import { makeMachine } from "@test/db/fixtures-slices";
import { transaction } from "@/server/db/tx";
import { toActor } from "./actor";
import { updateMachineCosts } from "./prices";
import { costData, forgetCostData, myUsage, savingsReport, savingsSummary } from "./savings";

const now = new Date("2026-11-27T10:00:00Z");

beforeEach(() => resetDatabase());

async function fleetWithHistory() {
  const teams = await Promise.all([makeTeam("Vision"), makeTeam("NLP")]);
  const users = await Promise.all(Array.from({ length: 6 }, (_, i) => makeUser({ teamId: teams[i % 2]!.id })));
  const zeus = await makeMachine({ gpus: 3 });
  const hermes = await makeMachine({ gpus: 2, threads: 32 });
  await db().machine.update({ where: { id: hermes.id }, data: { inServiceAt: new Date("2024-02-01T00:00:00Z"), purchasePriceMicros: 4_000_000_000n } });
  await db().machine.update({ where: { id: zeus.id }, data: { purchasePriceMicros: 6_000_000_000n } });
  await transaction(async (tx) => {
    await seedPrices(tx);
    await tx.gpuModel.updateMany({ data: { cloudSku: "gcp-p100" } });
  });
  const machines = [
    { id: zeus.id, inServiceAt: new Date("2018-06-15T00:00:00Z"), gpuIds: zeus.gpus.map((g) => g.id), profile: { threads: 5, ramGb: 40 } },
    { id: hermes.id, inServiceAt: new Date("2024-02-01T00:00:00Z"), gpuIds: hermes.gpus.map((g) => g.id), profile: { threads: 15, ramGb: 60 } },
  ];
  const history = generateHistory({ machines, users: users.map((u) => ({ id: u.id, teamId: u.teamId })), until: now, seed: 42, meanHoldHours: 72, meanGapHours: 48 });
  await transaction((tx) => insertApproved(tx, history, null));
  const prices: PriceEntry[] = REFERENCE_PRICES.map((p) => ({
    sku: p.sku,
    provider: p.provider,
    unit: p.unit.replace("_", "-") as PriceEntry["unit"],
    priceMicros: BigInt(Math.round(Number(p.price) * 1e6)),
    effectiveFrom: Date.parse(`${p.from}T00:00:00Z`),
  }));
  const profile = (m: typeof zeus, capex: bigint, inService: string) => ({
    machineId: m.id,
    gpuCount: m.gpus.length,
    inService: Date.parse(inService),
    capexMicros: capex,
    gpus: m.gpus.map((g) => ({ gpuId: g.id, boardPowerW: 250, cloudSku: "gcp-p100" })),
    vcpuSku: "gcp-n1-vcpu",
    ramSku: "gcp-n1-ram-gb",
  });
  const slices = history.map((s, i) => ({
    id: String(i),
    machineId: s.machineId,
    teamId: s.teamId,
    userId: s.requesterId,
    gpuIds: [s.gpuId],
    threads: s.threads,
    ramGb: s.ramGb,
    start: s.startAt.getTime(),
    end: (s.releasedAt ?? s.endAt).getTime(),
  }));
  return { zeus, hermes, users, history, core: { machines: [profile(zeus, 6_000_000_000n, "2018-06-15T00:00:00Z"), profile(hermes, 4_000_000_000n, "2024-02-01T00:00:00Z")], prices, slices } };
}

describe("savings report", () => {
  it("equals the pure-core ledger computed from the same generated history", async () => {
    const { core, history } = await fleetWithHistory();
    expect(history.length).toBeGreaterThan(1000);
    for (const [bucket, groupBy] of [["month", "machine"], ["week", "team"], ["day", "fleet"]] as const) {
      const window = bucket === "day" ? { from: new Date("2025-01-01T00:00:00Z"), to: new Date("2025-04-01T00:00:00Z") } : { from: new Date("2018-06-01T00:00:00Z"), to: now };
      const report = await savingsReport({ ...window, bucket, groupBy }, now);
      const expected = computeLedger({ window: { from: window.from.getTime(), to: window.to.getTime() }, bucket, groupBy, ...core, now: now.getTime() });
      expect(report.fleet.total).toEqual(expected.fleet.total);
      expect(report.groups.map((g) => [g.key, g.total.savingsMicros, g.rows.length])).toEqual(expected.groups.map((g) => [g.key, g.total.savingsMicros, g.rows.length]));
      expect(report.groups.flatMap((g) => g.rows.map((r) => r.cloudEquivalentMicros))).toEqual(expected.groups.flatMap((g) => g.rows.map((r) => r.cloudEquivalentMicros)));
      expect(report.breakEven.map((b) => b.at?.getTime() ?? null)).toEqual(expected.breakEven.byMachine.map((b) => b.at));
    }
  });

  it("splits cost and savings by purpose the way it splits them by team, serving apart", async () => {
    const { history } = await fleetWithHistory();
    // Every third slice served a model; the rest trained.
    const serving = (await db().slice.findMany({ select: { id: true }, orderBy: { startAt: "asc" } })).filter((_, i) => i % 3 === 0).map((s) => s.id);
    await db().slice.updateMany({ where: { id: { in: serving } }, data: { kind: "serving" } });
    forgetCostData();
    const window = { from: new Date("2025-01-01T00:00:00Z"), to: now, bucket: "month" as const };
    const [byPurpose, byTeam] = await Promise.all([savingsReport({ ...window, groupBy: "purpose" }, now), savingsReport({ ...window, groupBy: "team" }, now)]);
    expect(history.length).toBeGreaterThan(1000);
    expect(byPurpose.groupBy).toBe("purpose");
    expect(byPurpose.groups.map((g) => g.name).sort()).toEqual(["Idle capacity", "Serving", "Training"]);
    // The same fleet, shared out differently: the exact totals and the idle capacity agree with
    // the teams' (rounded figures may differ by a micro-dollar between groupings, as documented).
    expect(byPurpose.fleet.total.exact).toEqual(byTeam.fleet.total.exact);
    const idle = (r: typeof byTeam) => r.groups.find((g) => g.name === "Idle capacity")!.total.exact;
    expect(idle(byPurpose)).toEqual(idle(byTeam));
    const part = (name: string) => byPurpose.groups.find((g) => g.name === name)!.total.heldGpuMs;
    expect(part("Serving")).toBeGreaterThan(0);
    expect(part("Serving") + part("Training")).toBe(byTeam.fleet.total.heldGpuMs);
  });

  it("changes when an admin changes a machine's $/kWh, and the cache notices", async () => {
    const { zeus } = await fleetWithHistory();
    const admin = toActor(await makeUser({ roles: ["admin"] }));
    const before = await savingsSummary(now);
    await updateMachineCosts(admin, { machineId: zeus.id, purchasePriceMicros: 6_000_000_000n, amortizationMonths: 36, baselineWatts: 100, kwhPriceMicros: 300_000n, maintenancePerMonthMicros: 0n, vcpuSku: "gcp-n1-vcpu", ramSku: "gcp-n1-ram-gb" });
    const after = await savingsSummary(now);
    expect(after.savingsToDateMicros).toBeLessThan(before.savingsToDateMicros);
    expect(after.assumptions.machines.find((m) => m.name === zeus.name)?.kwhPriceMicros).toBe(300_000n);
  });

  it("gives a member their own and their team's usage", async () => {
    const { users, history } = await fleetWithHistory();
    const member = await db().user.findUniqueOrThrow({ where: { id: users[0]!.id }, include: { team: { select: { id: true, name: true } } } });
    const usage = await myUsage(toActor(member), { from: new Date("2018-01-01T00:00:00Z"), to: now }, now);
    expect(usage.mine.slices).toBe(history.filter((s) => s.requesterId === member.id).length);
    expect(usage.mine.cloudEquivalentMicros).toBeGreaterThan(0n);
    expect(usage.team.cloudEquivalentMicros).toBeGreaterThan(usage.mine.cloudEquivalentMicros);
  });

  it("refuses a cost change naming an unpriced SKU, and writes nothing", async () => {
    const { zeus } = await fleetWithHistory();
    const admin = toActor(await makeUser({ roles: ["admin"] }));
    await expect(
      updateMachineCosts(admin, { machineId: zeus.id, purchasePriceMicros: null, amortizationMonths: 36, baselineWatts: 100, kwhPriceMicros: 130_000n, maintenancePerMonthMicros: 0n, vcpuSku: "nope", ramSku: "gcp-n1-ram-gb" }),
    ).rejects.toMatchObject({ code: "VALIDATION", field: "vcpuSku" });
    expect((await db().machine.findUniqueOrThrow({ where: { id: zeus.id } })).purchasePriceMicros).toBe(6_000_000_000n);
  });

  it("shares one reload of the cost data between reports that arrive together after a change", async () => {
    await fleetWithHistory();
    forgetCostData();
    const loads = await Promise.all(Array.from({ length: 8 }, () => costData(db())));
    expect(new Set(loads).size).toBe(1);
    expect(loads[0]!.slices.length).toBeGreaterThan(0);
  });

  it("serves a report of a closed window from cache until the data changes", async () => {
    const { zeus } = await fleetWithHistory();
    const window = { from: new Date("2025-01-01T00:00:00Z"), to: new Date("2026-01-01T00:00:00Z"), bucket: "month" as const, groupBy: "machine" as const };
    const first = await savingsReport(window, now);
    const later = await savingsReport(window, new Date(now.getTime() + 86_400_000));
    expect(later.fleet.total).toEqual(first.fleet.total);
    const admin = toActor(await makeUser({ roles: ["admin"] }));
    await updateMachineCosts(admin, { machineId: zeus.id, purchasePriceMicros: 6_000_000_000n, amortizationMonths: 36, baselineWatts: 100, kwhPriceMicros: 300_000n, maintenancePerMonthMicros: 0n, vcpuSku: "gcp-n1-vcpu", ramSku: "gcp-n1-ram-gb" });
    const changed = await savingsReport(window, now);
    expect(changed.fleet.total.onPremMicros).toBeGreaterThan(first.fleet.total.onPremMicros);
  });
});
