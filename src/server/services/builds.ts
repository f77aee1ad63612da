import { AppError, notFound } from "@/core/errors";
import { formatUtc } from "@/core/slices/format";
import { recordAudit } from "@/server/db/audit";
import {
  deleteBuildRow,
  findBuildById,
  findBuildByName,
  findBuildNamesStartingWith,
  findBuilds,
  findLatestBuildChange,
  findMachineCapex,
  findMachineForLinking,
  findMachinesForLinking,
  insertBuild,
  linkMachineToBuild,
  lockBuild,
  replaceBuildContents,
  unlinkBuildFromMachine,
  type BuildData,
  type BuildRow,
} from "@/server/db/builds";
import { read, transaction, type Db } from "@/server/db/tx";
import type { Actor } from "./actor";
import { auditSnapshots, buildView, dataOf, sameData } from "./builds-view";

export { buildView, type BuildView } from "./builds-view";

/** The build statuses a machine can run on: only a build in service is a machine. */
const LINKABLE_STATUS = "in_service";

export async function listBuilds() {
  const rows = await read(findBuilds);
  return rows.map(buildView);
}

export async function getBuild(buildId: string) {
  const row = await read((client) => findBuildById(client, buildId));
  if (!row) throw notFound("Build", "buildId");
  return buildView(row);
}

/** Machines to link a build to, with the build each already runs (if any). */
export function listLinkableMachines() {
  return read(findMachinesForLinking);
}

/**
 * What each linked machine's build supplies as capex, exact in bigint micro-dollars as the cost
 * core wants it. Inside another use-case's transaction, call findMachineCapex(tx, …) instead.
 */
export function machineCapex(machineIds?: string[]) {
  return read((client) => findMachineCapex(client, machineIds));
}

async function assertNameFree(tx: Db, name: string, exceptId?: string) {
  const clash = await findBuildByName(tx, name);
  if (clash && clash.id !== exceptId) {
    throw new AppError("CONFLICT", `A build named "${clash.name}" already exists.`, { field: "name" });
  }
}

/** Locks the build (see lockBuild) and loads it. */
async function loadForChange(tx: Db, buildId: string): Promise<BuildRow> {
  const row = (await lockBuild(tx, buildId)) ? await findBuildById(tx, buildId) : null;
  if (!row) throw notFound("Build", "buildId");
  return row;
}

async function reloadView(tx: Db, buildId: string) {
  const row = await findBuildById(tx, buildId);
  if (!row) throw notFound("Build", "buildId");
  return buildView(row);
}

export async function createBuild(actor: Actor, input: BuildData) {
  return transaction(async (tx) => {
    await assertNameFree(tx, input.name);
    const row = await insertBuild(tx, input);
    await recordAudit(tx, { actorId: actor.id, action: "build.create", subjectType: "build", subjectId: row.id, ...auditSnapshots(null, input) });
    return buildView(row);
  });
}

const VERSIONED_ACTIONS: Record<string, string> = { "build.create": "created", "build.duplicate": "created", "build.update": "saved" };

/** "Ada Lindqvist saved this build at 2026-11-27 10:42:13 UTC; reload to see their changes." */
async function staleSaveError(tx: Db, actor: Actor, row: BuildRow): Promise<AppError> {
  const last = await findLatestBuildChange(tx, row.id, Object.keys(VERSIONED_ACTIONS));
  const who = !last ? "Someone else" : last.actorId === actor.id ? "You" : (last.actor?.name ?? "Someone else");
  const verb = (last && VERSIONED_ACTIONS[last.action]) ?? "saved";
  const where = who === "You" ? " in another window" : "";
  return new AppError(
    "CONFLICT",
    `${who} ${verb} this build${where} at ${formatUtc((last?.at ?? row.updatedAt).getTime())}; reload to see ${who === "You" ? "that version" : "their changes"}.`,
    { field: "expectedUpdatedAt", details: { updatedAt: row.updatedAt.toISOString() } },
  );
}

/**
 * Replaces the whole build (name, status, notes, parts, quotes) in one transaction, if nobody
 * saved it since the editor loaded the version `expectedUpdatedAt`.
 */
export async function saveBuild(actor: Actor, input: BuildData & { buildId: string; expectedUpdatedAt: Date }, now: Date) {
  const { buildId, expectedUpdatedAt, ...data } = input;
  return transaction(async (tx) => {
    const before = await loadForChange(tx, buildId);
    if (before.updatedAt.getTime() !== expectedUpdatedAt.getTime()) throw await staleSaveError(tx, actor, before);
    const previous = dataOf(before);
    if (sameData(previous, data)) return buildView(before);
    await assertNameFree(tx, data.name, buildId);
    if (before.machine && data.status !== LINKABLE_STATUS) {
      throw new AppError(
        "CONFLICT",
        `"${before.name}" runs machine ${before.machine.name}; unlink it from the machine before changing its status.`,
        { field: "status" },
      );
    }
    const after = await replaceBuildContents(tx, buildId, before.updatedAt, data, now);
    await recordAudit(tx, { actorId: actor.id, action: "build.update", subjectType: "build", subjectId: buildId, ...auditSnapshots(previous, data) });
    return buildView(after);
  });
}

