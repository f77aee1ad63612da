import type { SliceRef } from "@/core/notifications/events";
import type { SliceRow } from "@/server/db/slices";

/** What a message says about a stored slice; a released slice ends at its release. */
export function sliceRef(row: SliceRow): SliceRef {
  return {
    id: row.id,
    machineName: row.machine.name,
    gpuCount: row.gpuCount,
    start: row.startAt.getTime(),
    end: row.endAt.getTime(),
    purpose: row.purpose,
    holderId: row.requesterId,
    holderName: row.requester.name,
    teamId: row.teamId,
    teamName: row.team.name,
  };
}
