// `npm run bench [-- --no-build]`: the production server under load, on the benchmark dataset of
// scripts/bench/dataset.ts (20 people, 3 machines, ~50,000 slices over 8 years) in a temporary
// embedded PostgreSQL (durable, as `npm start` runs it). autocannon drives, at 1 and 20 concurrent
// clients: the inventory, the schedule, the savings report (tRPC as the pages call it, and REST
// with bearer tokens) and a request -> approve -> release cycle, next to GET /api/health/live (no
// database) measured in the same round as the baseline. Prints req/s, p50/p99 latency, the
// server's peak RSS and the ratio to the baseline, as medians of BENCH_ROUNDS rounds of
// BENCH_SECONDS each (BENCH_ONLY=<text> runs only the scenarios whose name contains it). Asserts
// nothing. Ports 3860 (app), 3862 (PostgreSQL) and 3864 (the floor: scripts/bench/floor-server.ts).
// BENCH_HEAP_SNAPSHOT=<file> also writes the server's heap after the warm-up and prints what holds it.
// BENCH_PG_STATS=1 also prints the 25 statements PostgreSQL spent the most time on (planning and
// execution, lock waits included), from pg_stat_statements over the whole run.
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import superjson from "superjson";
import { transformer } from "@/trpc/transformer";
import { startEmbeddedPostgres } from "@/server/platform/embedded";
import { migrate } from "@/server/platform/migrate";
import { createBenchmarkDataset } from "./bench/dataset";
import { readFileSync } from "node:fs";
import { startFloor, type Floor } from "./bench/floor";
import { heapSnapshot } from "./bench/heap";
import { cpuMs, ensureBuild, loadAverage, rssMb, sessionCookie, startApp, treeCpuMs, type AppServer } from "./bench/app-server";

const APP_PORT = Number(process.env.BENCH_APP_PORT ?? 3860);
const PG_PORT = Number(process.env.BENCH_PG_PORT ?? 3862);
const FLOOR_PORT = Number(process.env.BENCH_FLOOR_PORT ?? 3864);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONCURRENCY = [1, 20];
/** BENCH_PG_STATS=1: print the statements PostgreSQL spent the most time on (pg_stat_statements), lock waits included. */
const PG_STATS = process.env.BENCH_PG_STATS === "1";
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

// autocannon ships no types; this is the part of its API used here.
interface CannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (request: CannonRequest, context: Record<string, unknown>) => CannonRequest | null;
  onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
}
interface CannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
type Cannon = (options: { url: string; connections: number; duration: number; requests: CannonRequest[]; timeout?: number }) => Promise<CannonResult>;
const autocannon = createRequire(import.meta.url)("autocannon") as Cannon;

interface Scenario {
  name: string;
  /** Runs before each run, outside the measurement. */
  before?: (connections: number) => Promise<void>;
  /** Another server than the app (the floor). */
  url?: string;
  requests: (tally: StepTally) => CannonRequest[];
  /** Runs after each run, outside the measurement. */
  after?: () => Promise<void>;
}
/** Per-step latencies of a multi-request scenario, measured in setupRequest/onResponse. */
type StepTally = Map<string, number[]>;

