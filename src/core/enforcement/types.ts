/**
 * What the portal sends a machine's agent: the machine's shape and its approved slices over a
 * window (the next 48 h). The agent computes the desired state from it at every boundary, also
 * while the portal is away. Times are UTC epoch milliseconds.
 */
export interface ScheduleDocument {
  machine: MachineShape;
  loginProfile: LoginProfile;
  /** The window the document covers: slices overlapping [from, to). */
  from: number;
  to: number;
  slices: ScheduledSlice[];
}

export interface MachineShape {
  cores: number;
  threads: number;
  reservedThreads: number;
  ramGb: number;
  reservedRamGb: number;
}

/** What someone without a slice gets: a few threads (taken from the reserved ones) and a little RAM, no GPU. */
export interface LoginProfile {
  threads: number;
  ramGb: number;
}

export interface ScheduledGpu {
  index: number;
  /** Null until the agent's first report filled it in; such a GPU is never granted. */
  uuid: string | null;
}

export interface ScheduledSlice {
  id: string;
  linuxUsername: string;
  gpus: ScheduledGpu[];
  threads: number;
  ramGb: number;
  start: number;
  /** The effective end: the end, or the release if earlier. */
  end: number;
}

/**
 * What only the machine knows: who is who, which device node each GPU is, how CPUs pair into
 * cores. The portal, which knows none of it, leaves uids and devices out: the grants then carry
 * null uids and no device nodes, and that is not a problem.
 */
export interface MachineFacts {
  /** Linux user name → uid, from the passwd database. */
  uids?: Readonly<Record<string, number>>;
  /** GPU UUID → device node (`/dev/nvidiaN`, N the GPU's minor number). */
  devices?: Readonly<Record<string, string>>;
  /** Physical cores as lists of their hardware threads; derived from cores and threads when absent. */
  topology?: number[][];
}

export interface UserGrant {
  linuxUsername: string;
  /** Null when the user does not exist on the machine: nothing can be applied for them. */
  uid: number | null;
  sliceIds: string[];
  gpus: ScheduledGpu[];
  /** Device nodes of the GPUs, for `DeviceAllow=`; a GPU without a known node is left out (and named in problems). */
  devices: string[];
  /** Sorted hardware thread numbers, for `AllowedCPUs=`. */
  cpus: number[];
  memoryMaxBytes: number;
}

export interface DesiredState {
  at: number;
  /** Sorted by Linux user name. */
  users: UserGrant[];
  /** For every other user: CPUs from the reserved ones, a little memory, no GPU. */
  loginProfile: { cpus: number[]; memoryMaxBytes: number };
  /** Inconsistencies met (a GPU held twice, too little capacity, an unknown user or device), in words. */
  problems: string[];
}

/** Per machine, set by an admin: observe changes nothing, warn only tells people, enforce applies. */
export const ENFORCEMENT_MODES = ["observe", "warn", "enforce"] as const;
export type EnforcementMode = (typeof ENFORCEMENT_MODES)[number];

export const GIB = 1024 ** 3;
