import type { Prisma, SliceStatus } from "./generated/client";
import { findSlices } from "./slices";
import type { Db } from "./tx";

export interface SliceQuery {
  /** The person asking; unless `seesAll`, they see their own slices and others' approved and pending ones. */
  viewerId: string;
  seesAll: boolean;
  id?: string;
  status?: SliceStatus;
  machineId?: string;
  requesterId?: string;
  /** Slices whose window overlaps [from, to). */
  from?: Date;
  to?: Date;
  take: number;
}

/** Slices a viewer may see, newest start first. */
export function findVisibleSlices(client: Db, query: SliceQuery) {
  const visible: Prisma.SliceWhereInput = query.seesAll ? {} : { OR: [{ requesterId: query.viewerId }, { status: { in: ["approved", "pending"] } }] };
  return findSlices(
    client,
    {
      AND: [
        visible,
        {
          id: query.id,
          status: query.status,
          machineId: query.machineId,
          requesterId: query.requesterId,
          startAt: query.to ? { lt: query.to } : undefined,
          endAt: query.from ? { gt: query.from } : undefined,
        },
      ],
    },
    { take: query.take },
  );
}
