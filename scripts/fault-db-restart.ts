// `npm run fault:db [-- --no-build]`: the database goes away under load and comes back.
//  1. A temporary embedded PostgreSQL (durable: fsync on), migrated and seeded with a small fleet;
//     the production server started through scripts/start.ts on it.
//  2. Members request slices and an admin approves them, over the tRPC HTTP API, without pause.
//  3. PostgreSQL is stopped in the middle ("immediate" mode: SIGQUIT to the postmaster, a crash).
//     The app must answer 503 at once (health check and a tRPC call), not hang and not crash, and
//     a page in Chromium must say that the database is away (and its "Try again" work afterwards).
//  4. PostgreSQL restarts (crash recovery); the app must recover without a restart, and every
//     approval it acknowledged must be in the database.
//  5. The app and its embedded database restart the way `npm start` runs them (start, write, stop,
//     start, read): nothing acknowledged is lost.
// FAULT_SCREENSHOT=<file.png> keeps a picture of that page.
// Prints a report and exits non-zero if any check fails. Ports 3850 (app) and 3852 (PostgreSQL).
// Reuses the build in NEXT_DIST_DIR (default .next-hardening), building only when there is none
// (--build: always rebuild).
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readFile } from "node:fs/promises";
import { createPrismaClient } from "@/server/db/client";
import { embeddedDatabaseUrl, startEmbeddedPostgres, type EmbeddedPostgresHandle } from "@/server/platform/embedded";
import { embeddedPassword } from "@/server/platform/embedded-credentials";
import { migrate } from "@/server/platform/migrate";
import { seedInventory } from "@seed/inventory";
import { chromium, type Locator } from "@playwright/test";
import { findChromium, HOW_TO_GET_CHROMIUM } from "../e2e/browser";
import { ensureBuild, loadAverage, sessionCookie, startApp, trpcCall, type AppServer } from "./bench/app-server";

const APP_PORT = Number(process.env.FAULT_APP_PORT ?? 3850);
const PG_PORT = Number(process.env.FAULT_PG_PORT ?? 3852);
const WORKERS = 4;
const HOUR = 3_600_000;
/** A refusal while the database is away must come back this fast (ms) to count as "at once". */
const QUICK_MS = 3_000;
const DEADLINE_MS = Number(process.env.FAULT_DEADLINE_MS ?? 170_000);

const checks: { name: string; ok: boolean; detail: string }[] = [];
const check = (name: string, ok: boolean, detail: string) => {
  checks.push({ name, ok, detail });
  console.log(`${ok ? "PASS" : "FAIL"}  ${name}: ${detail}`);
};
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

interface People {
  admin: { id: string; name: string; email: string };
  members: { id: string; name: string; email: string }[];
  machineIds: string[];
}

async function seed(url: string): Promise<People> {
  const prisma = createPrismaClient(url);
  try {
    return await prisma.$transaction(async (tx) => {
      const { machineIds } = await seedInventory(tx);
      // No quotas: the point is the write path under a fault, not quota refusals.
      await tx.quotaPolicy.upsert({ where: { scope: "default" }, create: { scope: "default", teamMaxConcurrentGpus: 0, teamMaxGpuHoursPerMonth: 0, userMaxConcurrentGpus: 0, userMaxSliceHours: 0, userMaxDaysAhead: 0 }, update: {} });
      const team = await tx.team.create({ data: { name: "Fault" } });
      const admin = await tx.user.create({ data: { email: "admin@fault.test", name: "Fault Admin", teamId: team.id, assignedRoles: ["admin"] } });
      const members = [];
      for (let i = 0; i < WORKERS; i++) members.push(await tx.user.create({ data: { email: `m${i}@fault.test`, name: `Member ${i}`, teamId: team.id, assignedRoles: ["member"] } }));
      return { admin, members, machineIds: Object.values(machineIds) };
    });
  } finally {
    await prisma.$disconnect();
  }
}

/** Immediate shutdown, as `pg_ctl stop -m immediate` does it: SIGQUIT to the postmaster, no checkpoint. */
async function crashPostgres(dataDir: string): Promise<number> {
  const pid = Number((await readFile(join(dataDir, "pg", "postmaster.pid"), "utf8")).split("\n")[0]);
  process.kill(pid, "SIGQUIT");
  for (let waited = 0; waited < 10_000; waited += 25) {
    try {
      process.kill(pid, 0);
    } catch {
      return pid;
    }
    await sleep(25);
  }
  throw new Error(`PostgreSQL (pid ${pid}) did not stop`);
}

