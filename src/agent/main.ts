import { hostname } from "node:os";
import { parseArgs } from "node:util";
import { systemClock } from "./clock";
import { jsonLog } from "./log";
import { AgentMetrics } from "./metrics";
import { PortalClient } from "./portal-client";
import { createAgentTasks } from "./agent";
import { envText, planText } from "./commands";
import { execRunner } from "./enforce";
import { Enforcer } from "./enforcer";
import { machineEndings, machineFacts } from "./machine";
import { DEFAULT_GRANTS_FILE, readGrantsFile, ScheduleCache, writeGrantsFile } from "./schedule-cache";
import { Spool } from "./spool";
import { DEFAULT_STATE_DIR, StateDir } from "./state";
import { runTasks, StopAgent } from "./tasks";
import { AGENT_VERSION } from "./version";

const USAGE = `rigshare-agent ${AGENT_VERSION}: reports what runs on this machine's GPUs to the Rigshare portal and applies its schedule to the users' systemd slices.

  rigshare-agent enroll --portal URL --code CODE [--state-dir DIR]
  rigshare-agent run [--state-dir DIR] [--nvidia-smi PATH] [--proc-root PATH] [--passwd PATH]
                     [--metrics-port PORT] [--metrics-host HOST] [--once]
  rigshare-agent plan [--at ISO-TIME] [same flags as run]   (prints the systemctl commands; changes nothing)
  rigshare-agent status [--state-dir DIR]
  rigshare-agent env [--grants-file PATH]   (as yourself: CUDA_VISIBLE_DEVICES and your slice's limits)

The state directory (default ${DEFAULT_STATE_DIR}) keeps the machine's credential (mode 0600),
the spool of unsent samples, the cached schedule (48 h ahead) and the last status; what each
person holds now is in ${DEFAULT_GRANTS_FILE} (readable by everyone, for \`env\`). Metrics for Prometheus: http://127.0.0.1:9400/metrics
(DCGM exporter names); --metrics-port 0 turns them off.`;

const options = {
  portal: { type: "string" },
  code: { type: "string" },
  "state-dir": { type: "string", default: DEFAULT_STATE_DIR },
  "nvidia-smi": { type: "string", default: "nvidia-smi" },
  "proc-root": { type: "string", default: "/proc" },
  passwd: { type: "string", default: "/etc/passwd" },
  "metrics-port": { type: "string", default: "9400" },
  "metrics-host": { type: "string", default: "127.0.0.1" },
  once: { type: "boolean", default: false },
  at: { type: "string" },
  "grants-file": { type: "string", default: DEFAULT_GRANTS_FILE },
  help: { type: "boolean", default: false },
} as const;

class UsageError extends Error {}

async function enroll(values: { portal?: string; code?: string; "state-dir": string }) {
  if (!values.portal || !values.code) throw new UsageError("enroll needs --portal URL and --code CODE (create the code on the machine's page in the portal)");
  const state = new StateDir(values["state-dir"]);
  await state.ensure();
  const outcome = await new PortalClient(values.portal, null).enroll(values.code, hostname());
  if (outcome.kind !== "ok") throw new Error(`enrollment failed: ${"message" in outcome ? outcome.message : outcome.kind}`);
  await state.writeCredential({ portal: values.portal, ...outcome.value });
  console.log(`Enrolled as machine ${outcome.value.machineName}; the credential is in ${state.dir}/credential.json (mode 0600). Start the service: systemctl enable --now rigshare-agent`);
}

function collectorOf(values: Record<string, string | boolean | undefined>) {
  return { nvidiaSmi: String(values["nvidia-smi"]), procRoot: String(values["proc-root"]), passwd: String(values.passwd) };
}

