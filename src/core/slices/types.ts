/**
 * Plain-data inputs of the slice core. Services load these from the database; the core never
 * does. Times are epoch milliseconds (UTC), windows half-open [start, end).
 */

import type { SliceKind } from "./kinds";

export type MachineStatus = "active" | "maintenance" | "retired";

export interface MachineCapacity {
  machineId: string;
  /** Hostname, used in messages when given. */
  name?: string;
  status: MachineStatus;
  threads: number;
  ramGb: number;
  reservedThreads: number;
  reservedRamGb: number;
  /** The machine's GPUs ordered by index: gpuIds[i] is GPU i, which is how messages name it. */
  gpuIds: readonly string[];
}

/**
 * An approved slice as held. `end` is the effective end: the earlier of the booked end and the
 * release time (see `effectiveEnd` in lifecycle.ts); the caller passes it already resolved.
 */
export interface Booking {
  id: string;
  machineId: string;
  gpuIds: readonly string[];
  threads: number;
  ramGb: number;
  start: number;
  end: number;
  userId: string;
  teamId: string;
  /** Display name of the holder, for messages; the user id is shown when absent. */
  userName?: string;
  /** Training when absent. */
  kind?: SliceKind;
}
