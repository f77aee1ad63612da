import { defaultSliceProfile } from "../slices/capacity";
import type { Need, Placement, PlacementGpu, PlacementMachine } from "./types";

/** The rules every placement applies: which GPUs a need accepts, what it takes, which placement wins. */

/** The machine's GPUs that the need accepts: enough memory and an acceptable model. */
export function suitableGpus(machine: PlacementMachine, need: Need): PlacementGpu[] {
  const models = need.gpuModels && need.gpuModels.length > 0 ? new Set(need.gpuModels.map((m) => m.toLowerCase())) : null;
  return machine.gpus.filter((g) => g.vramGb >= (need.minGpuMemoryGb ?? 0) && (!models || models.has(g.model.toLowerCase())));
}

/** Threads and RAM a need takes on a machine: per GPU as asked, else the machine's default profile. */
export function amountsOn(machine: PlacementMachine, need: Need): { threads: number; ramGb: number } {
  const profile = defaultSliceProfile(machine);
  return { threads: (need.threadsPerGpu ?? profile.threads) * need.gpuCount, ramGb: (need.ramGbPerGpu ?? profile.ramGb) * need.gpuCount };
}

/** Earlier start, then fewer stranded GPUs, threads, GB, then the cheaper cloud-equivalent, then the name. */
export function comparePlacements(a: Placement, b: Placement): number {
  return (
    a.start - b.start ||
    a.stranded.gpus - b.stranded.gpus ||
    a.stranded.threads - b.stranded.threads ||
    a.stranded.ramGb - b.stranded.ramGb ||
    a.cloudMicrosPerHour - b.cloudMicrosPerHour ||
    (a.machineName < b.machineName ? -1 : a.machineName > b.machineName ? 1 : 0)
  );
}

