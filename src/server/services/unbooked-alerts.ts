import { isUnbookedUse, type Suspect } from "@/core/agent/unbooked";
import { findGpuIndexes, findUsersByLinuxName } from "@/server/db/unbooked";
import type { Db } from "@/server/db/tx";
import { notify } from "@/server/notifications/notify";

/** An episode: one person on one GPU from its first sighting (a later episode starts afresh). */
const episodeOf = (s: Pick<Suspect, "gpuId" | "who" | "firstSeenAt">) => `${s.gpuId}|${s.who}|${s.firstSeenAt.getTime()}`;

/**
 * The suspects that became unbooked use in this judgement: seen often enough now, not before.
 * An episode crosses that line once, so later reports of the same episode raise nothing.
 */
export function newlyUnbooked(before: readonly Suspect[], after: readonly Suspect[]): Suspect[] {
  const known = new Map(before.map((s) => [episodeOf(s), s]));
  return after.filter((s) => isUnbookedUse(s) && !isUnbookedUse(known.get(episodeOf(s)) ?? { sightings: 0 }));
}

/** Tells the person (when their Linux user is known) and the admins, one event per person with the GPUs they took. */
export async function announceUnbookedUse(tx: Db, machine: { machineId: string; machineName: string }, crossed: readonly Suspect[], now: Date) {
  if (!crossed.length) return;
  const indexes = new Map((await findGpuIndexes(tx, [...new Set(crossed.map((s) => s.gpuId))])).map((g) => [g.id, g.index]));
  const people = new Map((await findUsersByLinuxName(tx, [...new Set(crossed.map((s) => s.who))])).map((u) => [u.linuxUsername, u.id]));
  const byWho = new Map<string, Suspect[]>();
  for (const s of crossed) byWho.set(s.who, [...(byWho.get(s.who) ?? []), s]);
  for (const [who, suspects] of byWho) {
    await notify(
      tx,
      {
        kind: "unbooked-use",
        machineId: machine.machineId,
        machineName: machine.machineName,
        userId: people.get(who) ?? null,
        linuxUsername: who,
        gpuIndexes: suspects.map((s) => indexes.get(s.gpuId) ?? -1).sort((a, b) => a - b),
        seenAt: Math.min(...suspects.map((s) => s.firstSeenAt.getTime())),
      },
      now,
    );
  }
}
