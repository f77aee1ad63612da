import { desiredStateAt, type CpuHints } from "@/core/enforcement/desired-state";
import type { DesiredState, EnforcementMode, MachineFacts, ScheduleDocument } from "@/core/enforcement/types";
import type { CommandRunner } from "./command-runner";
import { assignmentsFor, parseShow, showCommand, unitOf, wantedProperties, type UnitProperties } from "./unit-properties";

export interface EnforceDeps {
  run: CommandRunner;
}

export interface EnforceOptions {
  /** Users below this uid (root, system accounts) are never limited. */
  minUid: number;
}

export const DEFAULT_ENFORCE_OPTIONS: EnforceOptions = { minUid: 1000 };

export interface PlannedCommand {
  uid: number;
  /** Whom the command is for, in words: "priya (slice s1)" or "uid 1005 (login profile)". */
  who: string;
  argv: string[];
}

export interface ApplyReport {
  mode: EnforcementMode;
  /** What differs from the machine's state: run in enforce mode, only shown in warn mode. */
  planned: PlannedCommand[];
  ran: PlannedCommand[];
  errors: { uid: number; message: string }[];
  problems: string[];
}

/**
 * The `systemctl set-property --runtime` calls that bring each user's slice to the desired state:
 * holders get their grant, every other logged-in user (uid ≥ minUid) the login profile. A unit
 * already as wanted gets no call, so applying the same state twice runs nothing the second time.
 */
export function planCommands(desired: DesiredState, current: ReadonlyMap<number, UnitProperties>, loggedIn: readonly number[], options: EnforceOptions = DEFAULT_ENFORCE_OPTIONS): PlannedCommand[] {
  const plans: PlannedCommand[] = [];
  const holders = new Set<number>();
  for (const grant of desired.users) {
    if (grant.uid === null || grant.uid < options.minUid) continue;
    holders.add(grant.uid);
    const assignments = assignmentsFor(current.get(grant.uid), wantedProperties(grant.devices, grant.cpus, grant.memoryMaxBytes));
    if (assignments.length) plans.push({ uid: grant.uid, who: `${grant.linuxUsername} (${grant.sliceIds.map((id) => `slice ${id}`).join(", ")})`, argv: setProperty(grant.uid, assignments) });
  }
  const login = wantedProperties([], desired.loginProfile.cpus, desired.loginProfile.memoryMaxBytes);
  for (const uid of [...new Set(loggedIn)].sort((a, b) => a - b)) {
    if (holders.has(uid) || uid < options.minUid) continue;
    const assignments = assignmentsFor(current.get(uid), login);
    if (assignments.length) plans.push({ uid, who: `uid ${uid} (login profile)`, argv: setProperty(uid, assignments) });
  }
  return plans;
}

const setProperty = (uid: number, assignments: string[]) => ["systemctl", "set-property", "--runtime", unitOf(uid), ...assignments];

/** The dry run: the commands as a person would type them, one per line, each after a comment saying for whom. */
export function renderPlan(plans: readonly PlannedCommand[]): string {
  if (plans.length === 0) return "# Nothing to change: every user's slice is as it should be.\n";
  return plans.map((p) => `# ${p.who}\n${p.argv.map(shellQuote).join(" ")}\n`).join("");
}

const shellQuote = (arg: string) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`);

/** The uids of the `user-UID.slice` units systemd has now (people logged in or with lingering services). */
export async function loggedInUids(deps: EnforceDeps): Promise<number[]> {
  const result = await deps.run(["systemctl", "list-units", "--type=slice", "--all", "--plain", "--no-legend", "user-*.slice"]);
  if (result.code !== 0) throw new Error(`systemctl list-units failed: ${result.stderr.trim()}`);
  return [...result.stdout.matchAll(/^\s*user-(\d+)\.slice\b/gm)].map((m) => Number(m[1]));
}

export async function readUnits(deps: EnforceDeps, uids: readonly number[]): Promise<Map<number, UnitProperties>> {
  const current = new Map<number, UnitProperties>();
  for (const uid of [...new Set(uids)]) {
    const result = await deps.run(showCommand(uid));
    if (result.code === 0) current.set(uid, parseShow(result.stdout));
  }
  return current;
}

/**
 * Brings the machine to `desired`. Observe does nothing at all; warn reads and plans but changes
 * nothing; enforce runs the plan, one call per unit that differs, and reports each failure.
 */
export async function applyDesiredState(deps: EnforceDeps, desired: DesiredState, mode: EnforcementMode, options: EnforceOptions = DEFAULT_ENFORCE_OPTIONS, known?: { loggedIn: number[]; current: Map<number, UnitProperties> }): Promise<ApplyReport> {
  const report: ApplyReport = { mode, planned: [], ran: [], errors: [], problems: desired.problems };
  if (mode === "observe") return report;
  const loggedIn = known?.loggedIn ?? (await loggedInUids(deps));
  const current = known?.current ?? (await readUnits(deps, [...loggedIn, ...desired.users.flatMap((u) => (u.uid === null ? [] : [u.uid]))]));
  report.planned = planCommands(desired, current, loggedIn, options);
  if (mode === "warn") return report;
  for (const plan of report.planned) {
    const result = await deps.run(plan.argv);
    if (result.code === 0) report.ran.push(plan);
    else report.errors.push({ uid: plan.uid, message: `${plan.argv.slice(0, 4).join(" ")} failed (${result.code}): ${result.stderr.trim()}` });
  }
  return report;
}

/**
 * What the agent's loop calls at start-up and at every boundary: reads the machine's units, keeps
 * every holder on the CPUs they have (so nobody moves), computes the desired state from the
 * cached schedule and applies it.
 */
export async function enforceSchedule(deps: EnforceDeps, doc: ScheduleDocument, facts: MachineFacts, at: number, mode: EnforcementMode, options: EnforceOptions = DEFAULT_ENFORCE_OPTIONS) {
  if (mode === "observe") {
    const desired = desiredStateAt(doc, facts, at);
    return { desired, report: await applyDesiredState(deps, desired, mode, options) };
  }
  const loggedIn = await loggedInUids(deps);
  const current = await readUnits(deps, [...loggedIn, ...Object.values(facts.uids ?? {}).filter((uid) => uid >= options.minUid && holdsAt(doc, facts, uid, at))]);
  const hints: Record<string, number[]> = {};
  for (const [name, uid] of Object.entries(facts.uids ?? {})) {
    const props = current.get(uid);
    if (props && props.devicePolicy === "closed") hints[name] = props.allowedCpus;
  }
  const desired = desiredStateAt(doc, facts, at, hints as CpuHints);
  return { desired, report: await applyDesiredState(deps, desired, mode, options, { loggedIn, current }) };
}

const holdsAt = (doc: ScheduleDocument, facts: MachineFacts, uid: number, at: number) => doc.slices.some((s) => facts.uids?.[s.linuxUsername] === uid && s.start <= at && at < s.end);
