import { randomUUID } from "node:crypto";
import { defaultSliceProfile } from "@/core/slices/capacity";
import { refreshSliceStatistics } from "@/server/db/slices";
import type { Db } from "@/server/db/tx";
import { approvalTime, historyAuditRows, insertAuditRows, requestLead, type AuditedSlice } from "./audit";
import { seedBusyMonth, withoutBusyMonth } from "./busy-month";
import { generateHistory, type HistorySlice } from "./history";
import { DEMO_COLLEAGUES } from "./people";
import { seedPriceChange } from "./prices";

const HOUR = 3_600_000;

/** Who holds what right now in the demo: none of the demo IdP's accounts, and nothing on hermes, so people can try requesting at once. */
const CURRENT = [
  { machine: "zeus", gpu: 0, email: "priya@rigshare.demo", from: -20, to: 28, purpose: "Fine-tune ResNet-50 on product photos" },
  { machine: "zeus", gpu: 1, email: "ken@rigshare.demo", from: -5, to: 43, purpose: "BERT pre-training continuation" },
  { machine: "atlas", gpu: 0, email: "hana@rigshare.demo", from: -30, to: 18, purpose: "Benchmark inference latency" },
  { machine: "atlas", gpu: 1, email: "mei@rigshare.demo", from: -2, to: 70, purpose: "Segmentation model for QA images" },
  { machine: "atlas", gpu: 2, email: "sofia@rigshare.demo", from: 48, to: 96, purpose: "Evaluate translation model" },
];
/** A request an admin turned down last week, so the audit log and "My slices" show what a rejection looks like. */
const REJECTED = {
  machine: "zeus",
  email: "daniel@rigshare.demo",
  from: -8 * 24,
  to: -5 * 24,
  gpus: 2,
  purpose: "Train a 7B language model from scratch",
  reason: "Two GPUs for three days right before the Vision deadline is more than we can spare; please split it into two overnight runs.",
};
/** The history's last slice on this machine was approved over its team's quota, with the admin's written reason. */
const OVERRIDE = { machine: "hermes", reason: "Paper deadline on Friday; the team has agreed to stay under quota next month." };
const PENDING = [
  { machine: "zeus", email: "tomas@rigshare.demo", from: 24, to: 48, gpus: 1, purpose: "Train object detector (YOLO)" },
  { machine: "atlas", email: "amara@rigshare.demo", from: 72, to: 120, gpus: 1, purpose: "Speech recognition experiments" },
  { machine: "atlas", email: "omar@rigshare.demo", from: 24, to: 72, gpus: 1, purpose: "Hyper-parameter sweep" },
];

/**
 * Demo history: the colleagues, then years of slices on every machine since it went into service,
 * a few active now, one upcoming, a few pending. Runs once: a database with slices is left alone.
 */
