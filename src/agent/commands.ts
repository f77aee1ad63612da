import { userInfo } from "node:os";
import type { ScheduleOut } from "@/core/agent/schedule-contract";
import { enforceSchedule, renderPlan, type CommandRunner } from "./enforce";
import type { MachineFacts } from "@/core/enforcement/types";
import type { PortalClient } from "./portal-client";
import type { GrantsFile, ScheduleCache } from "./schedule-cache";

const gib = (bytes: number) => `${Math.round((bytes / 1024 ** 3) * 10) / 10} GiB`;

/**
 * The dry run: the schedule from the portal (or the cache when it is away), the machine's units
 * read with `systemctl show`, and the `set-property` commands that would bring them to the
 * desired state at `at`, whatever the machine's mode. Nothing is changed.
 */
export async function planText(deps: { portal: Pick<PortalClient, "schedule"> | null; cache: ScheduleCache; run: CommandRunner; facts: MachineFacts }, at: Date): Promise<string> {
  let schedule: ScheduleOut | null = null;
  let source = "";
  const fresh = deps.portal ? await deps.portal.schedule(undefined, 0) : null;
  if (fresh?.kind === "ok") {
    schedule = fresh.value;
    source = "the portal";
  } else {
    const cached = await deps.cache.read();
    if (cached) {
      schedule = cached.schedule;
      source = `the cached schedule of ${cached.fetchedAt} (the portal: ${fresh && "message" in fresh ? fresh.message : "not asked"})`;
    }
  }
  if (!schedule) throw new Error("no schedule: the portal did not answer and nothing is cached yet");
  const { desired, report } = await enforceSchedule({ run: deps.run }, schedule.schedule, deps.facts, at.getTime(), "warn");
  const header = [
    `# Dry run for ${schedule.machineName} at ${at.toISOString()}, from ${source}.`,
    `# Mode: ${schedule.mode}${schedule.mode === "enforce" ? " (the agent runs these)" : " (the agent runs none of these until an admin sets enforce)"}.`,
    ...desired.users.map((u) => `# ${u.linuxUsername}${u.uid === null ? " (no account here)" : ` (uid ${u.uid})`}: GPU ${u.gpus.map((g) => g.index).join(", ")} ${u.devices.join(" ")}; CPUs ${u.cpus.join(",")}; ${gib(u.memoryMaxBytes)}`),
    ...desired.problems.map((p) => `# Problem: ${p}`),
  ];
  return `${header.join("\n")}\n${renderPlan(report.planned)}`;
}

/**
 * `rigshare env`: for the person who runs it, the shell lines that point CUDA at their GPUs (by
 * UUID, which survives index changes) and say their slice's limits. A convenience for scripts
 * and notebooks; the device cgroup is what enforces.
 */
export function envText(grants: GrantsFile | null, user: { username: string; uid: number } = { username: userInfo().username, uid: process.getuid?.() ?? -1 }): string {
  if (!grants) return "# No schedule applied on this machine yet (is the rigshare agent running?).\nexport CUDA_VISIBLE_DEVICES=\n";
  const mine = grants.users.find((u) => u.uid === user.uid || u.linuxUsername === user.username);
  if (!mine) {
    return [
      `# ${user.username} holds no slice on ${grants.machineName} now: no GPU, CPUs ${grants.loginProfile.cpus}, at most ${gib(grants.loginProfile.memoryMaxBytes)}.`,
      "export CUDA_VISIBLE_DEVICES=",
      "",
    ].join("\n");
  }
  const ids = mine.gpus.map((g) => g.uuid ?? String(g.index));
  return [
    `# ${user.username} on ${grants.machineName}: GPU ${mine.gpus.map((g) => g.index).join(", ")}${mine.until ? ` until ${mine.until}` : ""}; CPUs ${mine.cpus}; at most ${gib(mine.memoryMaxBytes)}.`,
    `export CUDA_VISIBLE_DEVICES=${ids.join(",")}`,
    "export CUDA_DEVICE_ORDER=PCI_BUS_ID",
    `export OMP_NUM_THREADS=${countCpus(mine.cpus)}`,
    "",
  ].join("\n");
}

function countCpus(set: string): number {
  return set.split(",").filter(Boolean).reduce((n, part) => {
    const [a, b] = part.split("-").map(Number);
    return n + (b === undefined ? 1 : b! - a! + 1);
  }, 0);
}
