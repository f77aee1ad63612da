// `npm run bench:queue`: 10,000 queued deliveries drained by a worker process (`npm run worker`)
// to a local webhook receiver, while this process times portal requests (tRPC callers on the same
// database) before and during the drain; then the lateness of reminders due over 20 s. Prints
// numbers; asserts nothing. On a shared machine the numbers move with everyone else's CPU load.
import { randomUUID } from "node:crypto";
import { spawn } from "node:child_process";
import { performance } from "node:perf_hooks";
import { startTemporaryPostgres } from "@/server/platform/embedded";
import { migrate } from "@/server/platform/migrate";
import { installQueue, QUEUES } from "@/server/jobs/queue";

const DELIVERIES = Number(process.env.BENCH_DELIVERIES ?? 10_000);
const REMINDERS = Number(process.env.BENCH_REMINDERS ?? 300);

const pct = (samples: number[], q: number) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
};
const ms = (n: number) => `${n.toFixed(1)} ms`;

async function main() {
  const pg = await startTemporaryPostgres();
  const worker = { child: null as ReturnType<typeof spawn> | null };
  try {
    await migrate(pg.url);
    await installQueue(pg.url);
    process.env.DATABASE_URL = pg.url;
    // Loaded after DATABASE_URL is set: they use the process-wide client.
    const { db } = await import("@/server/db/client");
    const { makeUser } = await import("@test/db/fixtures");
    const { makeMachine } = await import("@test/db/fixtures-slices");
    const { callerFor } = await import("@test/api/caller");
    const { findUserById } = await import("@/server/db/users");
    const { insertDeliveries } = await import("@/server/db/notifications");
    const { enqueue, uuidFromKey } = await import("@/server/jobs/queue");
    const { startWebhookReceiver, waitFor } = await import("@test/notifications/receivers");

    const user = (await findUserById(db(), (await makeUser({ roles: ["admin"], name: "Bench" })).id))!;
    const machine = await makeMachine({ gpus: 8 });
    const caller = callerFor(user);
    const request = async () => {
      const t = performance.now();
      await Promise.all([caller.inventory.list(), caller.notifications.unreadCount()]);
      return performance.now() - t;
    };
    const measure = async (until: () => boolean, max: number) => {
      const samples: number[] = [];
      while (!until() && samples.length < max) samples.push(await request());
      return samples;
    };

    const receiver = await startWebhookReceiver();
    for (let i = 0; i < 20; i++) await request(); // warm-up
    const idle = await measure(() => false, 400);

    const t0 = performance.now();
    for (let batch = 0; batch < DELIVERIES / 500; batch++) {
      await db().$transaction(async (tx) => {
        const rows = Array.from({ length: 500 }, (_, i) => ({
          key: `bench:${batch}:${i}`, kind: "slice-approved", channel: "webhook", target: receiver.url("/bench"), format: "json", secret: "whsec_bench",
          subject: "Bench", text: "Bench delivery", payload: { n: batch * 500 + i },
        }));
        const inserted = await insertDeliveries(tx, rows);
        await enqueue(tx, inserted.map((d) => ({ id: d.id, name: QUEUES.deliver.name, data: { deliveryId: d.id } })));
      });
    }
    const enqueueSeconds = (performance.now() - t0) / 1000;

    worker.child = spawn("npx", ["tsx", "scripts/worker.ts", "--workers", "4", "--batch", "50"], {
      env: { ...process.env, DATABASE_URL: pg.url, WEBHOOKS_ALLOW_PRIVATE: "1", LOG_LEVEL: "warn" },
      stdio: ["ignore", "inherit", "inherit"],
    });
    await waitFor("the first delivery", () => receiver.received.length > 0, 60_000);
    const started = performance.now();
    const during = await measure(() => receiver.received.length >= DELIVERIES, 100_000);
    await waitFor("every delivery", () => receiver.received.length >= DELIVERIES, 600_000);
    const drainSeconds = (performance.now() - started) / 1000;
    const sent = await db().delivery.count({ where: { status: "sent" } });
    const duplicates = receiver.received.length - new Set(receiver.received.map((r) => r.headers["x-rigshare-delivery"])).size;

    // Reminders: approved slices whose "starts in 15 minutes" falls in the next 20 s. The slices go in
    // with one statement and their reminders with one transaction, so every reminder is queued well
    // before it is due and the lateness is the worker's alone.
    const base = Date.now() + 3000;
    const dueAt = new Map<string, number>();
    const slices = Array.from({ length: REMINDERS }, (_, i) => {
      const at = base + Math.floor(Math.random() * 20_000);
      const id = randomUUID();
      dueAt.set(id, at);
      return { id, at, start: at + 15 * 60_000, purpose: `r${i}` };
    });
    await db().slice.createMany({ data: slices.map((s) => ({ id: s.id, machineId: machine.id, requesterId: user.id, teamId: user.teamId, gpuCount: 1, threads: 1, ramGb: 1, startAt: new Date(s.start), endAt: new Date(s.start + 3_600_000), purpose: s.purpose, status: "approved" as const })) });
    await db().$transaction((tx) => enqueue(tx, slices.map((s) => ({ id: uuidFromKey(`bench:${s.id}`), name: QUEUES.reminder.name, data: { sliceId: s.id, kind: "slice-starts-soon" as const, target: s.start }, startAfter: new Date(s.at) }))));
    const queuedAfterMs = Date.now() - base + 3000;
    const fired = await waitFor("every reminder", async () => {
      const rows = await db().notification.findMany({ where: { kind: "slice-starts-soon" }, select: { key: true, createdAt: true } });
      return rows.length >= REMINDERS ? rows : null;
    }, 120_000);
    const lateness = fired.map((n) => n.createdAt.getTime() - dueAt.get(n.key.split(":")[1]!)!);

    console.log(`queue: ${DELIVERIES} deliveries queued in ${enqueueSeconds.toFixed(1)} s (${(DELIVERIES / enqueueSeconds).toFixed(0)}/s, 500 per transaction)`);
    console.log(`queue: drained to a local webhook receiver in ${drainSeconds.toFixed(1)} s: ${(DELIVERIES / drainSeconds).toFixed(0)} deliveries/s (1 worker process, 4 workers x batch 50); ${sent} marked sent, ${duplicates} duplicates`);
    console.log(`portal requests (inventory.list + notifications.unreadCount): without the drain p50 ${ms(pct(idle, 0.5))} p99 ${ms(pct(idle, 0.99))} (${idle.length}); during p50 ${ms(pct(during, 0.5))} p99 ${ms(pct(during, 0.99))} (${during.length}); p99 ratio ${(pct(during, 0.99) / pct(idle, 0.99)).toFixed(2)}`);
    console.log(`reminders: ${lateness.length} fired; lateness p50 ${ms(pct(lateness, 0.5))} p99 ${ms(pct(lateness, 0.99))} max ${ms(Math.max(...lateness))} (worker polling every 1 s; all queued ${ms(queuedAfterMs)} after the first was drawn, 3 s before the first was due)`);
    await receiver.close();
    await db().$disconnect();
  } finally {
    worker.child?.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 500));
    await pg.stop();
  }
}

main().then(() => process.exit(0), (error) => {
  console.error(error);
  process.exit(1);
});
