import type { ScheduleOut } from "@/contracts/slices";
import { defaultSliceProfile } from "@/core/slices/capacity";
import { proposeFreeGpus } from "@/core/slices/gpus";
import { findPendingExtensions, findSlices } from "@/server/db/slices";
import { findScheduleHolds } from "@/server/db/schedule";
import { answerCache } from "@/server/db/answer-cache";
import { costChanges, fleetChanges, identityCache } from "@/server/db/change-cache";
import { read } from "@/server/db/tx";
import { fleetMachines } from "../fleet";
import type { Actor } from "../actor";
import { decisionOf } from "./approve";
import { previewDecision } from "./lifecycle";
import { sliceView } from "./views";

/** A person's own slices, newest first. */
export async function listMySlices(actor: Actor, now: Date) {
  const rows = await read((client) => findSlices(client, { requesterId: actor.id }, { take: 300 }));
  return rows.map((row) => sliceView(row, now));
}

/**
 * The admin queue: pending requests with the GPUs the portal proposes and what stands in the
 * way (so an admin sees before clicking whether approval will work), and pending extensions.
 */
export async function approvalQueue(now: Date) {
  return read(async (client) => {
    const [pending, extensions] = await Promise.all([
      findSlices(client, { status: "pending" }, { orderBy: [{ createdAt: "asc" }], take: 200 }),
      findPendingExtensions(client),
    ]);
    const requests = [];
    for (const row of pending) {
      const start = Math.max(row.startAt.getTime(), now.getTime());
      const d = decisionOf(row, { start });
      const { ctx, conflicts, violations, suggestion } = await previewDecision(client, d, now);
      const proposed = proposeFreeGpus({ machine: ctx.capacity, bookings: ctx.machineBookings, gpuCount: row.gpuCount, start, end: d.request.end });
      requests.push({
        slice: sliceView(row, now),
        proposedGpuIds: proposed,
        machineGpus: ctx.machine.gpus,
        problems: [...conflicts.map((c) => c.message), ...violations.map((v) => v.message)],
        quotaOnly: conflicts.length === 0 && violations.length > 0,
        suggestion,
      });
    }
    return {
      requests,
      extensions: extensions.map((e) => ({ id: e.id, requestedEnd: e.requestedEndAt, reason: e.reason, createdAt: e.createdAt, slice: sliceView(e.slice, now) })),
    };
  });
}

type ScheduleInput = { from: Date; to: Date; machineId?: string };

/**
 * What the schedule shows and who may see it changes with the fleet (machines, GPUs), the slices
 * (costs: slice and slice_gpu rows) and the names of people and teams (identity).
 */
const scheduleChannels = () => [fleetChanges(), costChanges(), identityCache()];
/**
 * The window's machines, holds and pending requests, the same for everyone (the schedule page asks
 * for whole days). Not frozen: the machine rows are the fleet cache's (and never changed).
 */
const scheduleData = answerCache<Awaited<ReturnType<typeof readSchedule>>>(scheduleChannels, 16, false);
/**
 * Whole answers, per person (`mine`) and second (`now`): the people who open the schedule in one
 * second share a second's work; their `now` is the first one's, at most a second early.
 */
const scheduleAnswers = answerCache<ScheduleOut>(scheduleChannels, 32);

async function readSchedule(input: ScheduleInput) {
  return read(async (client) => {
    const [fleet, holds] = await Promise.all([fleetMachines(client), findScheduleHolds(client, input)]);
    return { machines: fleet.filter((m) => m.status !== "retired" && (!input.machineId || m.id === input.machineId)), ...holds };
  });
}

/** Who holds which GPU over [from, to), and the pending requests (not yet on any GPU). */
export async function schedule(input: ScheduleInput, actor: Actor, now: Date): Promise<ScheduleOut> {
  const window = `${input.from.getTime()} ${input.to.getTime()} ${input.machineId ?? "all"}`;
  return scheduleAnswers(`${window} ${actor.id} ${Math.floor(now.getTime() / 1000)}`, async () => scheduleFor(await scheduleData(window, () => readSchedule(input)), input, actor, now));
}

function scheduleFor({ machines, ...data }: Awaited<ReturnType<typeof readSchedule>>, input: ScheduleInput, actor: Actor, now: Date): ScheduleOut {
  return {
    from: input.from,
    to: input.to,
    now,
    machines: machines.map((m) => ({
      id: m.id,
      name: m.name,
      status: m.status,
      threads: m.threads,
      ramGb: m.ramGb,
      profile: defaultSliceProfile({ ...m, machineId: m.id, gpuIds: m.gpus.map((g) => g.id) }),
      gpus: m.gpus.map((g) => ({ id: g.id, index: g.index, model: g.gpuModel.name })),
      holds: data.holds
        .filter((h) => h.machineId === m.id)
        .map((h) => ({
          sliceId: h.sliceId,
          gpuId: h.gpuId,
          start: h.startAt,
          end: h.endAt,
          holder: h.holderName,
          team: h.teamName,
          purpose: h.purpose,
          serving: h.kind === "serving",
          mine: h.requesterId === actor.id,
        })),
      pending: data.pending
        .filter((p) => p.machineId === m.id)
        .map((p) => ({ sliceId: p.id, start: p.startAt, end: p.endAt, gpuCount: p.gpuCount, holder: p.requester.name, purpose: p.purpose, mine: p.requesterId === actor.id })),
    })),
  };
}