interface Traffic {
  statuses: Map<string, number>;
  requested: Set<string>;
  approved: Set<string>;
  slowest: number;
}

/** Members request one-GPU slices in windows that never overlap; the admin approves each one. */
function drive(app: AppServer, cookies: { admin: string; members: string[] }, people: People, traffic: Traffic) {
  let running = true;
  let next = 0;
  const base = Math.ceil(Date.now() / HOUR) * HOUR + 24 * HOUR;
  const count = (label: string, status: number) => traffic.statuses.set(`${label} ${status}`, (traffic.statuses.get(`${label} ${status}`) ?? 0) + 1);
  const worker = async (w: number) => {
    while (running) {
      const slot = next++;
      const machineId = people.machineIds[slot % people.machineIds.length]!;
      const start = new Date(base + Math.floor(slot / people.machineIds.length) * HOUR);
      const requested = await trpcCall<{ id: string }>(app.url, cookies.members[w]!, "slices.request", "mutation", { machineId, gpuCount: 1, start, end: new Date(start.getTime() + HOUR), purpose: `fault drill ${slot}` });
      count("request", requested.status);
      traffic.slowest = Math.max(traffic.slowest, requested.ms);
      if (!requested.data) {
        await sleep(50);
        continue;
      }
      traffic.requested.add(requested.data.id);
      const approved = await trpcCall<{ id: string; status: string }>(app.url, cookies.admin, "slices.approve", "mutation", { sliceId: requested.data.id });
      count("approve", approved.status);
      traffic.slowest = Math.max(traffic.slowest, approved.ms);
      if (approved.data?.status === "approved") traffic.approved.add(approved.data.id);
    }
  };
  const done = Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w)));
  return async () => {
    running = false;
    await done;
  };
}

async function probe(app: AppServer, cookie: string) {
  const health = await (async () => {
    const started = performance.now();
    const response = await fetch(`${app.url}/api/health`, { signal: AbortSignal.timeout(10_000) }).catch(() => null);
    return { status: response?.status ?? 0, ms: performance.now() - started };
  })();
  const query = await trpcCall(app.url, cookie, "inventory.list", "query");
  return { health, trpc: { status: query.status, ms: query.ms, code: query.error?.code } };
}

const DATABASE_AWAY = "Rigshare cannot reach its database";

/**
 * What a person sees: the inventory page, signed in, in Chromium, while PostgreSQL is down; then,
 * once it is back, what "Try again" on that same page brings.
 */
async function openPageDuringOutage(app: AppServer, cookie: string) {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(HOW_TO_GET_CHROMIUM);
  const browser = await chromium.launch({ executablePath });
  const context = await browser.newContext();
  const [name, ...value] = cookie.split("=");
  await context.addCookies([{ name: name!, value: value.join("="), url: app.url }]);
  const tab = await context.newPage();
  const started = performance.now();
  const response = await tab.goto(`${app.url}/inventory`, { timeout: QUICK_MS * 3 });
  const shown = (locator: Locator) =>
    locator
      .waitFor({ timeout: QUICK_MS * 2 })
      .then(() => true)
      .catch(() => false);
  const says = await shown(tab.getByText(DATABASE_AWAY));
  const ms = performance.now() - started;
  if (process.env.FAULT_SCREENSHOT) await tab.screenshot({ path: process.env.FAULT_SCREENSHOT, fullPage: true });
  return {
    says,
    ms,
    status: response?.status() ?? 0,
    /** Clicks "Try again" and reports whether the inventory came back. */
    retry: async () => {
      await tab.getByRole("button", { name: "Try again" }).click({ timeout: QUICK_MS });
      return shown(tab.getByRole("heading", { name: "Inventory", level: 1 }));
    },
    close: () => browser.close(),
  };
}