const trpcQuery = (path: string, input?: unknown) => `/api/trpc/${path}${input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(superjson.serialize(input)))}`}`;
const trpcBody = (input: unknown) => JSON.stringify(superjson.serialize(input));

function timed(step: string, tally: StepTally, request: CannonRequest): CannonRequest {
  return {
    ...request,
    setupRequest: (req, context) => {
      const prepared = request.setupRequest ? request.setupRequest(req, context) : req;
      context.sentAt = performance.now();
      return prepared;
    },
    onResponse: (status, body, context) => {
      if (status === 200) {
        const samples = tally.get(step) ?? [];
        samples.push(performance.now() - (context.sentAt as number));
        tally.set(step, samples);
      } else {
        tally.set(`${step} refused`, [...(tally.get(`${step} refused`) ?? []), status]);
        refusals.set(`${step} ${status}: ${refusalMessage(body)}`, (refusals.get(`${step} ${status}: ${refusalMessage(body)}`) ?? 0) + 1);
      }
      request.onResponse?.(status, body, context);
    },
  };
}

/** Why a step of a scenario was refused, by step, status and message: printed under the table. */
const refusals = new Map<string, number>();
function refusalMessage(body: string): string {
  try {
    const error = transformer.output.deserialize((JSON.parse(body) as { error: string }).error) as { message?: string };
    return (error.message ?? "").slice(0, 120);
  } catch {
    return body.slice(0, 120);
  }
}

function quantile(samples: number[], q: number) {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}
const median = (values: number[]) => quantile(values, 0.5);

async function printStatementStats() {
  const { db } = await import("@/server/db/client");
  await db().$executeRawUnsafe("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
  const rows = await db().$queryRawUnsafe<{ calls: bigint; plan: number; exec: number; max: number; query: string }[]>(
    "SELECT calls, total_plan_time AS plan, total_exec_time AS exec, max_exec_time AS max, left(regexp_replace(query, '\\s+', ' ', 'g'), 100) AS query FROM pg_stat_statements ORDER BY total_plan_time + total_exec_time DESC LIMIT 25",
  );
  console.log(`\nPostgreSQL, the statements with the most time (ms per call: plan + exec, and the longest exec; exec includes lock waits):`);
  for (const r of rows) console.log(`${String(r.calls).padStart(8)} calls ${(r.plan / Number(r.calls)).toFixed(2).padStart(7)} + ${(r.exec / Number(r.calls)).toFixed(2).padStart(8)} ms, max ${r.max.toFixed(0).padStart(5)} ms  ${r.query}`);
}

async function main() {
  ensureBuild(process.argv.includes("--no-build") ? "never" : "always");
  const dataDir = mkdtempSync(join(tmpdir(), "rigshare-bench-"));
  const logFile = join(dataDir, "app.log");
  const pg = await startEmbeddedPostgres({ dataDir, port: PG_PORT, settings: PG_STATS ? { shared_preload_libraries: "pg_stat_statements", "pg_stat_statements.track": "all", "pg_stat_statements.track_planning": "on" } : {} });
  let app: AppServer | undefined;
  let floor: Floor | undefined;
  const cleanup = async () => {
    floor?.stop();
    await app?.stop();
    await pg.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  process.on("SIGINT", () => void cleanup().finally(() => process.exit(130)));
  try {
    await migrate(pg.url);
    process.env.DATABASE_URL = pg.url;
    const { db } = await import("@/server/db/client");
    const { toActor } = await import("@/server/services/actor");
    const { createToken } = await import("@/server/services/tokens");
    const { rejectSlice, releaseSlice } = await import("@/server/services/slices/lifecycle");
    const now = new Date();
    const t0 = performance.now();
    const { slices, users } = await createBenchmarkDataset(now);
    // The write cycle's machines exist only while it runs (so the reads see the dataset's fleet):
    // either one per client, as a team books different machines, or one for all, whose decisions
    // the invariants serialize. Each has a GPU per client that may use it, so none runs out, and
    // there are no quotas: the cycle measures the write path, not refusals.
    const model = await db().gpuModel.findFirstOrThrow();
    let cycleMachines: string[] = [];
    const addCycleMachines = async (count: number, gpus: number) => {
      cycleMachines = [];
      for (let i = 0; i < count; i++) {
        const machine = await db().machine.create({
          data: { name: `bench-cycle-${i}`, cpuModel: "Bench CPU", cores: 64, threads: 129, ramGb: 1032, inServiceAt: new Date(now.getTime() - DAY), gpus: { create: Array.from({ length: gpus }, (_, index) => ({ index, gpuModelId: model.id })) } },
        });
        cycleMachines.push(machine.id);
      }
    };
    // A request still in flight when a run stops may insert a slice after the first DELETE (on a
    // loaded machine, later than endLeftovers waits): the machine's row then refuses to go; try again.
    const removeCycleMachines = async () => {
      for (let attempt = 1; ; attempt++) {
        try {
          await db().$transaction([
            db().$executeRaw`DELETE FROM slice WHERE machine_id = ANY(${cycleMachines}::uuid[])`,
            db().$executeRaw`DELETE FROM gpu WHERE machine_id = ANY(${cycleMachines}::uuid[])`,
            db().$executeRaw`DELETE FROM machine WHERE id = ANY(${cycleMachines}::uuid[])`,
          ]);
          return;
        } catch (error) {
          if (attempt >= 20) throw error;
          await new Promise((done) => setTimeout(done, 500));
        }
      }
    };
    // Quotas off (0 = no limit), every field: one left to its default (e.g. the team's serving
    // GPUs) counts the team's bookings, so each team's decisions would queue on the team's row.
    const noQuotas = { teamMaxConcurrentGpus: 0, teamMaxGpuHoursPerMonth: 0, teamMaxServingGpus: 0, userMaxConcurrentGpus: 0, userMaxSliceHours: 0, userMaxDaysAhead: 0 };
    await db().quotaPolicy.upsert({ where: { scope: "default" }, create: { scope: "default", ...noQuotas }, update: noQuotas });
    const admin = users[0]!;
    const adminRow = await db().user.findUniqueOrThrow({ where: { id: admin.id }, include: { team: { select: { id: true, name: true } } } });
    // The REST API allows each token 120 requests at once and 10 a second after that; a pool of
    // tokens measures the server's capacity rather than the limiter's.
    const tokens: string[] = [];
    for (let i = 0; i < 100; i++) tokens.push((await createToken(toActor(adminRow), { name: `bench ${i}`, scope: "read", expiresInDays: 1 }, now)).token);
    const adminActor = toActor(adminRow);
    // A run stops clients mid-cycle: give back what they held, so GPUs never run out across runs.
    // Requests still in flight when a run stops may change a slice meanwhile: such a CONFLICT is fine.
    const endLeftovers = async () => {
      await new Promise((done) => setTimeout(done, 500));
      const open = await db().slice.findMany({ where: { machineId: { in: cycleMachines }, OR: [{ status: "pending" }, { status: "approved", releasedAt: null }] } });
      for (const slice of open) {
        const end = slice.status === "pending" ? rejectSlice(adminActor, { sliceId: slice.id, reason: "load benchmark: run over" }, new Date()) : releaseSlice(adminActor, { sliceId: slice.id }, new Date());
        await end.catch((error: { code?: string }) => {
          if (error.code !== "CONFLICT") throw error;
        });
      }
    };
    console.log(`dataset: ${slices} slices, ${users.length} users, 5 machines; ready in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    app = await startApp({ port: APP_PORT, databaseUrl: pg.url, logFile });
    const server = app;
    const floorServer = (floor = await startFloor(FLOOR_PORT, pg.url));
    // A signed-in person may make 120 calls at once and 10 a second after that (as a token may):
    // reads and decisions rotate over people, as the REST reads rotate over tokens, so the server
    // is measured rather than one person's limit. The dataset has one admin; the bench adds more.
    const benchAdmins = [admin];
    for (let i = 1; i < 20; i++) benchAdmins.push(await db().user.create({ data: { email: `bench-admin-${i}@bench.test`, name: `Bench Admin ${i}`, teamId: adminRow.teamId, assignedRoles: ["admin"] } }));
    const adminCookies = await Promise.all(benchAdmins.map((u) => sessionCookie(u, server.authSecret, pg.url)));
    const memberCookies = await Promise.all(users.slice(1).map((u) => sessionCookie(u, server.authSecret, pg!.url)));
    let readTurn = 0;
    const asMember = () => ({ cookie: memberCookies[readTurn++ % memberCookies.length]! });
    const asAdmin = () => ({ cookie: adminCookies[readTurn++ % adminCookies.length]! });
    const inception = new Date(now.getTime() - 8 * 365.25 * DAY);
    const today = Math.floor(now.getTime() / DAY) * DAY;
    const scheduleWindow = { from: new Date(today - 14 * DAY), to: new Date(today + 8 * DAY) };
    const report = { from: inception, to: now, bucket: "month", groupBy: "machine" };
    let tokenTurn = 0;
    const bearer = (request: CannonRequest) => ({ ...request, setupRequest: (req: CannonRequest) => ({ ...req, headers: { ...req.headers, authorization: `Bearer ${tokens[tokenTurn++ % tokens.length]}` } }) });
    let memberTurn = 0;
    let clientTurn = 0;
    const cycle = (name: string, before: (connections: number) => Promise<void>): Scenario => ({
      name,
      before,
      requests: (tally) => [
        timed("request", tally, {
          method: "POST",
          path: "/api/trpc/slices.request",
          setupRequest: (req, context) => {
            const turn = memberTurn++;
            context.cookie = memberCookies[turn % memberCookies.length];
            // autocannon keeps one context per client: each client stays on its machine.
            context.machineId ??= cycleMachines[clientTurn++ % cycleMachines.length];
            const body = trpcBody({ machineId: context.machineId as string, gpuCount: 1, end: new Date(Date.now() + HOUR), purpose: "load benchmark" });
            return { ...req, headers: { "content-type": "application/json", cookie: context.cookie as string }, body };
          },
          onResponse: (status, body, context) => {
            if (status === 200) context.sliceId = (transformer.output.deserialize((JSON.parse(body) as { result: { data: string } }).result.data) as { id: string }).id;
          },
        }),
        timed("approve", tally, {
          method: "POST",
          path: "/api/trpc/slices.approve",
          setupRequest: (req, context) => (context.sliceId ? { ...req, headers: { "content-type": "application/json", ...asAdmin() }, body: trpcBody({ sliceId: context.sliceId }) } : null),
        }),
        timed("release", tally, {
          method: "POST",
          path: "/api/trpc/slices.release",
          setupRequest: (req, context) => (context.sliceId ? { ...req, headers: { "content-type": "application/json", cookie: context.cookie as string }, body: trpcBody({ sliceId: context.sliceId }) } : null),
        }),
      ],
      after: async () => {
        await endLeftovers();
        await removeCycleMachines();
      },
    });

    const scenarios: Scenario[] = [
      { name: "baseline: GET /api/health/live (no database)", requests: () => [{ path: "/api/health/live" }] },
      { name: "health with a database round trip", requests: () => [{ path: "/api/health" }] },
      { name: "inventory read (tRPC inventory.list)", requests: () => [{ path: trpcQuery("inventory.list"), setupRequest: (req: CannonRequest) => ({ ...req, headers: asMember() }) }] },
      { name: "inventory read (REST GET /api/v1/machines)", requests: () => [bearer({ path: "/api/v1/machines" })] },
      { name: "floor: inventory SQL, bare node:http + pg", url: floorServer.url, requests: () => [{ path: "/sql" }] },
      { name: "floor: inventory service, bare node:http", url: floorServer.url, requests: () => [{ path: "/service" }] },
      { name: "schedule read, 3 weeks (tRPC slices.schedule)", requests: () => [{ path: trpcQuery("slices.schedule", scheduleWindow), setupRequest: (req: CannonRequest) => ({ ...req, headers: asMember() }) }] },
      { name: "savings report, 8 years monthly (tRPC)", requests: () => [{ path: trpcQuery("savings.report", report), setupRequest: (req: CannonRequest) => ({ ...req, headers: asAdmin() }) }] },
      { name: "savings report, 8 years monthly (REST)", requests: () => [bearer({ path: `/api/v1/savings/report?${new URLSearchParams({ from: inception.toISOString(), to: now.toISOString(), bucket: "month", groupBy: "machine" })}` })] },
      cycle("request -> approve -> release, a machine per client (tRPC)", (connections) => addCycleMachines(connections, 2)),
      cycle("request -> approve -> release, one machine for all (tRPC)", (connections) => addCycleMachines(1, connections + 1)),
    ];

    const postmaster = Number(readFileSync(join(dataDir, "pg", "postmaster.pid"), "utf8").split("\n")[0]);
    // BENCH_ONLY=<text> keeps the scenarios whose name contains it (and the baseline), e.g. to profile one.
    const only = process.env.BENCH_ONLY;
    if (only) scenarios.splice(0, scenarios.length, ...scenarios.filter((sc, i) => i === 0 || sc.name.includes(only)));
    const run = async (scenario: Scenario, connections: number, seconds: number) => {
      await scenario.before?.(connections);
      const tally: StepTally = new Map();
      let peakRss = 0;
      const pid = scenario.url ? floorServer.pid : server.serverPid();
      const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMb(pid) ?? 0)), 200);
      const [appCpu, dbCpu] = [cpuMs(pid), treeCpuMs(postmaster)];
      const result = await autocannon({ url: scenario.url ?? server.url, connections, duration: seconds, requests: scenario.requests(tally), timeout: 30 });
      clearInterval(sampler);
      peakRss = Math.max(peakRss, rssMb(pid) ?? 0);
      // CPU per request does not depend on what else the machine runs, unlike req/s and latency.
      const cpu = { app: (cpuMs(pid) - appCpu) / result.requests.total, db: (treeCpuMs(postmaster) - dbCpu) / result.requests.total };
      await scenario.after?.();
      return { result, tally, peakRss, cpu };
    };

    console.log(`warming up (load average ${loadAverage()})...`);
    for (const scenario of scenarios) await run(scenario, 4, 2);
    const idleRss = rssMb(server.serverPid());
    if (process.env.BENCH_HEAP_SNAPSHOT) await heapSnapshot(server.serverPid()!, process.env.BENCH_HEAP_SNAPSHOT);
    if (ROUNDS === 0) return;

    type Sample = { rps: number; p50: number; p99: number; rss: number; ratio: number; failed: number; appCpu: number; dbCpu: number; steps: Map<string, number[]> };
    const samples = new Map<string, Sample[]>();
    const loads: string[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      loads.push(loadAverage());
      for (const connections of CONCURRENCY) {
        let baseline = NaN;
        for (const scenario of scenarios) {
          const { result, tally, peakRss, cpu } = await run(scenario, connections, SECONDS);
          if (Number.isNaN(baseline)) baseline = result.requests.average;
          const key = `${scenario.name}|${connections}`;
          const failed = result.non2xx + result.errors + result.timeouts;
          samples.set(key, [...(samples.get(key) ?? []), { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, rss: peakRss, ratio: result.requests.average / baseline, failed, appCpu: cpu.app, dbCpu: cpu.db, steps: tally }]);
          process.stderr.write(`round ${round}, ${connections} client(s): ${scenario.name}: ${result.requests.average.toFixed(0)} req/s, p99 ${result.latency.p99} ms${failed ? `, ${failed} failed` : ""}\n`);
        }
      }
    }

    console.log(`\n${ROUNDS} rounds of ${SECONDS} s per scenario; medians. Load average at each round: ${loads.join(" | ")} (${cpus().length} CPUs).`);
    console.log(`server RSS: ${idleRss?.toFixed(0)} MB after warm-up.\n`);
    const header = `${"scenario".padEnd(50)} ${"clients".padStart(7)} ${"req/s".padStart(8)} ${"p50 ms".padStart(7)} ${"p99 ms".padStart(7)} ${"x health".padStart(9)} ${"RSS MB".padStart(7)} ${"failed".padStart(7)} ${"CPU ms/req app+db".padStart(18)}`;
    console.log(header);
    console.log("-".repeat(header.length));
    for (const scenario of scenarios) {
      for (const connections of CONCURRENCY) {
        const runs = samples.get(`${scenario.name}|${connections}`)!;
        const m = (pick: (s: Sample) => number) => median(runs.map(pick));
        console.log(
          `${scenario.name.padEnd(50)} ${String(connections).padStart(7)} ${m((s) => s.rps).toFixed(0).padStart(8)} ${m((s) => s.p50).toFixed(0).padStart(7)} ${m((s) => s.p99).toFixed(0).padStart(7)} ${m((s) => s.ratio).toFixed(2).padStart(9)} ${Math.max(...runs.map((s) => s.rss)).toFixed(0).padStart(7)} ${m((s) => s.failed).toFixed(0).padStart(7)} ${`${m((s) => s.appCpu).toFixed(1)} + ${m((s) => s.dbCpu).toFixed(1)}`.padStart(18)}`,
        );
        const steps = new Set(runs.flatMap((s) => [...s.steps.keys()]).filter((k) => !k.endsWith("refused")));
        for (const step of steps) {
          const all = runs.flatMap((s) => s.steps.get(step) ?? []);
          const refused = runs.flatMap((s) => s.steps.get(`${step} refused`) ?? []);
          console.log(`${`  step ${step}`.padEnd(50)} ${String(connections).padStart(7)} ${(all.length / (ROUNDS * SECONDS)).toFixed(0).padStart(8)} ${quantile(all, 0.5).toFixed(0).padStart(7)} ${quantile(all, 0.99).toFixed(0).padStart(7)} ${"".padStart(9)} ${"".padStart(7)} ${String(refused.length).padStart(7)}`);
        }
      }
    }
    console.log(`\nGoals (issue 18): reads >= 0.30 x health at 20 clients; request/approve/release p99 <= 3 x health's p99 at 20 clients, a machine per client; RSS < 400 MB. "failed" counts non-2xx, errors and timeouts.`);
    for (const [refusal, n] of refusals) console.log(`refused x${n} ${refusal}`);
    console.log(`CPU ms/req: CPU the Next.js server and PostgreSQL (all backends) spent per request; a busy machine distorts it far less than req/s.`);
    if (PG_STATS) await printStatementStats();
  } finally {
    if (process.env.DATABASE_URL) await (await import("@/server/db/client")).db().$disconnect();
    await cleanup();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
