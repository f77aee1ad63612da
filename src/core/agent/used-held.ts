/**
 * Used GPU-hours beside held ones, and the idle-held cost: the cloud-equivalent of held GPU-hours
 * that telemetry shows unused. A slice's cloud-equivalent over the window is spread evenly over
 * its held GPU-hours, so each idle GPU-hour costs what the cloud would have billed for it (GPU
 * with its share of vCPU and RAM). Held hours without telemetry are counted apart, never as idle.
 */
export interface SliceUse {
  sliceId: string;
  machine: string;
  team: string;
  person: string;
  heldGpuHours: number;
  cloudMicros: bigint;
  measuredGpuHours: number;
  usedGpuHours: number;
}

export interface UsedHeldRow {
  key: string;
  heldGpuHours: number;
  measuredGpuHours: number;
  usedGpuHours: number;
  idleHeldGpuHours: number;
  idleHeldCostMicros: bigint;
}

/** The idle-held cost of one slice, in whole micro-dollars. */
export function idleHeldCostMicros(use: Pick<SliceUse, "heldGpuHours" | "cloudMicros" | "measuredGpuHours" | "usedGpuHours">): bigint {
  if (use.heldGpuHours <= 0) return 0n;
  const idle = Math.max(0, Math.min(use.measuredGpuHours, use.heldGpuHours) - use.usedGpuHours);
  // Parts per million of the held hours, so the product stays an exact bigint.
  const ppm = BigInt(Math.round((idle / use.heldGpuHours) * 1_000_000));
  return (use.cloudMicros * ppm) / 1_000_000n;
}

export function groupUsedHeld(uses: readonly SliceUse[], by: "machine" | "team" | "person"): UsedHeldRow[] {
  const rows = new Map<string, UsedHeldRow>();
  for (const u of uses) {
    const key = u[by];
    const row = rows.get(key) ?? { key, heldGpuHours: 0, measuredGpuHours: 0, usedGpuHours: 0, idleHeldGpuHours: 0, idleHeldCostMicros: 0n };
    row.heldGpuHours += u.heldGpuHours;
    row.measuredGpuHours += u.measuredGpuHours;
    row.usedGpuHours += u.usedGpuHours;
    row.idleHeldGpuHours += Math.max(0, Math.min(u.measuredGpuHours, u.heldGpuHours) - u.usedGpuHours);
    row.idleHeldCostMicros += idleHeldCostMicros(u);
    rows.set(key, row);
  }
  return [...rows.values()].sort((a, b) => (b.idleHeldCostMicros > a.idleHeldCostMicros ? 1 : b.idleHeldCostMicros < a.idleHeldCostMicros ? -1 : a.key.localeCompare(b.key)));
}
