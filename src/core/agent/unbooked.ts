/**
 * Unbooked use: a process on a GPU whose Linux user does not hold an active slice on that GPU.
 * One sighting can be a race (a slice that just started, a report straddling its end), so a
 * suspect becomes unbooked use only when it is seen in two samples in a row.
 */

export interface ProcessSighting {
  gpuId: string;
  /** The Linux user owning the process; null when the agent could not tell (uid shown instead). */
  linuxUser: string | null;
  uid: number | null;
  name: string;
  memMib: number | null;
}

export interface MachineSample {
  at: Date;
  processes: ProcessSighting[];
}

export interface Suspect {
  gpuId: string;
  /** `linuxUser`, or `uid:N` when the user is unknown. */
  who: string;
  processName: string;
  firstSeenAt: Date;
  lastSeenAt: Date;
  sightings: number;
  maxMemMib: number;
}

/** Counted as unbooked use once seen this many samples in a row. */
export const UNBOOKED_AFTER_SIGHTINGS = 2;

/** The process name without its path: `/usr/lib/xorg/Xorg` → `Xorg`. */
export const processBasename = (name: string) => name.trim().split(/\s+/)[0]!.split("/").pop() ?? name;

const keyOf = (gpuId: string, who: string) => `${gpuId}\u0000${who}`;

/**
 * Walks samples of one machine in order and returns the suspects still open after the last one
 * and those that ended on the way (not seen in a sample). `holders(gpuId, at)` gives the Linux
 * users holding an active slice on that GPU at that time.
 */
export function judgeUnbooked(
  open: readonly Suspect[],
  samples: readonly MachineSample[],
  holders: (gpuId: string, at: Date) => ReadonlySet<string>,
  systemProcesses: ReadonlySet<string>,
): { open: Suspect[]; ended: Suspect[] } {
  let current = new Map(open.map((s) => [keyOf(s.gpuId, s.who), { ...s }]));
  const ended: Suspect[] = [];
  for (const sample of [...samples].sort((a, b) => a.at.getTime() - b.at.getTime())) {
    const next = new Map<string, Suspect>();
    for (const p of sample.processes) {
      if (systemProcesses.has(processBasename(p.name))) continue;
      if (p.linuxUser !== null && holders(p.gpuId, sample.at).has(p.linuxUser)) continue;
      const who = p.linuxUser ?? `uid:${p.uid ?? "?"}`;
      const key = keyOf(p.gpuId, who);
      const seen = next.get(key) ?? current.get(key);
      const mem = p.memMib ?? 0;
      if (seen && next.has(key)) {
        seen.maxMemMib = Math.max(seen.maxMemMib, mem);
      } else if (seen) {
        next.set(key, { ...seen, lastSeenAt: sample.at, sightings: seen.sightings + 1, maxMemMib: Math.max(seen.maxMemMib, mem) });
      } else {
        next.set(key, { gpuId: p.gpuId, who, processName: p.name, firstSeenAt: sample.at, lastSeenAt: sample.at, sightings: 1, maxMemMib: mem });
      }
    }
    for (const [key, suspect] of current) if (!next.has(key)) ended.push(suspect);
    current = next;
  }
  return { open: [...current.values()], ended };
}

export const isUnbookedUse = (suspect: Pick<Suspect, "sightings">) => suspect.sightings >= UNBOOKED_AFTER_SIGHTINGS;
