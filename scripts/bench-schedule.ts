// `npm run bench:schedule`: from a slice decision in the portal to the new state applied by the
// machine's agent, with BENCH_AGENTS simulated agents (default 20) long-polling one production
// portal (temporary embedded PostgreSQL). Each agent is the real enforcer (long-poll, cache,
// apply) over the real HTTP client, applying to a simulated systemd. Decisions alternate per
// machine: approve a slice starting now, then release it; the latency runs from the decision's
// commit to the agent's report of a state that has (or no longer has) the holder's grant.
// Prints numbers; asserts nothing. Set NEXT_DIST_DIR=.next to reuse an existing `next build`.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { systemClock } from "@/agent/clock";
import { fakeSystemd } from "@/agent/demo/fake-systemd";
import { Enforcer } from "@/agent/enforcer";
import { PortalClient } from "@/agent/portal-client";
import { ScheduleCache } from "@/agent/schedule-cache";
import { db } from "@/server/db/client";
import { startTemporaryPostgres } from "@/server/platform/embedded";
import { migrate } from "@/server/platform/migrate";
import { toActor } from "@/server/services/actor";
import { createEnrollmentCode, enrollAgent } from "@/server/services/agent-enrollment";
import { approveSlice, releaseSlice, requestSlice } from "@/server/services/slices/lifecycle";
import { ensureBuild, loadAverage, startApp } from "./bench/app-server";

const AGENTS = Number(process.env.BENCH_AGENTS ?? 20);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const APP_PORT = Number(process.env.BENCH_APP_PORT ?? 3880);
const DECIDE_EVERY_MS = Number(process.env.BENCH_DECIDE_EVERY_MS ?? 250);

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : NaN;
};

async function fleet(count: number) {
  const team = await db().team.create({ data: { name: "Bench" } });
  const admin = await db().user.create({ data: { email: "bench-admin@rigshare.test", name: "Bench Admin", teamId: team.id, assignedRoles: ["admin"] }, include: { team: { select: { id: true, name: true } } } });
  const model = await db().gpuModel.create({ data: { name: "RTX 4090", vramGb: 24, boardPowerW: 450 } });
  // One team holds a GPU on every machine at once: its quota must not be what the bench measures.
  await db().quotaPolicy.upsert({ where: { scope: "default" }, create: { scope: "default", teamMaxConcurrentGpus: 10_000, teamMaxGpuHoursPerMonth: 10_000_000 }, update: { teamMaxConcurrentGpus: 10_000, teamMaxGpuHoursPerMonth: 10_000_000 } });
  const out = [];
  for (let m = 0; m < count; m++) {
    const uuid = `GPU-${m.toString(16).padStart(8, "0")}-0000-4000-8000-000000000000`;
    const machine = await db().machine.create({ data: { name: `node${m}`, cpuModel: "Bench CPU", cores: 16, threads: 32, ramGb: 256, enforcementMode: "enforce", inServiceAt: new Date("2025-01-01T00:00:00Z"), gpus: { create: [{ index: 0, uuid, gpuModelId: model.id }] } } });
    const holder = await db().user.create({ data: { email: `holder${m}@rigshare.test`, name: `Holder ${m}`, teamId: team.id }, include: { team: { select: { id: true, name: true } } } });
    const { code } = await createEnrollmentCode(toActor(admin), { machineId: machine.id }, new Date());
    const { credential } = await enrollAgent({ code, hostname: machine.name, agentVersion: "bench" }, new Date());
    out.push({ machine, uuid, holder, credential });
  }
  return { admin, machines: out };
}

async function main() {
  ensureBuild("if-missing");
  const pg = await startTemporaryPostgres();
  const logDir = mkdtempSync(join(tmpdir(), "bench-schedule-"));
  let app: Awaited<ReturnType<typeof startApp>> | undefined;
  const stop = new AbortController();
  try {
    await migrate(pg.url);
    process.env.DATABASE_URL = pg.url;
    const { admin, machines } = await fleet(AGENTS);
    app = await startApp({ port: APP_PORT, databaseUrl: pg.url, logFile: join(logDir, "app.log") });
    console.log(`bench:schedule — ${AGENTS} agents long-polling, a decision every ${DECIDE_EVERY_MS} ms for ${SECONDS} s; load average ${loadAverage()}`);

    // Per machine, the decision in flight: when it committed and whether the holder should now hold a grant.
    const pending = new Map<number, { decidedAt: number; holds: boolean }>();
    const latencies: number[] = [];
    const loops: Promise<void>[] = [];
    await Promise.all(
      machines.map(async (m, i) => {
        const linux = (await db().user.findUniqueOrThrow({ where: { id: m.holder.id } })).linuxUsername;
        const systemd = fakeSystemd([2000]);
        const client = new PortalClient(app!.url, m.credential);
        const portal = {
          schedule: client.schedule.bind(client),
          reportApplied: async (report: Parameters<PortalClient["reportApplied"]>[0]) => {
            const wanted = pending.get(i);
            if (wanted && report.grants.some((g) => g.linuxUsername === linux) === wanted.holds) {
              latencies.push(Date.now() - wanted.decidedAt);
              pending.delete(i);
            }
            return client.reportApplied(report);
          },
        };
        const enforcer = new Enforcer({ clock: systemClock, log: () => {}, portal, cache: ScheduleCache.in(mkdtempSync(join(logDir, `agent${i}-`))), run: systemd.run, facts: async () => ({ uids: { [linux]: 2000 }, devices: { [m.uuid]: "/dev/nvidia0" } }) });
        await enforcer.poll(0);
        loops.push(enforcer.pollLoop(stop.signal).catch(() => {}));
      }),
    );

    const active = new Map<number, string>();
    const until = Date.now() + SECONDS * 1000;
    let decisions = 0;
    for (let turn = 0; Date.now() < until; turn++) {
      const i = turn % machines.length;
      if (!pending.has(i)) {
        const m = machines[i]!;
        const now = new Date();
        const sliceId = active.get(i);
        if (sliceId) {
          await releaseSlice(toActor(m.holder), { sliceId }, now);
          active.delete(i);
          pending.set(i, { decidedAt: Date.now(), holds: false });
        } else {
          const slice = await requestSlice(toActor(m.holder), { machineId: m.machine.id, gpuCount: 1, start: now, end: new Date(now.getTime() + 3_600_000), purpose: "Bench" }, now);
          await approveSlice(toActor(admin), { sliceId: slice.id }, new Date());
          active.set(i, slice.id);
          pending.set(i, { decidedAt: Date.now(), holds: true });
        }
        decisions++;
      }
      await new Promise((r) => setTimeout(r, DECIDE_EVERY_MS));
    }
    await new Promise((r) => setTimeout(r, 5_000));
    console.log(`decisions: ${decisions}; applied and reported: ${latencies.length}; still in flight after 5 s: ${pending.size}`);
    console.log(`decision → applied: p50 ${quantile(latencies, 0.5)} ms, p90 ${quantile(latencies, 0.9)} ms, p99 ${quantile(latencies, 0.99)} ms, max ${Math.max(...latencies)} ms`);
    console.log(`load average at the end ${loadAverage()}`);
  } finally {
    stop.abort();
    await app?.stop();
    await pg.stop();
  }
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
