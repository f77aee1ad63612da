/**
 * Hardware threads grouped into physical cores. Linux numbers a machine with c cores and 2c
 * threads so that thread i and i + c are siblings on one core (Intel and AMD alike); the agent
 * may pass the real grouping from /sys/devices/system/cpu/cpuN/topology/thread_siblings_list.
 */
export function defaultTopology(cores: number, threads: number): number[][] {
  if (cores <= 0 || threads <= 0 || threads % cores !== 0) {
    return Array.from({ length: Math.max(threads, 0) }, (_, i) => [i]);
  }
  const perCore = threads / cores;
  return Array.from({ length: cores }, (_, core) => Array.from({ length: perCore }, (_, k) => core + k * cores));
}

/** The reserved threads: the first ones in core order, so the system keeps whole cores where it can. */
export function reservedCpus(topology: number[][], reservedThreads: number): number[] {
  return topology.flat().slice(0, Math.max(reservedThreads, 0));
}

/**
 * Picks `count` threads from `free`: whole free cores first, then threads whose sibling is
 * already taken (so no further core is split), then threads of split cores. Returns sorted.
 */
export function pickCpus(topology: number[][], free: ReadonlySet<number>, count: number): number[] {
  const picked: number[] = [];
  const take = (cpu: number) => picked.length < count && free.has(cpu) && !picked.includes(cpu) && picked.push(cpu);
  for (const core of topology) {
    if (count - picked.length >= core.length && core.every((cpu) => free.has(cpu))) core.forEach(take);
  }
  for (const core of topology) {
    if (!core.every((cpu) => free.has(cpu))) core.forEach(take);
  }
  for (const core of topology) core.forEach(take);
  return picked.sort((a, b) => a - b);
}

/** `1,2,8-10`: the form `AllowedCPUs=` takes; systemd prints it back with " " between ranges. */
export function formatCpuSet(cpus: readonly number[], separator: "," | " " = ","): string {
  const sorted = [...new Set(cpus)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(i === j ? `${sorted[i]}` : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(separator);
}

/** Reads `1,2,8-10` or systemd's `1-2 8-10`; null when the text is not a CPU set. */
export function parseCpuSet(text: string): number[] | null {
  const cpus = new Set<number>();
  for (const part of text.trim().split(/[\s,]+/).filter(Boolean)) {
    const match = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (!match) return null;
    const from = Number(match[1]);
    const to = match[2] === undefined ? from : Number(match[2]);
    if (to < from || to - from > 4096) return null;
    for (let cpu = from; cpu <= to; cpu++) cpus.add(cpu);
  }
  return [...cpus].sort((a, b) => a - b);
}
