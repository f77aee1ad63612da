import { sliceCapacity } from "../slices/capacity";
import { formatUtc, plural } from "../slices/format";
import { amountsOn, comparePlacements, suitableGpus } from "./rules";
import type { MachineVerdict, Need, Placement, PlacementMachine } from "./types";

const gpuKinds = (machine: PlacementMachine) => [...new Set(machine.gpus.map((g) => `${g.model} (${g.vramGb} GB)`))].join(", ") || "no GPUs";

/**
 * Why no machine could ever meet the need, whatever the schedule, or null. A machine in
 * maintenance may come back, so it counts; a retired one does not. The message names the largest
 * that exists, so the person can ask for something that does.
 */
export function impossibleReason(machines: readonly PlacementMachine[], need: Need): string | null {
  const fleet = machines.filter((m) => m.status !== "retired");
  if (fleet.length === 0) return "There is no machine in service.";
  const allGpus = fleet.flatMap((m) => m.gpus.map((g) => ({ ...g, machine: m.name })));
  const largest = allGpus.reduce<(typeof allGpus)[number] | null>((a, g) => (!a || g.vramGb > a.vramGb ? g : a), null);
  if (need.minGpuMemoryGb !== undefined && (!largest || largest.vramGb < need.minGpuMemoryGb)) {
    return `No GPU has ${need.minGpuMemoryGb} GB: the largest has ${largest?.vramGb ?? 0} GB (${largest?.model ?? "none"} on ${largest?.machine ?? "no machine"}).`;
  }
  const counts = fleet.map((m) => ({ m, n: suitableGpus(m, need).length }));
  const most = counts.reduce((a, c) => (c.n > a.n ? c : a));
  if (most.n === 0) {
    const models = [...new Set(allGpus.map((g) => `${g.model} (${g.vramGb} GB)`))].join(", ");
    return `No GPU matches the need; the fleet has ${models}.`;
  }
  if (most.n < need.gpuCount) {
    return `No machine has ${plural(need.gpuCount, "suitable GPU")}: the most on one machine is ${most.n} (${most.m.name}); a slice stays on one machine.`;
  }
  const fits = counts.filter((c) => c.n >= need.gpuCount).some(({ m }) => {
    const cap = sliceCapacity(m);
    const asked = amountsOn(m, need);
    return asked.threads <= cap.threads && asked.ramGb <= cap.ramGb;
  });
  if (!fits) return "No machine with enough suitable GPUs has the CPU threads and RAM asked for.";
  return null;
}

const impossibleMemo = new WeakMap<readonly PlacementMachine[], { byNeed: WeakMap<Need, string | null>; byShape: Map<string, string | null> }>();

/**
 * impossibleReason, remembered per fleet (array) and the need's shape, the only inputs it reads:
 * the waitlist pass and the replay ask it for every waiting entry again and again.
 */
export function impossibleOnce(machines: readonly PlacementMachine[], need: Need): string | null {
  let memo = impossibleMemo.get(machines);
  if (!memo) impossibleMemo.set(machines, (memo = { byNeed: new WeakMap(), byShape: new Map() }));
  const known = memo.byNeed.get(need);
  if (known !== undefined) return known;
  const shape = `${need.gpuCount}|${need.minGpuMemoryGb}|${need.gpuModels?.join("\u0000")}|${need.threadsPerGpu}|${need.ramGbPerGpu}`;
  let reason = memo.byShape.get(shape);
  if (reason === undefined) memo.byShape.set(shape, (reason = impossibleReason(machines, need)));
  memo.byNeed.set(need, reason);
  return reason;
}

/** One verdict per machine, in the order of preference: the chosen one first, then the other placements, then the rest. */
export function explainVerdicts(
  candidates: ReadonlyArray<{ machine: PlacementMachine; placement?: Placement; quotaBlocked: string[] }>,
  need: Need,
  best: Placement | null,
  horizon: number,
): MachineVerdict[] {
  const verdicts = candidates.map(({ machine, placement, quotaBlocked }): MachineVerdict => {
    const base = { machineId: machine.machineId, machineName: machine.name, chosen: false, placement };
    if (placement && best && placement.machineId === best.machineId) {
      return { ...base, chosen: true, code: "CHOSEN", message: `Chosen: ${plural(placement.gpuIds.length, "GPU")} from ${formatUtc(placement.start)} to ${formatUtc(placement.end)}.` };
    }
    if (placement && best) return { ...base, ...whyNotBetter(placement, best) };
    if (machine.status !== "active") return { ...base, code: "UNAVAILABLE", message: `${machine.name} is ${machine.status === "retired" ? "retired" : "in maintenance"}.` };
    const suitable = suitableGpus(machine, need).length;
    if (suitable === 0) return { ...base, code: "NO_SUITABLE_GPUS", message: `${machine.name} has ${gpuKinds(machine)}, none of which meets the need.` };
    if (suitable < need.gpuCount) return { ...base, code: "TOO_FEW_SUITABLE_GPUS", message: `${machine.name} has only ${plural(suitable, "suitable GPU")}; ${need.gpuCount} needed on one machine.` };
    const cap = sliceCapacity(machine);
    const asked = amountsOn(machine, need);
    if (asked.threads > cap.threads || asked.ramGb > cap.ramGb) {
      return { ...base, code: "TOO_SMALL", message: `${machine.name} offers slices ${cap.threads} threads and ${cap.ramGb} GB at most; ${asked.threads} threads and ${asked.ramGb} GB asked.` };
    }
    const quota = quotaBlocked.length > 0 ? ` ${quotaBlocked.join(" ")}` : "";
    return { ...base, code: "NO_WINDOW", message: `${machine.name} has no window that fits before ${formatUtc(horizon + need.durationMs)}.${quota}` };
  });
  const rank = (v: MachineVerdict) => (v.chosen ? 0 : v.placement ? 1 : 2);
  return verdicts.sort((a, b) => rank(a) - rank(b) || (a.placement && b.placement ? comparePlacements(a.placement, b.placement) : a.machineName.localeCompare(b.machineName)));
}

function whyNotBetter(p: Placement, best: Placement): Pick<MachineVerdict, "code" | "message"> {
  const name = p.machineName;
  if (p.start !== best.start) return { code: "LATER_START", message: `${name} is free only from ${formatUtc(p.start)}, later than ${formatUtc(best.start)} on ${best.machineName}.` };
  const s = p.stranded;
  const b = best.stranded;
  if (s.gpus !== b.gpus || s.threads !== b.threads || s.ramGb !== b.ramGb) {
    return {
      code: "MORE_STRANDED",
      message: `${name} could start at the same time but would strand ${plural(s.gpus, "GPU")}, ${plural(s.threads, "thread")} and ${s.ramGb} GB that no slice could use (${best.machineName}: ${plural(b.gpus, "GPU")}, ${plural(b.threads, "thread")}, ${b.ramGb} GB).`,
    };
  }
  if (p.cloudMicrosPerHour !== best.cloudMicrosPerHour) {
    const usd = (m: number) => `$${(m / 1e6).toFixed(2)}`;
    return { code: "MORE_EXPENSIVE", message: `${name} ties on start and stranding but is worth ${usd(p.cloudMicrosPerHour)}/h in the cloud against ${usd(best.cloudMicrosPerHour)}/h: the cheaper one is used first.` };
  }
  return { code: "TIE_BY_NAME", message: `${name} ties with ${best.machineName} in every respect; the first by name is chosen.` };
}
