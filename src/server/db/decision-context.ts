import { toMachineCapacity } from "@/core/slices/capacity";
import type { StoredPolicy } from "@/core/slices/policy";
import type { Booking } from "@/core/slices/types";
import { Prisma, type MachineStatus } from "./generated/client";
import { queryRows } from "./direct";
import { DEFAULT_SCOPE } from "./quotas";
import { toFleetBooking, type FleetBookingRow } from "./slices";
import type { Db } from "./tx";

type BookingRow = FleetBookingRow & { requester_name: string };

const toBooking = (r: BookingRow): Booking => ({ ...toFleetBooking(r), userName: r.requester_name });

/** What a booking carries besides its GPUs and window; both queries below join the requester as `u`. */
const BOOKING_COLUMNS = Prisma.sql`s.id::text, s.machine_id::text, s.threads, s.ram_gb, s.requester_id::text, s.team_id::text, u.name AS requester_name, s.kind`;

// A booking's window is its effective one: a release ends it early.

/**
 * Approved slices on the machine overlapping [from, to), read from the GPU holds (whose end a
 * release or an extension moves) through the (gpu_id, end_at) index: a decision looks from now
 * on, and released slices drop out at once however many a busy day has.
 */
const machineBookings = (machineId: string, from: Date, to: Date) => Prisma.sql`
  SELECT ${BOOKING_COLUMNS},
         array_agg(sg.gpu_id::text) AS gpu_ids,
         (extract(epoch FROM min(sg.start_at)) * 1000)::float8 AS start_ms,
         (extract(epoch FROM max(sg.end_at)) * 1000)::float8 AS end_ms
  FROM gpu g
  JOIN slice_gpu sg ON sg.gpu_id = g.id AND sg.end_at > ${from} AND sg.start_at < ${to}
  JOIN slice s ON s.id = sg.slice_id AND s.status = 'approved'
  JOIN "user" u ON u.id = s.requester_id
  WHERE g.machine_id = ${machineId}::uuid
  GROUP BY s.id, u.name`;

/** Approved slices of the team or the user, fleet-wide, overlapping [from, to) (quotas count a month of them). */
const ownerBookings = (owner: { teamId: string; userId: string }, from: Date, to: Date) => {
  const end = Prisma.sql`LEAST(s.end_at, COALESCE(s.released_at, s.end_at))`;
  return Prisma.sql`
    SELECT ${BOOKING_COLUMNS},
           ARRAY(SELECT sg.gpu_id::text FROM slice_gpu sg WHERE sg.slice_id = s.id) AS gpu_ids,
           (extract(epoch FROM s.start_at) * 1000)::float8 AS start_ms,
           (extract(epoch FROM ${end}) * 1000)::float8 AS end_ms
    FROM slice s JOIN "user" u ON u.id = s.requester_id
    WHERE s.status = 'approved' AND s.end_at > ${from} AND ${end} > ${from} AND s.start_at < ${to} AND ${end} > s.start_at
      AND (s.team_id = ${owner.teamId}::uuid OR s.requester_id = ${owner.userId}::uuid)`;
};

interface MachineJson {
  id: string;
  name: string;
  status: MachineStatus;
  threads: number;
  ramGb: number;
  reservedThreads: number;
  reservedRamGb: number;
  gpus: { id: string; index: number }[];
}

type QuotaJson = StoredPolicy & { scope: string };

/**
 * Everything a decision reads, in one statement (each round trip costs more than these lookups):
 * the machine with its GPUs in index order, its approved bookings over [machineFrom, to), the
 * team's and user's approved bookings over [owner.from, to) when `owner` is given (only counted
 * quotas need them), and the fleet's and the team's quota rows. Null when there is no machine.
 * Run it after the decision's locks: under READ COMMITTED it then sees every committed decision.
 */
export async function findDecisionContext(
  client: Db,
  query: { machineId: string; teamId: string; machineFrom: Date; to: Date; owner?: { teamId: string; userId: string; from: Date } },
) {
  const owner = query.owner ? Prisma.sql`(SELECT COALESCE(json_agg(o), '[]') FROM (${ownerBookings(query.owner, query.owner.from, query.to)}) o)` : Prisma.sql`'[]'::json`;
  const [row] = await queryRows<{ machine: MachineJson | null; machine_bookings: BookingRow[]; owner_bookings: BookingRow[]; quotas: QuotaJson[] }>(client, Prisma.sql`
    SELECT
      (SELECT json_build_object('id', m.id, 'name', m.name, 'status', m.status, 'threads', m.threads, 'ramGb', m.ram_gb,
                                'reservedThreads', m.reserved_threads, 'reservedRamGb', m.reserved_ram_gb,
                                'gpus', COALESCE((SELECT json_agg(json_build_object('id', g.id, 'index', g.index) ORDER BY g.index) FROM gpu g WHERE g.machine_id = m.id), '[]'))
       FROM machine m WHERE m.id = ${query.machineId}::uuid) AS machine,
      (SELECT COALESCE(json_agg(b), '[]') FROM (${machineBookings(query.machineId, query.machineFrom, query.to)}) b) AS machine_bookings,
      ${owner} AS owner_bookings,
      (SELECT COALESCE(json_agg(json_build_object('scope', q.scope, 'teamMaxConcurrentGpus', q.team_max_concurrent_gpus,
                                                  'teamMaxGpuHoursPerMonth', q.team_max_gpu_hours_per_month, 'teamMaxServingGpus', q.team_max_serving_gpus,
                                                  'userMaxConcurrentGpus', q.user_max_concurrent_gpus, 'userMaxSliceHours', q.user_max_slice_hours,
                                                  'userMaxDaysAhead', q.user_max_days_ahead, 'autoApprove', q.auto_approve)), '[]')
       FROM quota_policy q WHERE q.scope IN (${DEFAULT_SCOPE}, ${query.teamId})) AS quotas`);
  if (!row?.machine) return null;
  const { machine } = row;
  return {
    machine,
    capacity: toMachineCapacity(machine),
    machineBookings: row.machine_bookings.map(toBooking),
    ownerBookings: row.owner_bookings.map(toBooking),
    quotaRows: { fleet: row.quotas.find((q) => q.scope === DEFAULT_SCOPE) ?? null, team: row.quotas.find((q) => q.scope === query.teamId) ?? null },
  };
}
