/**
 * Matches the GPUs an agent reports (by UUID, with the driver's index) to the portal's GPUs of
 * that machine. UUIDs never change; indices can change across reboots. The first report fills a
 * missing UUID from the GPU at the same index; any other disagreement is reported, not guessed.
 */
export interface PortalGpu {
  id: string;
  index: number;
  uuid: string | null;
  /** Set when the GPU belongs to another machine (its UUID is known there). */
  elsewhere?: string;
}

export interface GpuMatch {
  /** Reported UUID → portal GPU id, for the GPUs whose samples are stored. */
  byUuid: Map<string, string>;
  /** UUIDs learned now (the first report), to be stored. */
  learned: { gpuId: string; uuid: string }[];
  mismatches: string[];
}

export function matchGpus(portal: readonly PortalGpu[], reported: readonly { uuid: string; index: number }[]): GpuMatch {
  const byUuid = new Map<string, string>();
  const learned: GpuMatch["learned"] = [];
  const mismatches: string[] = [];
  const own = portal.filter((g) => !g.elsewhere);
  const known = new Map(portal.filter((g) => g.uuid).map((g) => [g.uuid!, g]));
  const claimed = new Set<string>();
  const seen = new Set<string>();
  for (const r of [...reported].sort((a, b) => a.index - b.index)) {
    if (seen.has(r.uuid)) continue;
    seen.add(r.uuid);
    const match = known.get(r.uuid);
    if (match?.elsewhere) {
      mismatches.push(`GPU ${r.uuid} (index ${r.index}) is registered on machine ${match.elsewhere}`);
      continue;
    }
    if (match) {
      byUuid.set(r.uuid, match.id);
      claimed.add(match.id);
      continue;
    }
    const atIndex = own.find((g) => g.index === r.index);
    if (atIndex && atIndex.uuid === null && !claimed.has(atIndex.id)) {
      byUuid.set(r.uuid, atIndex.id);
      claimed.add(atIndex.id);
      learned.push({ gpuId: atIndex.id, uuid: r.uuid });
    } else if (atIndex) {
      mismatches.push(`GPU ${r.uuid} at index ${r.index} is not the portal's GPU ${r.index} (${atIndex.uuid ?? "claimed by another UUID"})`);
    } else {
      mismatches.push(`GPU ${r.uuid} at index ${r.index} is not in the portal's inventory of this machine`);
    }
  }
  return { byUuid, learned, mismatches };
}
