import { randomUUID } from "node:crypto";
import type { AuditEntryInput } from "./audit";
import { queryRows } from "./direct";
import { Prisma, type SliceKind } from "./generated/client";
import type { SliceRow } from "./slices";
import type { Db } from "./tx";

// The writes of the three everyday decisions (request, approve, release), each with its audit
// entry, as one statement that returns the slice as findSliceById would: through Prisma each took
// three to four round trips (the write, the row's relations, the audit entry, the holds). The
// decisions read the slice here too.

/** The slice `s` (a CTE or the table) as findSliceById's include returns it, with its GPUs from `gpus`. */
const sliceRowJson = (gpus: Prisma.Sql) => Prisma.sql`json_build_object(
  'id', s.id, 'machineId', s.machine_id, 'requesterId', s.requester_id, 'teamId', s.team_id, 'gpuCount', s.gpu_count,
  'threads', s.threads, 'ramGb', s.ram_gb, 'startAt', s.start_at, 'endAt', s.end_at, 'purpose', s.purpose, 'status', s.status,
  'releasedAt', s.released_at, 'decidedById', s.decided_by_id, 'decidedAt', s.decided_at, 'decisionReason', s.decision_reason,
  'overrideReason', s.override_reason, 'endReason', s.end_reason, 'idleExempt', s.idle_exempt, 'createdAt', s.created_at,
  'updatedAt', s.updated_at, 'kind', s.kind,
  'machine', (SELECT json_build_object('id', m.id, 'name', m.name) FROM machine m WHERE m.id = s.machine_id),
  'requester', (SELECT json_build_object('id', u.id, 'name', u.name, 'email', u.email) FROM "user" u WHERE u.id = s.requester_id),
  'team', (SELECT json_build_object('id', t.id, 'name', t.name) FROM team t WHERE t.id = s.team_id),
  'decidedBy', (SELECT json_build_object('id', d.id, 'name', d.name) FROM "user" d WHERE d.id = s.decided_by_id),
  'gpus', ${gpus},
  'extensions', COALESCE((SELECT json_agg(json_build_object('id', e.id, 'requestedEndAt', e.requested_end_at, 'reason', e.reason, 'createdAt', e.created_at) ORDER BY e.created_at)
                          FROM slice_extension e WHERE e.slice_id = s.id AND e.status = 'pending'), '[]'))`;

/** The GPUs `held` (rows with a gpu_id) as the include's `gpus`. */
const gpusJson = (held: Prisma.Sql) => Prisma.sql`COALESCE((SELECT json_agg(json_build_object('gpu', json_build_object('id', g.id, 'index', g.index, 'gpuModel', json_build_object('name', gm.name))))
  FROM ${held} JOIN gpu g ON g.id = h.gpu_id JOIN gpu_model gm ON gm.id = g.gpu_model_id), '[]')`;

type Json<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };
type SliceRowJson = Json<Omit<SliceRow, "extensions">> & { extensions: Json<SliceRow["extensions"][number]>[] };

const date = (value: string) => new Date(value);
const toSliceRow = (r: SliceRowJson): SliceRow => ({
  ...r,
  startAt: date(r.startAt),
  endAt: date(r.endAt),
  releasedAt: r.releasedAt === null ? null : date(r.releasedAt),
  decidedAt: r.decidedAt === null ? null : date(r.decidedAt),
  createdAt: date(r.createdAt),
  updatedAt: date(r.updatedAt),
  extensions: r.extensions.map((e) => ({ ...e, requestedEndAt: date(e.requestedEndAt), createdAt: date(e.createdAt) })),
});

const jsonb = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));

/** The audit entry about the slice `s` of the statement, as recordAudit writes it. */
const auditInsert = (entry: Omit<AuditEntryInput, "subjectId">) => Prisma.sql`
  INSERT INTO audit_log (actor_id, action, subject_type, subject_id, before, after, reason)
  SELECT ${entry.actorId}::uuid, ${entry.action}, ${entry.subjectType}, s.id::text, ${jsonb(entry.before)}::jsonb, ${jsonb(entry.after)}::jsonb, ${entry.reason ?? null} FROM s`;