async function main() {
  const deadline = setTimeout(() => {
    console.error(`fault-db-restart: still running after ${DEADLINE_MS / 1000} s; giving up`);
    void cleanup().finally(() => process.exit(1));
  }, DEADLINE_MS);
  ensureBuild(process.argv.includes("--build") ? "always" : process.argv.includes("--no-build") ? "never" : "if-missing");
  const started = Date.now();
  const dataDir = mkdtempSync(join(tmpdir(), "rigshare-fault-"));
  const logFile = join(dataDir, "app.log");
  console.log(`fault-db-restart: data ${dataDir}, app log ${logFile}, load average ${loadAverage()}`);

  let pg: EmbeddedPostgresHandle | undefined = await startEmbeddedPostgres({ dataDir, port: PG_PORT });
  let app: AppServer | undefined;
  cleanup = async () => {
    await app?.stop();
    await pg?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  await migrate(pg.url);
  const people = await seed(pg.url);
  app = await startApp({ port: APP_PORT, databaseUrl: pg.url, logFile });
  const cookies = {
    admin: await sessionCookie(people.admin, app.authSecret, pg.url),
    members: await Promise.all(people.members.map((m) => sessionCookie(m, app!.authSecret, pg!.url))),
  };
  console.log(`app up in ${((Date.now() - started) / 1000).toFixed(1)} s (server pid ${app.serverPid()})`);

  // A first request and approval compile and warm every route, so the drill measures the fault, not a cold start.
  const warm = await trpcCall<{ id: string }>(app.url, cookies.members[0]!, "slices.request", "mutation", { machineId: people.machineIds[0], gpuCount: 1, start: new Date(Date.now() + 2 * HOUR), end: new Date(Date.now() + 3 * HOUR), purpose: "warm-up" });
  if (warm.data) await trpcCall(app.url, cookies.admin, "slices.approve", "mutation", { sliceId: warm.data.id });
  await probe(app, cookies.admin);

  // --- the outage under load ---
  const traffic: Traffic = { statuses: new Map(), requested: new Set(), approved: new Set(), slowest: 0 };
  const stopTraffic = drive(app, cookies, people, traffic);
  await sleep(4_000);
  const beforeCrash = traffic.approved.size;
  const crashedAt = performance.now();
  const pid = await crashPostgres(dataDir);
  console.log(`PostgreSQL (pid ${pid}) stopped immediately after ${beforeCrash} approvals`);
  const during = [];
  for (let i = 0; i < 6; i++) {
    during.push(await probe(app, cookies.admin));
    await sleep(400);
  }
  const outageStatuses = [...new Set(during.flatMap((p) => [`health ${p.health.status}`, `trpc ${p.trpc.status} ${p.trpc.code ?? ""}`.trim()]))].join(", ");
  const slowestProbe = Math.max(...during.flatMap((p) => [p.health.ms, p.trpc.ms]));
  check("503 while the database is away", during.every((p) => p.health.status === 503 && p.trpc.status === 503), `${outageStatuses} over ${during.length} probes`);
  check("refusals come at once", slowestProbe < QUICK_MS, `slowest probe ${slowestProbe.toFixed(0)} ms (limit ${QUICK_MS})`);
  check("the app process stays up", app.launcher.exitCode === null && app.serverPid() !== undefined, `server pid ${app.serverPid() ?? "gone"}`);
  const page = await openPageDuringOutage(app, cookies.admin);
  check("a page says the database is away", page.says, `/inventory in Chromium: ${page.says ? `"${DATABASE_AWAY}" shown` : "no such message"} after ${page.ms.toFixed(0)} ms`);
  check("that page answers 503", page.status === 503, `HTTP ${page.status}`);

  const restarting = performance.now();
  pg = await startEmbeddedPostgres({ dataDir, port: PG_PORT });
  const pgBack = performance.now();
  let recovered: number | undefined;
  while (performance.now() - pgBack < 30_000) {
    const p = await probe(app, cookies.admin);
    if (p.health.status === 200 && p.trpc.status === 200) {
      recovered = performance.now();
      break;
    }
    await sleep(100);
  }
  const pageBack = await page.retry().catch(() => false);
  await page.close();
  check("the page's \"Try again\" brings it back", pageBack, pageBack ? "the inventory is shown again" : "still no inventory after Try again");
  check("recovers without an app restart", recovered !== undefined, recovered ? `PostgreSQL back in ${((pgBack - restarting) / 1000).toFixed(1)} s, app serving again ${((recovered - pgBack) / 1000).toFixed(2)} s later (outage ${((recovered - crashedAt) / 1000).toFixed(1)} s)` : "still failing 30 s after PostgreSQL came back");
  await sleep(2_000);
  await stopTraffic();
  const statuses = [...traffic.statuses.entries()].sort().map(([k, n]) => `${k} x${n}`).join(", ");
  check("no 500 and no hang under the fault", ![...traffic.statuses.keys()].some((k) => / (5\d\d|0)$/.test(k) && !k.endsWith(" 503")), `${statuses}; slowest call ${traffic.slowest.toFixed(0)} ms`);

  const prisma = createPrismaClient(pg.url);
  const rows = await prisma.slice.findMany({ where: { id: { in: [...traffic.requested] } }, include: { gpus: true } });
  await prisma.$disconnect();
  const byId = new Map(rows.map((row) => [row.id, row]));
  const lostApprovals = [...traffic.approved].filter((id) => byId.get(id)?.status !== "approved" || byId.get(id)!.gpus.length !== 1);
  const lostRequests = [...traffic.requested].filter((id) => !byId.has(id));
  const halfWritten = rows.filter((row) => (row.status === "approved") !== (row.gpus.length === 1));
  check("every acknowledged approval is in the database", lostApprovals.length === 0 && lostRequests.length === 0, `${traffic.approved.size} approvals and ${traffic.requested.size} requests acknowledged; missing ${lostApprovals.length} and ${lostRequests.length}`);
  check("nothing half-written", halfWritten.length === 0, `${rows.length} slices checked (approved ⇔ GPU held)`);

  // --- restart the way `npm start` runs it: the launcher owns the embedded database ---
  await app.stop();
  app = undefined;
  await pg.stop();
  pg = undefined;
  const authSecret = randomBytes(32).toString("base64url");
  const viaLauncher = () => startApp({ port: APP_PORT, dataDir, pgPort: PG_PORT, logFile, authSecret });
  app = await viaLauncher();
  const admin = await sessionCookie(people.admin, authSecret, embeddedDatabaseUrl(PG_PORT, embeddedPassword(dataDir)));
  const listed = await trpcCall<{ id: string; status: string }[]>(app.url, admin, "slices.list", "query", { status: "approved", limit: 1000 });
  const seen = new Map((listed.data ?? []).map((s) => [s.id, s.status]));
  const missingAfterRestart = [...traffic.approved].filter((id) => seen.get(id) !== "approved");
  check("an app restart on the embedded database keeps every approval", listed.status === 200 && missingAfterRestart.length === 0, `${seen.size} slices read back, ${missingAfterRestart.length} acknowledged approvals missing`);

  const marker = await trpcCall<{ id: string }>(app.url, admin, "slices.request", "mutation", { machineId: people.machineIds[0], gpuCount: 1, start: new Date(Date.now() + 2 * HOUR), end: new Date(Date.now() + 3 * HOUR), purpose: "written before a restart" });
  const markerApproved = marker.data ? await trpcCall<{ status: string }>(app.url, admin, "slices.approve", "mutation", { sliceId: marker.data.id }) : undefined;
  await app.stop();
  app = await viaLauncher();
  const readBack = marker.data ? await trpcCall<{ status: string; purpose: string }>(app.url, admin, "slices.get", "query", { sliceId: marker.data.id }) : undefined;
  check(
    "start, write, stop, start, read",
    markerApproved?.data?.status === "approved" && readBack?.data?.status === "approved",
    `wrote ${marker.data?.id ?? `nothing (${marker.status} ${marker.error?.message})`}, read back ${readBack?.data ? `"${readBack.data.purpose}" (${readBack.data.status})` : `${readBack?.status} ${readBack?.error?.message}`}`,
  );
  await app.stop();
  app = undefined;
  reportServerErrors(await readFile(logFile, "utf8"));
  await cleanup();
  clearTimeout(deadline);

  const failed = checks.filter((c) => !c.ok);
  console.log(`\nfault-db-restart: ${checks.length - failed.length}/${checks.length} checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s (load average ${loadAverage()})`);
  process.exit(failed.length === 0 ? 0 : 1);
}

/** What the server itself logged as failures (pino level 50+), distinct by message, to explain any 500. */
function reportServerErrors(log: string) {
  const messages = new Map<string, number>();
  for (const line of log.split("\n")) {
    if (!line.startsWith("{")) continue;
    try {
      const entry = JSON.parse(line) as { level: number; msg?: string; path?: string; err?: { message?: string; type?: string } };
      if (entry.level < 50) continue;
      const key = `${entry.msg ?? ""}${entry.path ? ` ${entry.path}` : ""}: ${(entry.err?.type ?? "")} ${(entry.err?.message ?? "").replace(/\s+/g, " ").slice(-240)}`;
      messages.set(key, (messages.get(key) ?? 0) + 1);
    } catch {
      // not a log line
    }
  }
  console.log(`server errors logged: ${[...messages.values()].reduce((a, b) => a + b, 0)}`);
  for (const [message, n] of messages) console.log(`  x${n} ${message}`);
}

let cleanup = async () => {};

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => void cleanup().finally(() => process.exit(130)));
}

main().catch(async (error) => {
  console.error(error);
  await cleanup().catch(() => undefined);
  process.exit(1);
});
