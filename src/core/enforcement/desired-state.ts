import { defaultTopology, pickCpus, reservedCpus } from "./cpu-topology";
import { GIB, type DesiredState, type MachineFacts, type ScheduleDocument, type ScheduledGpu, type ScheduledSlice, type UserGrant } from "./types";

/** CPUs each user holds now (read back from their systemd slice), so a boundary or a restart moves nobody. */
export type CpuHints = Readonly<Record<string, readonly number[]>>;

const activeAt = (slice: ScheduledSlice, at: number) => slice.start <= at && at < slice.end;
const byStart = (a: ScheduledSlice, b: ScheduledSlice) => a.start - b.start || a.id.localeCompare(b.id);
const gpuKey = (gpu: ScheduledGpu) => gpu.uuid ?? `index:${gpu.index}`;

interface Claim {
  linuxUsername: string;
  slices: ScheduledSlice[];
  gpus: ScheduledGpu[];
  threads: number;
  ramGb: number;
}

/**
 * Who holds what on the machine at `at`: per Linux user their GPUs, a CPU set and a memory
 * ceiling; everyone else the login profile. Whatever the input, no GPU goes to two people, no
 * CPU to two users or to a user and the reserve, and the memory ceilings of holders add up to no
 * more than RAM minus the reserve: conflicting claims are served in start order and the rest is
 * named in `problems` (the portal's invariants make that unreachable with a consistent schedule).
 * `hints` keeps CPUs that users already have where they are still theirs to keep.
 */
export function desiredStateAt(doc: ScheduleDocument, facts: MachineFacts, at: number, hints: CpuHints = {}): DesiredState {
  const { machine } = doc;
  const problems: string[] = [];
  const topology = facts.topology ?? defaultTopology(machine.cores, machine.threads);
  const reserved = reservedCpus(topology, machine.reservedThreads);
  const free = new Set(topology.flat().filter((cpu) => !reserved.includes(cpu)));

  const claims = claimsAt(doc.slices, at, problems);
  let memoryLeft = Math.max(machine.ramGb - machine.reservedRamGb, 0);
  const memory = new Map<string, number>();
  for (const claim of claims) {
    const granted = Math.min(claim.ramGb, memoryLeft);
    if (granted < claim.ramGb) problems.push(`${claim.linuxUsername} gets ${granted} of ${claim.ramGb} GB: the machine's RAM minus its reserve is used up.`);
    memoryLeft -= granted;
    memory.set(claim.linuxUsername, granted);
  }

  const cpus = new Map<string, number[]>();
  for (const claim of claims) {
    const kept = [...new Set(hints[claim.linuxUsername] ?? [])].filter((cpu) => free.has(cpu)).slice(0, claim.threads);
    kept.forEach((cpu) => free.delete(cpu));
    cpus.set(claim.linuxUsername, kept);
  }
  for (const claim of claims) {
    const have = cpus.get(claim.linuxUsername)!;
    const more = pickCpus(topology, free, claim.threads - have.length);
    more.forEach((cpu) => free.delete(cpu));
    if (have.length + more.length < claim.threads) {
      problems.push(`${claim.linuxUsername} gets ${have.length + more.length} of ${claim.threads} threads: the machine's threads minus its reserve are used up.`);
    }
    cpus.set(claim.linuxUsername, [...have, ...more].sort((a, b) => a - b));
  }

  const users = claims
    .map((claim): UserGrant => {
      const uid = facts.uids?.[claim.linuxUsername];
      if (facts.uids && uid === undefined) problems.push(`${claim.linuxUsername} holds a slice but has no Linux account on this machine.`);
      const devices: string[] = [];
      for (const gpu of facts.devices ? claim.gpus : []) {
        const device = gpu.uuid ? facts.devices?.[gpu.uuid] : undefined;
        if (device) devices.push(device);
        else problems.push(`GPU ${gpu.index} (${gpu.uuid ?? "UUID not yet reported"}) of ${claim.linuxUsername} has no known device node: it is not granted.`);
      }
      return {
        linuxUsername: claim.linuxUsername,
        uid: uid ?? null,
        sliceIds: claim.slices.map((s) => s.id),
        gpus: claim.gpus,
        devices: [...new Set(devices)].sort(),
        cpus: cpus.get(claim.linuxUsername)!,
        memoryMaxBytes: memory.get(claim.linuxUsername)! * GIB,
      };
    })
    .sort((a, b) => a.linuxUsername.localeCompare(b.linuxUsername));

  const loginCpus = reserved.slice(0, Math.max(doc.loginProfile.threads, 1));
  if (loginCpus.length === 0) problems.push("The machine reserves no threads, so people without a slice have no CPU of their own.");
  // The login profile lives in the reserve; a machine that reserves no RAM can only cap it.
  const loginGb = machine.reservedRamGb > 0 ? Math.min(doc.loginProfile.ramGb, machine.reservedRamGb) : doc.loginProfile.ramGb;
  return { at, users, loginProfile: { cpus: loginCpus, memoryMaxBytes: loginGb * GIB }, problems };
}

/** Active slices merged per user in the order their first slice started; a GPU already claimed is refused. */
function claimsAt(slices: readonly ScheduledSlice[], at: number, problems: string[]): Claim[] {
  const claims = new Map<string, Claim>();
  const gpuHolder = new Map<string, string>();
  for (const slice of slices.filter((s) => activeAt(s, at)).sort(byStart)) {
    const claim = claims.get(slice.linuxUsername) ?? { linuxUsername: slice.linuxUsername, slices: [], gpus: [], threads: 0, ramGb: 0 };
    claims.set(slice.linuxUsername, claim);
    claim.slices.push(slice);
    claim.threads += Math.max(slice.threads, 0);
    claim.ramGb += Math.max(slice.ramGb, 0);
    for (const gpu of slice.gpus) {
      const holder = gpuHolder.get(gpuKey(gpu));
      if (holder === undefined) {
        gpuHolder.set(gpuKey(gpu), slice.linuxUsername);
        claim.gpus.push(gpu);
      } else if (holder !== slice.linuxUsername) {
        problems.push(`GPU ${gpu.index} is in two slices at once (${holder}'s and ${slice.linuxUsername}'s): it stays with ${holder}.`);
      }
    }
  }
  return [...claims.values()];
}
