import type { SliceKind } from "../slices/kinds";
import type { QuotaPolicy } from "../slices/quotas";
import type { Booking, MachineCapacity } from "../slices/types";

/**
 * Plain-data inputs of placement by need. Times are epoch milliseconds (UTC), windows half-open.
 */

/** One GPU as placement sees it: its model decides whether a need accepts it. */
export interface PlacementGpu {
  id: string;
  model: string;
  vramGb: number;
  /** Cloud-equivalent price of this GPU per hour, in micro-dollars (0 when the catalog has none). */
  cloudMicrosPerHour: number;
}

export interface PlacementMachine extends MachineCapacity {
  name: string;
  /** The machine's GPUs by index; `gpuIds` of the capacity lists the same ids in the same order. */
  gpus: readonly PlacementGpu[];
  /** Cloud-equivalent prices of the VM's CPU and RAM, micro-dollars per thread-hour and GB-hour. */
  cloudMicrosPerThreadHour: number;
  cloudMicrosPerGbHour: number;
}

/** What a person needs, instead of a machine and a window. */
export interface Need {
  gpuCount: number;
  /** Every GPU must have at least this much memory. */
  minGpuMemoryGb?: number;
  /** Acceptable GPU models by name; empty or absent accepts any. */
  gpuModels?: readonly string[];
  /** Per GPU; absent takes each machine's default profile. */
  threadsPerGpu?: number;
  ramGbPerGpu?: number;
  durationMs: number;
  /** Earliest start (the caller passes at least now). */
  notBefore: number;
  /** Optional latest end. */
  latestEnd?: number;
}

/** Who asks, for the quota checks (fleet-wide, so independent of the machine). */
export interface QuotaContext {
  policy: QuotaPolicy;
  userId: string;
  teamId: string;
  userName?: string;
  teamName?: string;
  /** Approved slices of the user and the team (at least), with effective ends. */
  bookings: readonly Booking[];
  now: number;
  kind?: SliceKind;
}

/** Resources a placement leaves on its machine that no default-profile slice could use during its window. */
export interface Stranded {
  gpus: number;
  threads: number;
  ramGb: number;
}

export interface Placement {
  machineId: string;
  machineName: string;
  gpuIds: string[];
  threads: number;
  ramGb: number;
  start: number;
  end: number;
  stranded: Stranded;
  /** Cloud-equivalent of the slice per hour, micro-dollars. */
  cloudMicrosPerHour: number;
}

/** Why one machine was or was not chosen, in words and as a code for clients. */
export interface MachineVerdict {
  machineId: string;
  machineName: string;
  chosen: boolean;
  code:
    | "CHOSEN"
    | "UNAVAILABLE"
    | "NO_SUITABLE_GPUS"
    | "TOO_FEW_SUITABLE_GPUS"
    | "TOO_SMALL"
    | "NO_WINDOW"
    | "LATER_START"
    | "MORE_STRANDED"
    | "MORE_EXPENSIVE"
    | "TIE_BY_NAME";
  message: string;
  /** Its best placement, when it has one. */
  placement?: Placement;
}

export interface PlacementResult {
  placement: Placement | null;
  verdicts: MachineVerdict[];
  /** Set when no machine could ever meet the need (whatever the schedule): the reason, naming the largest available. */
  impossible?: string;
}

export type { Booking };