async function one(tx: Db, query: Prisma.Sql): Promise<SliceRow> {
  const [row] = await queryRows<{ row: SliceRowJson }>(tx, query);
  return toSliceRow(row!.row);
}

/** A slice as findSliceById returns it, read as one JSON value (cheaper to map than Prisma's relation query). */
export function findSliceRow(client: Db, sliceId: string): Promise<SliceRow | null> {
  return queryRows<{ row: SliceRowJson }>(
    client,
    Prisma.sql`SELECT ${sliceRowJson(gpusJson(Prisma.sql`(SELECT sg.gpu_id FROM slice_gpu sg WHERE sg.slice_id = s.id) AS h`))} AS row FROM slice s WHERE s.id = ${sliceId}::uuid`,
  ).then(([found]) => (found ? toSliceRow(found.row) : null));
}

export interface NewSlice {
  machineId: string;
  requesterId: string;
  teamId: string;
  gpuCount: number;
  threads: number;
  ramGb: number;
  startAt: Date;
  endAt: Date;
  purpose: string;
  kind: SliceKind;
}

/** Files a pending slice and its audit entry (whose subject is the new slice). */
export function insertPendingSlice(tx: Db, data: NewSlice, audit: Omit<AuditEntryInput, "subjectId">): Promise<SliceRow> {
  return one(
    tx,
    Prisma.sql`
      WITH s AS (
        INSERT INTO slice (id, machine_id, requester_id, team_id, gpu_count, threads, ram_gb, start_at, end_at, purpose, kind, status, updated_at)
        VALUES (${randomUUID()}::uuid, ${data.machineId}::uuid, ${data.requesterId}::uuid, ${data.teamId}::uuid, ${data.gpuCount}, ${data.threads}, ${data.ramGb},
                ${data.startAt}, ${data.endAt}, ${data.purpose}, ${data.kind}::"SliceKind", 'pending', now())
        RETURNING *
      ), a AS (${auditInsert(audit)})
      SELECT ${sliceRowJson(Prisma.sql`'[]'::json`)} AS row FROM s`,
  );
}

/**
 * Approves a pending slice: its GPU holds (the exclusion constraint refuses any overlap, and the
 * whole statement with it), the decision, and the audit entry.
 */
export function approvePendingSlice(
  tx: Db,
  sliceId: string,
  decision: { gpuIds: readonly string[]; startAt: Date; endAt: Date; decidedById: string | null; decidedAt: Date; overrideReason: string | null },
  audit: Omit<AuditEntryInput, "subjectId">,
): Promise<SliceRow> {
  return one(
    tx,
    Prisma.sql`
      WITH h AS (
        INSERT INTO slice_gpu (slice_id, gpu_id, start_at, end_at)
        SELECT ${sliceId}::uuid, gpu_id, ${decision.startAt}, ${decision.endAt} FROM unnest(${[...decision.gpuIds]}::uuid[]) AS gpu_id
        RETURNING gpu_id
      ), s AS (
        UPDATE slice SET status = 'approved', start_at = ${decision.startAt}, decided_by_id = ${decision.decidedById}::uuid, decided_at = ${decision.decidedAt},
                         override_reason = ${decision.overrideReason}, updated_at = now()
        WHERE id = ${sliceId}::uuid
        RETURNING *
      ), a AS (${auditInsert(audit)})
      SELECT ${sliceRowJson(gpusJson(Prisma.sql`h`))} AS row FROM s`,
  );
}

/** Ends an approved slice at `releasedAt`: the slice, its holds' end, and the audit entry. */
export function releaseApprovedSlice(tx: Db, sliceId: string, releasedAt: Date, audit: Omit<AuditEntryInput, "subjectId">): Promise<SliceRow> {
  return one(
    tx,
    Prisma.sql`
      WITH s AS (
        UPDATE slice SET released_at = ${releasedAt}, updated_at = now() WHERE id = ${sliceId}::uuid RETURNING *
      ), held AS (
        UPDATE slice_gpu SET end_at = ${releasedAt} WHERE slice_id = ${sliceId}::uuid RETURNING gpu_id
      ), a AS (${auditInsert(audit)})
      SELECT ${sliceRowJson(gpusJson(Prisma.sql`held AS h`))} AS row FROM s`,
  );
}