export async function seedSlices(tx: Db, now: Date): Promise<{ slices: number; auditEntries: number }> {
  if ((await tx.slice.count()) > 0) return { slices: 0, auditEntries: 0 };
  for (const colleague of DEMO_COLLEAGUES) {
    const team = await tx.team.upsert({ where: { name: colleague.team }, create: { name: colleague.team }, update: {} });
    await tx.user.upsert({ where: { email: colleague.email }, create: { email: colleague.email, name: colleague.name, teamId: team.id, idpRoles: ["member"] }, update: {} });
  }
  const users = await tx.user.findMany({ where: { NOT: { idpRoles: { has: "leadership" } } }, select: { id: true, email: true, teamId: true } });
  const admin = await tx.user.findFirst({ where: { idpRoles: { has: "admin" } }, select: { id: true } });
  const machines = await tx.machine.findMany({ include: { gpus: { orderBy: { index: "asc" }, select: { id: true } } } });
  const generated = withoutBusyMonth(generateHistory({
    machines: machines.map((m) => ({
      id: m.id,
      inServiceAt: m.inServiceAt,
      gpuIds: m.gpus.map((g) => g.id),
      profile: defaultSliceProfile({ ...m, machineId: m.id, gpuIds: m.gpus.map((g) => g.id) }),
    })),
    users: users.map((u) => ({ id: u.id, teamId: u.teamId })),
    until: new Date(now.getTime() - 36 * HOUR),
  }), now);
  const history = [...generated];
  const byEmail = new Map(users.map((u) => [u.email, u]));
  const byName = new Map(machines.map((m) => [m.name, m]));
  const at = (hours: number) => new Date(Math.floor(now.getTime() / HOUR) * HOUR + hours * HOUR);
  for (const c of CURRENT) {
    const machine = byName.get(c.machine);
    const user = byEmail.get(c.email);
    const gpu = machine?.gpus[c.gpu];
    if (!machine || !user || !gpu) continue;
    const profile = defaultSliceProfile({ ...machine, machineId: machine.id, gpuIds: machine.gpus.map((g) => g.id) });
    history.push({ machineId: machine.id, gpuId: gpu.id, requesterId: user.id, teamId: user.teamId, ...profile, startAt: at(c.from), endAt: at(c.to), releasedAt: null, purpose: c.purpose });
  }
  const ids = await insertApproved(tx, history, admin?.id ?? null);
  // A slice booked ahead was approved in the past, not an hour before it starts.
  await tx.$executeRaw`UPDATE slice SET decided_at = ${approvalTime(now, now)} WHERE decided_at > ${now}`;
  const machineOf = new Map(machines.map((m) => [m.id, m]));
  const overridden = history.findLastIndex((h) => machineOf.get(h.machineId)?.name === OVERRIDE.machine && h.endAt < now);
  if (overridden >= 0) await tx.slice.update({ where: { id: ids[overridden] }, data: { overrideReason: OVERRIDE.reason } });
  const audited: AuditedSlice[] = history.map((h, i) => {
    const machine = machineOf.get(h.machineId)!;
    const decidedAt = approvalTime(h.startAt, now);
    return {
      ...h,
      id: ids[i]!,
      machine: machine.name,
      gpuIndex: machine.gpus.findIndex((g) => g.id === h.gpuId),
      gpuCount: 1,
      requestedAt: new Date(decidedAt.getTime() - requestLead(i)),
      decision: { status: "approved", at: decidedAt, overrideReason: i === overridden ? OVERRIDE.reason : undefined },
    };
  });
  const requests: ((typeof PENDING)[number] & { reason?: string })[] = [...PENDING, REJECTED];
  for (const [i, p] of requests.entries()) {
    const machine = byName.get(p.machine);
    const user = byEmail.get(p.email);
    if (!machine || !user) continue;
    const profile = defaultSliceProfile({ ...machine, machineId: machine.id, gpuIds: machine.gpus.map((g) => g.id) });
    const rejection = p.reason ? { status: "rejected" as const, at: at(p.from - 36), reason: p.reason } : null;
    const row = await tx.slice.create({
      data: {
        machineId: machine.id, requesterId: user.id, teamId: user.teamId, gpuCount: p.gpus, threads: profile.threads * p.gpus, ramGb: profile.ramGb * p.gpus, startAt: at(p.from), endAt: at(p.to), purpose: p.purpose,
        ...(rejection ? { status: "rejected", decidedById: admin?.id, decidedAt: rejection.at, decisionReason: rejection.reason } : {}),
      },
    });
    const requestedAt = rejection ? at(p.from - 40) : new Date(now.getTime() - requestLead(i) / 4);
    audited.push({ ...row, machine: machine.name, gpuIndex: null, requestedAt, decision: rejection });
  }
  const { audited: placed, ...busy } = await seedBusyMonth(tx, now, generated, users.filter((u) => u.id !== admin?.id));
  const priceChange = await seedPriceChange(tx, admin?.id ?? null, now);
  const auditRows = historyAuditRows([...audited, ...placed], admin?.id ?? null, now);
  const auditEntries = await insertAuditRows(tx, [...auditRows, ...(priceChange ? [priceChange] : [])]);
  return { slices: history.length + PENDING.length + 1, auditEntries, ...busy };
}

/**
 * Inserts approved one-GPU slices with their holds, in chunks (seed and benchmarks). One
 * INSERT ... SELECT FROM unnest(...) per chunk and table: tens of thousands of rows go in as a few
 * statements instead of one bound row each.
 */
export async function insertApproved(tx: Db, slices: HistorySlice[], adminId: string | null): Promise<string[]> {
  const allIds: string[] = [];
  const CHUNK = 5000;
  for (let i = 0; i < slices.length; i += CHUNK) {
    const rows = slices.slice(i, i + CHUNK);
    const ids = rows.map(() => randomUUID());
    allIds.push(...ids);
    const col = <T>(pick: (s: HistorySlice) => T) => rows.map(pick);
    await tx.$executeRaw`
      INSERT INTO slice (id, machine_id, requester_id, team_id, gpu_count, threads, ram_gb, start_at, end_at, released_at, purpose, status, decided_by_id, decided_at, updated_at)
      SELECT id, machine_id, requester_id, team_id, 1, threads, ram_gb, start_at, end_at, released_at, purpose, 'approved', ${adminId}::uuid, start_at - interval '1 hour', now()
      FROM unnest(${ids}::uuid[], ${col((s) => s.machineId)}::uuid[], ${col((s) => s.requesterId)}::uuid[], ${col((s) => s.teamId)}::uuid[],
                  ${col((s) => s.threads)}::int[], ${col((s) => s.ramGb)}::int[], ${col((s) => s.startAt)}::timestamptz[], ${col((s) => s.endAt)}::timestamptz[],
                  ${col((s) => s.releasedAt)}::timestamptz[], ${col((s) => s.purpose)}::text[])
        AS t(id, machine_id, requester_id, team_id, threads, ram_gb, start_at, end_at, released_at, purpose)`;
    await tx.$executeRaw`
      INSERT INTO slice_gpu (slice_id, gpu_id, start_at, end_at)
      SELECT * FROM unnest(${ids}::uuid[], ${col((s) => s.gpuId)}::uuid[], ${col((s) => s.startAt)}::timestamptz[], ${col((s) => s.releasedAt ?? s.endAt)}::timestamptz[])`;
  }
  await refreshSliceStatistics(tx);
  return allIds;
}
