import type { AppliedIn } from "@/core/agent/schedule-contract";
import type { Db } from "./tx";

/** Stores what the machine's agent reports it applied, over its previous report. */
export function upsertAppliedState(tx: Db, machineId: string, input: AppliedIn, receivedAt: Date) {
  const data = {
    mode: input.mode,
    scheduleEtag: input.scheduleEtag,
    appliedAt: new Date(input.appliedAt),
    receivedAt,
    fromCache: input.fromCache,
    commands: input.commands,
    errors: input.errors,
    problems: input.problems,
    grants: input.grants,
  };
  return tx.agentAppliedState.upsert({ where: { machineId }, create: { machineId, ...data }, update: data });
}

export function findAppliedState(client: Db, machineId: string) {
  return client.agentAppliedState.findUnique({ where: { machineId } });
}
