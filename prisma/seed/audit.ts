import type { Db } from "@/server/db/tx";

const HOUR = 3_600_000;
const MINUTE = 60_000;

/** A seeded slice as its audit entries describe it (the shape of the services' `auditSnapshot`). */
export interface AuditedSlice {
  id: string;
  machine: string;
  /** The GPU an approved one-GPU slice holds; null while pending or when refused. */
  gpuIndex: number | null;
  requesterId: string;
  gpuCount: number;
  threads: number;
  ramGb: number;
  startAt: Date;
  endAt: Date;
  releasedAt: Date | null;
  purpose: string;
  /** When the request was made. */
  requestedAt: Date;
  decision: { status: "approved" | "rejected"; at: Date; overrideReason?: string; reason?: string } | null;
}

export interface AuditRow {
  at: Date;
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  before: unknown;
  after: unknown;
  reason: string | null;
}

function snapshot(s: AuditedSlice, status: string, gpus: number[], releasedAt: Date | null = null) {
  return { machine: s.machine, status, gpus, gpuCount: s.gpuCount, threads: s.threads, ramGb: s.ramGb, start: s.startAt.toISOString(), end: s.endAt.toISOString(), releasedAt: releasedAt?.toISOString() };
}

/**
 * The entries the services would have written for a slice's life: the request by its requester,
 * the admin's approval (over quota with the written reason) or rejection, and an early release.
 */
export function sliceAuditRows(s: AuditedSlice, adminId: string | null): AuditRow[] {
  const pending = snapshot(s, "pending", []);
  const rows: AuditRow[] = [{ at: s.requestedAt, actorId: s.requesterId, action: "slice.request", subjectType: "slice", subjectId: s.id, before: null, after: pending, reason: s.purpose }];
  const d = s.decision;
  if (!d) return rows;
  if (d.status === "rejected") {
    rows.push({ at: d.at, actorId: adminId, action: "slice.reject", subjectType: "slice", subjectId: s.id, before: pending, after: snapshot(s, "rejected", []), reason: d.reason ?? null });
    return rows;
  }
  const approved = snapshot(s, "approved", s.gpuIndex === null ? [] : [s.gpuIndex]);
  rows.push({
    at: d.at,
    actorId: adminId,
    action: d.overrideReason ? "slice.approve-override" : "slice.approve",
    subjectType: "slice",
    subjectId: s.id,
    before: pending,
    after: approved,
    reason: d.overrideReason ? `Quota override: ${d.overrideReason}` : null,
  });
  if (s.releasedAt) {
    rows.push({ at: s.releasedAt, actorId: s.requesterId, action: "slice.release", subjectType: "slice", subjectId: s.id, before: approved, after: snapshot(s, "approved", approved.gpus, s.releasedAt), reason: null });
  }
  return rows;
}

/**
 * The demo portal went live a year ago: the team moved its bookings off a spreadsheet then, by
 * one import. Every slice requested since has its own entries; the years before are that import.
 * It also keeps the seed fast: a full trail of eight years is some 20,000 rows, which would more
 * than double the time the demo takes to seed.
 */
export const GO_LIVE_BEFORE_NOW_MS = 365 * 24 * HOUR;

/** The trail of the history: each slice's entries since go-live, and the import of the rest. */
export function historyAuditRows(slices: readonly AuditedSlice[], adminId: string | null, now: Date): AuditRow[] {
  const goLive = new Date(now.getTime() - GO_LIVE_BEFORE_NOW_MS);
  const imported = slices.filter((s) => s.requestedAt < goLive);
  const rows = slices.filter((s) => s.requestedAt >= goLive).flatMap((s) => sliceAuditRows(s, adminId));
  if (imported.length === 0) return rows;
  const first = new Date(Math.min(...imported.map((s) => s.startAt.getTime())));
  rows.push({
    at: goLive,
    actorId: adminId,
    action: "data.import",
    subjectType: "import",
    subjectId: "booking-spreadsheet",
    before: null,
    after: { created: { slices: imported.length } },
    reason: `The team's booking spreadsheet, ${first.toISOString().slice(0, 10)} until the portal went live`,
  });
  return rows;
}

/** How long before its approval a history request was made: 5 minutes to a day, varied but deterministic. */
export function requestLead(index: number): number {
  return (5 + ((index * 7919) % (24 * 60 - 5))) * MINUTE;
}

/**
 * When the history's slices were approved: an hour before they start (see insertApproved), or,
 * for the ones booked ahead, two hours ago (seedSlices moves their decision to match).
 */
export const approvalTime = (startAt: Date, now: Date) => new Date(Math.min(startAt.getTime() - HOUR, now.getTime() - 2 * HOUR));

/**
 * Appends the rows oldest first, so that the log's ids (its order on the audit page) follow
 * time, with one INSERT ... SELECT FROM unnest(...) per chunk like the slices themselves.
 */
export async function insertAuditRows(tx: Db, rows: AuditRow[]): Promise<number> {
  const sorted = [...rows].sort((a, b) => a.at.getTime() - b.at.getTime());
  const CHUNK = 5000;
  for (let i = 0; i < sorted.length; i += CHUNK) {
    const chunk = sorted.slice(i, i + CHUNK);
    const col = <T>(pick: (r: AuditRow) => T) => chunk.map(pick);
    const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));
    await tx.$executeRaw`
      INSERT INTO audit_log (at, actor_id, action, subject_type, subject_id, before, after, reason)
      SELECT at, actor_id, action, subject_type, subject_id, before, after, reason
      FROM unnest(${col((r) => r.at)}::timestamptz[], ${col((r) => r.actorId)}::uuid[], ${col((r) => r.action)}::text[], ${col((r) => r.subjectType)}::text[],
                  ${col((r) => r.subjectId)}::text[], ${col((r) => json(r.before))}::jsonb[], ${col((r) => json(r.after))}::jsonb[], ${col((r) => r.reason)}::text[])
        WITH ORDINALITY AS t(at, actor_id, action, subject_type, subject_id, before, after, reason, n)
      ORDER BY n`;
  }
  return sorted.length;
}
