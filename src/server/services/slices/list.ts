import { notFound } from "@/core/errors";
import { can } from "@/core/permissions";
import type { SliceStatus } from "@/core/slices/lifecycle";
import { findVisibleSlices } from "@/server/db/slice-list";
import { read } from "@/server/db/tx";
import type { Actor } from "../actor";
import { sliceView } from "./views";

export interface SliceFilter {
  status?: SliceStatus;
  machineId?: string;
  /** Only the caller's own slices. */
  mine?: boolean;
  from?: Date;
  to?: Date;
  limit: number;
}

/** Admins and leadership see every slice; everyone else what the schedule shows them, and all their own. */
const seesAll = (actor: Actor) => can(actor.roles, "slices:decide") || can(actor.roles, "audit:read");

/** Slices by filter (window overlap, status, machine, own), newest start first. */
export async function listSlices(actor: Actor, filter: SliceFilter, now: Date) {
  const rows = await read((client) =>
    findVisibleSlices(client, {
      viewerId: actor.id,
      seesAll: seesAll(actor),
      status: filter.status,
      machineId: filter.machineId,
      requesterId: filter.mine ? actor.id : undefined,
      from: filter.from,
      to: filter.to,
      take: filter.limit,
    }),
  );
  return rows.map((row) => sliceView(row, now));
}

export async function getSlice(actor: Actor, sliceId: string, now: Date) {
  const [row] = await read((client) => findVisibleSlices(client, { viewerId: actor.id, seesAll: seesAll(actor), id: sliceId, take: 1 }));
  if (!row) throw notFound("Slice", "sliceId");
  return sliceView(row, now);
}
