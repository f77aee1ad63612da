/**
 * Why a request does not fit a machine: one structured reason per problem, each with a plain
 * English message, the request field it concerns, and the numbers behind it, so the UI can point
 * at the field and an API client can act on the details without parsing the message.
 */

interface ConflictBase {
  message: string;
  field?: string;
}

export interface GpuHeldConflict extends ConflictBase {
  code: "GPU_HELD";
  gpuId: string;
  gpuIndex: number;
  bookingId: string;
  holderUserId: string;
  holderName: string;
  from: number;
  until: number;
}

export interface LoadExceededConflict extends ConflictBase {
  code: "CPU_EXCEEDED" | "RAM_EXCEEDED";
  /** Threads or GB available for slices: the machine's amount minus the reserved amount. */
  limit: number;
  /** Highest total over the window, this request included. */
  peak: number;
  excess: number;
  /** Earliest instant of the peak. */
  at: number;
}

export interface MachineUnavailableConflict extends ConflictBase {
  code: "MACHINE_UNAVAILABLE";
  status: "maintenance" | "retired";
}

export interface BackdatedConflict extends ConflictBase {
  code: "BACKDATED";
  start: number;
  earliestAllowed: number;
}

export interface TooManyGpusConflict extends ConflictBase {
  code: "TOO_MANY_GPUS";
  requested: number;
  available: number;
}

export interface GpuNotOnMachineConflict extends ConflictBase {
  code: "GPU_NOT_ON_MACHINE";
  gpuId: string;
}

export interface NotEnoughFreeGpusConflict extends ConflictBase {
  code: "NOT_ENOUGH_FREE_GPUS";
  requested: number;
  freeGpuIds: string[];
  /** Who holds the other GPUs during the window, and when. */
  holds: Array<{ gpuId: string; gpuIndex: number; bookingId: string; holderName: string; from: number; until: number }>;
}

/** A window that is empty, reversed or not a time at all. */
export interface InvalidWindowConflict extends ConflictBase {
  code: "INVALID_WINDOW";
}

/**
 * Malformed amounts or GPU selection (a count below 1, fractional threads, a GPU listed twice,
 * gpuIds not matching gpuCount). Not in the original code list: these are not capacity problems,
 * yet the core must never accept them, whatever the edge validation let through.
 */
export interface InvalidRequestConflict extends ConflictBase {
  code: "INVALID_REQUEST";
}

export type CapacityConflict =
  | GpuHeldConflict
  | LoadExceededConflict
  | MachineUnavailableConflict
  | BackdatedConflict
  | TooManyGpusConflict
  | GpuNotOnMachineConflict
  | NotEnoughFreeGpusConflict
  | InvalidWindowConflict
  | InvalidRequestConflict;

export type CapacityConflictCode = CapacityConflict["code"];
