import { rm } from "node:fs/promises";
import { join } from "node:path";
import type { Logger } from "pino";
import { findDemoFleet } from "@/server/db/demo-fleet";
import { read } from "@/server/db/tx";
import { toActor } from "@/server/services/actor";
import { createEnrollmentCode } from "@/server/services/agent-enrollment";
import type { MachineFacts } from "@/core/enforcement/types";
import { createAgentTasks, SAMPLE_EVERY_MS } from "../agent";
import { systemClock } from "../clock";
import { fakeSystemd } from "./fake-systemd";
import { Enforcer } from "../enforcer";
import type { Log } from "../log";
import { PortalClient } from "../portal-client";
import { ScheduleCache } from "../schedule-cache";
import { Spool } from "../spool";
import { StateDir } from "../state";
import { runTasks, StopAgent } from "../tasks";
import { FakeHost } from "./fake-host";
import { demoRoles, machineScenario, type DemoMachine } from "./scenario";

/** Every sample is reported at once, so what someone does in the demo shows on its pages within seconds. */
const DEMO_REPORT_EVERY_MS = SAMPLE_EVERY_MS;

/**
 * The demo's machines on the ground: one real agent per demo machine, in this process, each
 * reading a fake nvidia-smi, /proc and passwd that follow the live schedule (busy holders, the
 * longest hold idle, notebook sessions open at 0 %, one person on a GPU they do not hold). It
 * enrolls through the portal's real endpoint with a code created for the demo admin, and reports
 * like any agent; it follows the schedule by long-poll and applies it to a simulated systemd,
 * reporting the applied state.
 */
export function startDemoAgents(options: { portalUrl: string; databaseUrl: string; dataDir: string; log: Logger }): () => Promise<void> {
  process.env.DATABASE_URL ??= options.databaseUrl;
  const stop = new AbortController();
  const root = join(options.dataDir, "demo-agents");
  const log: Log = (level, message, fields) => options.log[level]({ ...fields, component: "demo-agent" }, message);
  const done = run(root, options.portalUrl, log, stop.signal).catch((err) => options.log.error({ err }, "demo agents stopped"));
  return async () => {
    stop.abort();
    await done;
  };
}

async function run(root: string, portalUrl: string, log: Log, signal: AbortSignal) {
  await waitForPortal(portalUrl, signal);
  const { machines, users } = await read((client) => findDemoFleet(client, new Date()));
  const uids = new Map(users.map((u, i) => [u.linuxUsername, 2000 + i]));
  const hosts = new Map(machines.map((m) => [m.name, new FakeHost(join(root, m.name, "host"), Object.fromEntries([...uids].map(([name, uid]) => [uid, name])))]));
  let tick = 0;
  const refresh = async () => {
    const fleet = await read((client) => findDemoFleet(client, new Date()));
    const demo: DemoMachine[] = fleet.machines.map((m) => ({ name: m.name, gpus: m.gpus.map((g) => ({ index: g.index, uuid: g.uuid, model: g.gpuModel.name, vramGb: g.gpuModel.vramGb, boardPowerW: g.gpuModel.boardPowerW, holder: g.holds[0] ? { linuxUser: g.holds[0].slice.requester.linuxUsername, since: g.holds[0].startAt, purpose: g.holds[0].slice.purpose } : null })) }));
    // People who are not admins or leadership, so the intruder is a colleague and not the demo's admin.
    const members = fleet.users.filter((u) => ![...u.assignedRoles, ...u.idpRoles].some((r) => r !== "member")).map((u) => u.linuxUsername);
    const roles = demoRoles(demo, members);
    for (const machine of demo) hosts.get(machine.name)?.set(machineScenario(machine, roles, (user) => uids.get(user) ?? 65_534, tick));
    tick++;
  };
  await refresh();
  const timer = setInterval(() => refresh().catch((err) => log("warn", "demo scenario refresh failed", { error: String(err) })), 10_000);
  try {
    await Promise.all(
      machines.map((m) => {
        const facts: MachineFacts = { uids: Object.fromEntries(uids), devices: Object.fromEntries(m.gpus.flatMap((g) => (g.uuid ? [[g.uuid, `/dev/nvidia${g.index}`]] : []))) };
        return runMachine(join(root, m.name), m.id, hosts.get(m.name)!, facts, portalUrl, log, signal);
      }),
    );
  } finally {
    clearInterval(timer);
  }
}

async function runMachine(dir: string, machineId: string, host: FakeHost, facts: MachineFacts, portalUrl: string, log: Log, signal: AbortSignal) {
  const state = new StateDir(join(dir, "state"));
  await state.ensure();
  for (let attempt = 0; attempt < 2 && !signal.aborted; attempt++) {
    let credential = await state.readCredential();
    if (!credential) {
      const admin = await read((client) => client.user.findFirstOrThrow({ where: { OR: [{ idpRoles: { has: "admin" } }, { assignedRoles: { has: "admin" } }] }, include: { team: { select: { id: true, name: true } } } }));
      const { code } = await createEnrollmentCode(toActor(admin), { machineId }, new Date());
      const enrolled = await new PortalClient(portalUrl, null).enroll(code, `${dir.split("/").pop()}.demo`);
      if (enrolled.kind !== "ok") throw new Error(`demo enrollment failed: ${JSON.stringify(enrolled)}`);
      credential = { portal: portalUrl, ...enrolled.value };
      await state.writeCredential(credential);
    }
    const spool = new Spool(state.spoolDir());
    await spool.load();
    const portal = new PortalClient(portalUrl, credential.credential);
    const { tasks } = await createAgentTasks({ clock: systemClock, log, portal, spool, state, collector: { nvidiaSmi: host.nvidiaSmi, procRoot: host.procRoot, passwd: host.passwd, timeoutMs: 20_000 }, reportEveryMs: DEMO_REPORT_EVERY_MS });
    // Everyone of the demo is logged in on every machine, so each gets the login profile or their slice.
    const systemd = fakeSystemd(Object.values(facts.uids ?? {}));
    const enforcer = new Enforcer({ clock: systemClock, log, portal, cache: ScheduleCache.in(state.dir), run: systemd.run, facts: async () => facts });
    const stopPolling = new AbortController();
    signal.addEventListener("abort", () => stopPolling.abort(), { once: true });
    const polling = enforcer.pollLoop(stopPolling.signal).catch(() => stopPolling.abort());
    try {
      await enforcer.start();
      return await runTasks([...tasks, enforcer.task()], systemClock, log, { signal });
    } catch (error) {
      // The demo database was reset under a kept data folder: enroll again with a fresh state.
      if (!(error instanceof StopAgent)) throw error;
      await rm(join(dir, "state"), { recursive: true, force: true });
      await state.ensure();
    } finally {
      stopPolling.abort();
      await polling;
    }
  }
}

async function waitForPortal(portalUrl: string, signal: AbortSignal) {
  while (!signal.aborted) {
    const ok = await fetch(new URL("/api/health/live", portalUrl)).then((r) => r.ok, () => false);
    if (ok) return;
    await systemClock.sleep(1000, signal);
  }
}