async function run(values: Record<string, string | boolean | undefined>) {
  const state = new StateDir(String(values["state-dir"]));
  const credential = await state.readCredential();
  if (!credential) throw new UsageError(`not enrolled: no credential in ${state.dir}; run \`rigshare-agent enroll --portal URL --code CODE\` first`);
  const spool = new Spool(state.spoolDir());
  await spool.load();
  const metrics = new AgentMetrics(hostname());
  const metricsPort = Number(values["metrics-port"]);
  const server = metricsPort > 0 && !values.once ? await metrics.listen(metricsPort, String(values["metrics-host"])) : null;
  const portal = new PortalClient(credential.portal, credential.credential);
  const collector = collectorOf(values);
  const grantsFile = String(values["grants-file"]);
  const enforcer: Enforcer = new Enforcer({
    clock: systemClock,
    log: jsonLog,
    portal,
    cache: ScheduleCache.in(state.dir),
    run: execRunner(),
    facts: () => machineFacts(collector),
    endings: machineEndings(collector, () => Date.now()),
    writeGrants: (grants) => writeGrantsFile(grantsFile, grants),
    writeStatus: (current) => state.writeEnforcement(current),
  });
  const { tasks } = await createAgentTasks({ clock: systemClock, log: jsonLog, portal, spool, state, metrics, collector, onSample: (sample, system) => enforcer.checkUnbooked(sample, system) });
  const stop = new AbortController();
  process.once("SIGTERM", () => stop.abort());
  process.once("SIGINT", () => stop.abort());
  jsonLog("info", "rigshare agent started", { version: AGENT_VERSION, machine: credential.machineName, portal: credential.portal, spooled: spool.size });
  await enforcer.start();
  let stopped: unknown = null;
  // The long-poll runs beside the periodic tasks: a change in the portal is applied the moment it arrives.
  const polling = values.once
    ? enforcer.poll(0).then(() => {})
    : enforcer.pollLoop(stop.signal).catch((error) => {
        stopped = error;
        stop.abort();
      });
  try {
    await runTasks([...tasks, enforcer.task()], systemClock, jsonLog, { signal: stop.signal, once: Boolean(values.once) });
    await polling;
    if (stopped) throw stopped;
  } finally {
    stop.abort();
    server?.close();
  }
}

async function plan(values: Record<string, string | boolean | undefined>) {
  const state = new StateDir(String(values["state-dir"]));
  const credential = await state.readCredential();
  const at = values.at ? new Date(String(values.at)) : new Date();
  if (Number.isNaN(at.getTime())) throw new UsageError(`--at must be an ISO time such as 2026-12-07T14:00:00Z, not "${values.at}"`);
  const portal = credential ? new PortalClient(credential.portal, credential.credential) : null;
  console.log(await planText({ portal, cache: ScheduleCache.in(state.dir), run: execRunner(), facts: await machineFacts(collectorOf(values)) }, at));
}

async function status(values: { "state-dir": string }) {
  const state = new StateDir(values["state-dir"]);
  const [credential, current] = await Promise.all([state.readCredential(), state.readStatus()]);
  const lines = [
    `machine:        ${credential ? `${credential.machineName} (${credential.portal})` : "not enrolled"}`,
    `portal:         ${current.portalReachable === null ? "not contacted yet" : current.portalReachable ? "reachable" : "unreachable"}`,
    `last report:    ${current.lastReportAt ?? "never"}`,
    `spooled:        ${current.spooled} sample(s) waiting`,
    `GPUs seen:      ${current.gpusSeen.length ? current.gpusSeen.map((g) => `${g.index}: ${g.name} ${g.uuid}`).join("; ") : "none"}`,
    `faults:         ${current.faults.length ? current.faults.join("; ") : "none"}`,
    ...(current.lastError ? [`last error:     ${current.lastError}`] : []),
  ];
  const enforcement = await state.readEnforcement();
  if (enforcement) {
    lines.push(
      `mode:           ${enforcement.mode ?? "no schedule yet"}`,
      `schedule:       ${enforcement.fetchedAt ? `fetched ${enforcement.fetchedAt}${enforcement.portalAway ? " — the portal is away: enforcing this cached copy" : ""}` : "none yet"}`,
      `last applied:   ${enforcement.lastAppliedAt ?? "never"}`,
      ...enforcement.lastErrors.map((e) => `apply error:    ${e}`),
    );
  }
  console.log(lines.join("\n"));
}

export async function main(argv: string[]): Promise<number> {
  try {
    const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true });
    const command = positionals[0];
    if (values.help || !command) {
      console.log(USAGE);
      return command || values.help ? 0 : 2;
    }
    if (command === "enroll") await enroll(values);
    else if (command === "run") await run(values);
    else if (command === "status") await status(values);
    else if (command === "plan") await plan(values);
    else if (command === "env") process.stdout.write(envText(await readGrantsFile(values["grants-file"])));
    else throw new UsageError(`unknown command "${command}"`);
    return 0;
  } catch (error) {
    if (error instanceof StopAgent) {
      jsonLog("error", "agent stopped", { reason: error.message });
      return 3;
    }
    console.error(`rigshare-agent: ${error instanceof Error ? error.message : String(error)}`);
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      console.error(`\n${USAGE}`);
      return 2;
    }
    return 1;
  }
}
