import { appliedIn, type AppliedIn, type ScheduleOut } from "@/core/agent/schedule-contract";
import { AppError } from "@/core/errors";
import { recordAudit } from "@/server/db/audit";
import { findAppliedState, upsertAppliedState } from "@/server/db/applied-state";
import type { ScheduleListener } from "@/server/db/schedule-notifications";
import { read, transaction } from "@/server/db/tx";
import type { AgentIdentity } from "./agent-enrollment";
import { desiredStateFor } from "./enforcement";

/** The machine's schedule as its agent receives it; the ETag changes only with what the agent acts on. */
export async function scheduleForAgent(agent: AgentIdentity, now: Date): Promise<ScheduleOut> {
  const view = await desiredStateFor(agent.machineId, now);
  return { machineId: view.machineId, machineName: view.machineName, mode: view.mode, etag: view.etag, servedAt: now.toISOString(), schedule: view.schedule };
}

/** An agent may ask only about its own machine: naming another one is refused, never answered. */
export function checkOwnMachine(agent: AgentIdentity, machineId: string | null) {
  if (machineId !== null && machineId !== agent.machineId) {
    throw new AppError("FORBIDDEN", "This credential belongs to another machine; an agent reads only its own machine's schedule.", { field: "machineId" });
  }
}

/**
 * The long-poll: answers at once when the agent's copy (`ifNoneMatch`) is out of date, else waits
 * up to `waitMs` for a change of the machine's schedule (a NOTIFY from the database) and answers
 * then, or "not-modified" at the end of the wait. The subscription is taken before the first read,
 * so a change committed between the read and the wait is not missed.
 */
export async function longPollSchedule(
  agent: AgentIdentity,
  input: { ifNoneMatch: string | null; waitMs: number; signal?: AbortSignal },
  listener: ScheduleListener,
  now: () => Date,
): Promise<ScheduleOut | "not-modified"> {
  const subscription = input.waitMs > 0 && input.ifNoneMatch ? await listener.subscribe(agent.machineId) : null;
  try {
    const deadline = now().getTime() + input.waitMs;
    for (;;) {
      const out = await scheduleForAgent(agent, now());
      if (out.etag !== input.ifNoneMatch) return out;
      const left = deadline - now().getTime();
      if (!subscription || left <= 0) return "not-modified";
      if ((await subscription.next(left, input.signal)) === "timeout") return "not-modified";
    }
  } finally {
    subscription?.close();
  }
}

/**
 * Keeps what the agent reports it applied, for the machine page. An apply that changed units on
 * the machine (commands run in enforce mode) is audited as the agent's doing.
 */
export async function recordApplied(agent: AgentIdentity, input: AppliedIn, now: Date) {
  return transaction(async (tx) => {
    await upsertAppliedState(tx, agent.machineId, input, now);
    const ran = input.commands.filter((c) => c.outcome === "ran");
    if (ran.length || input.errors.length) {
      await recordAudit(tx, {
        actorId: null,
        action: "agent.apply",
        subjectType: "machine",
        subjectId: agent.machineId,
        after: { scheduleEtag: input.scheduleEtag, appliedAt: input.appliedAt, fromCache: input.fromCache, ran: ran.map((c) => c.command), errors: input.errors },
        reason: `The agent on ${agent.machineName} applied the schedule${input.fromCache ? " from its cache (the portal was away)" : ""}.`,
      });
    }
    return { stored: true };
  });
}

/** The last applied state of a machine, for its page. */
export function appliedStateOf(machineId: string) {
  return read((client) => findAppliedState(client, machineId));
}

/** The machine page's enforcement section: the desired state as the portal sees it, and what the agent last reported applying. */
export async function machineEnforcementView(machineId: string, now: Date) {
  const view = await desiredStateFor(machineId, now);
  const applied = await appliedStateOf(machineId);
  return {
    ...view,
    applied: applied && {
      mode: applied.mode,
      scheduleEtag: applied.scheduleEtag,
      current: applied.scheduleEtag === view.etag,
      appliedAt: applied.appliedAt,
      receivedAt: applied.receivedAt,
      fromCache: applied.fromCache,
      commands: appliedIn.shape.commands.parse(applied.commands),
      grants: appliedIn.shape.grants.parse(applied.grants),
      errors: applied.errors,
      problems: applied.problems,
    },
  };
}
