import { randomUUID } from "node:crypto";
import { defaultSliceProfile } from "@/core/slices/capacity";
import { refreshSliceStatistics } from "../slices";
import type { Db } from "../tx";
import { seedBusyMonth, withoutBusyMonth } from "./busy-month";
import { generateHistory, type HistorySlice } from "./history";
import { DEMO_COLLEAGUES } from "./people";

const HOUR = 3_600_000;

/** Who holds what right now in the demo: none of the demo IdP's accounts, and nothing on hermes, so people can try requesting at once. */
const CURRENT = [
  { machine: "zeus", gpu: 0, email: "priya@rigshare.demo", from: -20, to: 28, purpose: "Fine-tune ResNet-50 on product photos" },
  { machine: "zeus", gpu: 1, email: "ken@rigshare.demo", from: -5, to: 43, purpose: "BERT pre-training continuation" },
  { machine: "atlas", gpu: 0, email: "hana@rigshare.demo", from: -30, to: 18, purpose: "Benchmark inference latency" },
  { machine: "atlas", gpu: 1, email: "mei@rigshare.demo", from: -2, to: 70, purpose: "Segmentation model for QA images" },
  { machine: "atlas", gpu: 2, email: "sofia@rigshare.demo", from: 48, to: 96, purpose: "Evaluate translation model" },
];
const PENDING = [
  { machine: "zeus", email: "tomas@rigshare.demo", from: 24, to: 48, gpus: 1, purpose: "Train object detector (YOLO)" },
  { machine: "atlas", email: "amara@rigshare.demo", from: 72, to: 120, gpus: 1, purpose: "Speech recognition experiments" },
  { machine: "atlas", email: "omar@rigshare.demo", from: 24, to: 72, gpus: 1, purpose: "Hyper-parameter sweep" },
];

/**
 * Demo history: the colleagues, then years of slices on every machine since it went into service,
 * a few active now, one upcoming, a few pending. Runs once: a database with slices is left alone.
 */
export async function seedSlices(tx: Db, now: Date): Promise<{ slices: number }> {
  if ((await tx.slice.count()) > 0) return { slices: 0 };
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
  await insertApproved(tx, history, admin?.id ?? null);
  for (const p of PENDING) {
    const machine = byName.get(p.machine);
    const user = byEmail.get(p.email);
    if (!machine || !user) continue;
    const profile = defaultSliceProfile({ ...machine, machineId: machine.id, gpuIds: machine.gpus.map((g) => g.id) });
    await tx.slice.create({
      data: { machineId: machine.id, requesterId: user.id, teamId: user.teamId, gpuCount: p.gpus, threads: profile.threads * p.gpus, ramGb: profile.ramGb * p.gpus, startAt: at(p.from), endAt: at(p.to), purpose: p.purpose },
    });
  }
  const busy = await seedBusyMonth(tx, now, generated, users.filter((u) => u.id !== admin?.id));
  return { slices: history.length + PENDING.length, ...busy };
}

/**
 * Inserts approved one-GPU slices with their holds, in chunks (seed and benchmarks). One
 * INSERT ... SELECT FROM unnest(...) per chunk and table: tens of thousands of rows go in as a few
 * statements instead of one bound row each.
 */
export async function insertApproved(tx: Db, slices: HistorySlice[], adminId: string | null) {
  const CHUNK = 5000;
  for (let i = 0; i < slices.length; i += CHUNK) {
    const rows = slices.slice(i, i + CHUNK);
    const ids = rows.map(() => randomUUID());
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
}