const COPY_SUFFIX = /^(.*) \(copy(?: \d+)?\)$/;
const MAX_NAME = 100;
/** Room kept for " (copy N)" when a long name is cut to fit. */
const SUFFIX_ROOM = " (copy 999)".length;

/** "Zeus (copy)", then "Zeus (copy 2)", …: a copy of a copy gets a new number, not a second suffix. */
async function freeCopyName(tx: Db, name: string): Promise<string> {
  const base = (COPY_SUFFIX.exec(name)?.[1] ?? name).trim().slice(0, MAX_NAME - SUFFIX_ROOM);
  const taken = new Set((await findBuildNamesStartingWith(tx, base)).map((n) => n.toLowerCase()));
  for (let n = 1; ; n++) {
    const candidate = `${base}${n === 1 ? " (copy)" : ` (copy ${n})`}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/** A planned copy of a build's parts and quotes, for "what if we add a 4th GPU". */
export async function duplicateBuild(actor: Actor, input: { buildId: string }) {
  return transaction(async (tx) => {
    const source = await findBuildById(tx, input.buildId);
    if (!source) throw notFound("Build", "buildId");
    const data: BuildData = { ...dataOf(source), name: await freeCopyName(tx, source.name), status: "planned" };
    const row = await insertBuild(tx, data);
    const { after } = auditSnapshots(null, data);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "build.duplicate",
      subjectType: "build",
      subjectId: row.id,
      after: { ...after, copiedFrom: source.name },
    });
    return buildView(row);
  });
}

export async function deleteBuild(actor: Actor, input: { buildId: string }) {
  return transaction(async (tx) => {
    const row = await loadForChange(tx, input.buildId);
    if (row.machine) {
      throw new AppError("CONFLICT", `"${row.name}" runs machine ${row.machine.name}; unlink it from the machine before deleting it.`, {
        field: "buildId",
      });
    }
    await deleteBuildRow(tx, row.id);
    await recordAudit(tx, { actorId: actor.id, action: "build.delete", subjectType: "build", subjectId: row.id, ...auditSnapshots(dataOf(row), null) });
    return { id: row.id };
  });
}

/** A build's link to a machine changed: the entry names the build and its machine before and after. */
function recordLink(tx: Db, actor: Actor, build: { id: string; name: string }, from: string | null, to: string | null) {
  const side = (machine: string | null) => ({ name: build.name, machine });
  return recordAudit(tx, { actorId: actor.id, action: to ? "build.link" : "build.unlink", subjectType: "build", subjectId: build.id, before: side(from), after: side(to) });
}

export async function linkBuild(actor: Actor, input: { buildId: string; machineId: string }) {
  return transaction(async (tx) => {
    const build = await loadForChange(tx, input.buildId);
    const machine = await findMachineForLinking(tx, input.machineId);
    if (!machine) throw notFound("Machine", "machineId");
    if (build.machine?.id === machine.id) return buildView(build);
    if (build.status !== LINKABLE_STATUS) {
      throw new AppError("CONFLICT", `Only a build in service runs a machine; "${build.name}" is ${build.status.replace("_", " ")}. Set it to in service first.`, {
        field: "buildId",
      });
    }
    if (build.machine) {
      throw new AppError("CONFLICT", `"${build.name}" already runs machine ${build.machine.name}; unlink it there first.`, { field: "buildId" });
    }
    const taken = (name: string) =>
      new AppError("CONFLICT", `Machine ${machine.name} already runs build "${name}"; unlink that build first.`, { field: "machineId" });
    if (machine.build) throw taken(machine.build.name);
    if (!(await linkMachineToBuild(tx, machine.id, build.id))) {
      throw taken((await findMachineForLinking(tx, machine.id))?.build?.name ?? "another build");
    }
    await recordLink(tx, actor, build, null, machine.name);
    return reloadView(tx, build.id);
  });
}

export async function unlinkBuild(actor: Actor, input: { buildId: string }) {
  return transaction(async (tx) => {
    const build = await loadForChange(tx, input.buildId);
    if (!build.machine) return buildView(build);
    await unlinkBuildFromMachine(tx, build.id);
    await recordLink(tx, actor, build, build.machine.name, null);
    return reloadView(tx, build.id);
  });
}
