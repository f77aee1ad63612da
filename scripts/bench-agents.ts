// `npm run bench:agents`: the machine agents' load on one portal. In a temporary embedded
// PostgreSQL and the production server: BENCH_AGENTS simulated agents (default 200) x 8 GPUs,
// each POSTing a batch of 3 samples every 30 s (staggered) from a process of their own, for
// BENCH_SECONDS (default 60); the p99 of GET /api/v1/machines is measured for as long without that
// load and under it, in the same run. Then
// the highest GPU-samples/s the ingest sustains (4 senders, batches of 30 samples x 8 GPUs), one
// year of hourly history for 24 GPUs queried (a machine's utilization, a slice's real use) against
// a plain SQL aggregate over the same rows, and the bytes each resolution stores per GPU per day.
// Prints numbers; asserts nothing. Set NEXT_DIST_DIR=.next to reuse an existing `next build`.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startTemporaryPostgres } from "@/server/platform/embedded";
import { migrate } from "@/server/platform/migrate";
import { cpuMs, ensureBuild, loadAverage, startApp, treeCpuMs } from "./bench/app-server";
import { benchFleet, yearOfHistory } from "./bench/agent-fleet";
import { batch, post, startAgentSenders } from "./bench/agent-senders";

const AGENTS = Number(process.env.BENCH_AGENTS ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const APP_PORT = Number(process.env.BENCH_APP_PORT ?? 3870);
const GPUS = 8;

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : NaN;
};
const ms = (v: number) => `${v.toFixed(1)} ms`;

/** GET /api/v1/machines one at a time for `seconds`; the latencies. */
async function machinesLatencies(base: string, token: string, seconds: number): Promise<number[]> {
  const out: number[] = [];
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    const started = performance.now();
    const response = await fetch(`${base}/api/v1/machines`, { headers: { authorization: `Bearer ${token}` } });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`machines answered ${response.status}`);
    out.push(performance.now() - started);
    await new Promise((r) => setTimeout(r, 200));
  }
  return out;
}

async function main() {
  ensureBuild("if-missing");
  const pg = await startTemporaryPostgres();
  const logDir = mkdtempSync(join(tmpdir(), "bench-agents-"));
  let app: Awaited<ReturnType<typeof startApp>> | undefined;
  try {
    await migrate(pg.url);
    process.env.DATABASE_URL = pg.url;
    const fleet = await benchFleet(AGENTS, GPUS);
    app = await startApp({ port: APP_PORT, databaseUrl: pg.url, logFile: join(logDir, "app.log") });
    const base = `http://localhost:${APP_PORT}`;
    console.log(`bench:agents — ${AGENTS} agents x ${GPUS} GPUs, ${SECONDS} s per phase; load average ${loadAverage()}`);

    // CPU of the server process and of PostgreSQL (postmaster and backends), per request: shown apart from the machine's load.
    const serverPid = app.serverPid();
    const postmaster = Number(readFileSync(join(pg.dataDir, "pg", "postmaster.pid"), "utf8").split("\n")[0]);
    const cpuNow = () => ({ app: cpuMs(serverPid), db: treeCpuMs(postmaster) });
    // Warm-ups: the GET and the ingest (their first calls pay for the server's lazy start).
    await machinesLatencies(base, fleet.token, 3);
    const firstSeqs: Record<string, number> = Object.fromEntries(fleet.agents.map((a) => [a.credential, 1]));
    for (const agent of fleet.agents.slice(0, 10)) {
      await post(base, agent.credential, batch(agent.uuids, 1, 3, Date.now() - 60_000));
      firstSeqs[agent.credential] = 4;
    }
    const idleCpu = cpuNow();
    const idle = await machinesLatencies(base, fleet.token, SECONDS);
    const getCpu = { app: (cpuNow().app - idleCpu.app) / idle.length, db: (cpuNow().db - idleCpu.db) / idle.length };
    const loadCpu = cpuNow();

    // Phase 1: every agent reports 3 samples every 30 s, start times spread over the 30 s, from a
    // process of their own while this one times the GETs.
    const senders = startAgentSenders({ base, agents: fleet.agents, seconds: SECONDS, seqs: firstSeqs });
    const underLoad = await machinesLatencies(base, fleet.token, SECONDS);
    const { latencies: postLatencies, failures, seqs: sentSeqs } = await senders;
    const seqs = new Map(Object.entries(sentSeqs));
    const loaded = cpuNow();
    const postCpu = {
      app: (loaded.app - loadCpu.app - underLoad.length * getCpu.app) / postLatencies.length,
      db: (loaded.db - loadCpu.db - underLoad.length * getCpu.db) / postLatencies.length,
    };
    const gpuSamplesPerS = (postLatencies.length * 3 * GPUS) / SECONDS;
    console.log(`telemetry POST (3 samples x ${GPUS} GPUs): ${postLatencies.length} batches, ${failures} failed, ~${gpuSamplesPerS.toFixed(0)} GPU-samples/s offered; p50 ${ms(quantile(postLatencies, 0.5))}, p99 ${ms(quantile(postLatencies, 0.99))} (goal < 200 ms)`);
    console.log(`CPU per telemetry POST: server ${ms(postCpu.app)}, PostgreSQL ${ms(postCpu.db)} (the phase's CPU less its GETs at their cost without agents: ${ms(getCpu.app)} + ${ms(getCpu.db)} each)`);
    console.log(`GET /api/v1/machines p99: ${ms(quantile(idle, 0.99))} without agents, ${ms(quantile(underLoad, 0.99))} under them → ${(quantile(underLoad, 0.99) / quantile(idle, 0.99)).toFixed(2)}x (goal ≤ 1.2x); p50 ${ms(quantile(idle, 0.5))} / ${ms(quantile(underLoad, 0.5))}`);

    // Phase 2: as fast as the portal takes it.
    const burstSenders = 4;
    const burstStop = Date.now() + (SECONDS / 2) * 1000;
    let stored = 0;
    const burst: number[] = [];
    await Promise.all(
      Array.from({ length: burstSenders }, async (_, s) => {
        for (let k = s; Date.now() < burstStop; k += burstSenders) {
          const agent = fleet.agents[k % fleet.agents.length]!;
          const seq = seqs.get(agent.credential)!;
          seqs.set(agent.credential, seq + 30);
          burst.push(await post(base, agent.credential, batch(agent.uuids, seq, 30, Date.now())));
          stored += 30 * GPUS;
        }
      }),
    );
    console.log(`max sustained ingest: ${(stored / (SECONDS / 2)).toFixed(0)} GPU-samples/s (${burstSenders} senders, batches of 30 x ${GPUS}); p99 ${ms(quantile(burst, 0.99))} per batch (goal ≥ ${(AGENTS * GPUS * 10) / 10} = 10x the ${(AGENTS * GPUS) / 10} needed)`);

    const year = await yearOfHistory(fleet.machineIds.slice(0, 3));
    console.log(`one year of hourly history, 24 GPUs (${year.rows} rows): machine utilization by day ${ms(year.seriesMs)} vs plain SQL ${ms(year.plainSeriesMs)} (${(year.seriesMs / year.plainSeriesMs).toFixed(2)}x); a 2-week slice's real use ${ms(year.sliceMs)} vs plain SQL over the same rows ${ms(year.plainSliceMs)} (${(year.sliceMs / year.plainSliceMs).toFixed(2)}x) (goals < 100 ms, ≤ 3x); the fortnight's minutes alone, plain SQL: ${ms(year.plainMinutesMs)}`);
    for (const s of await fleet.bytesPerGpuDay()) console.log(`bytes per GPU per day, ${s.resolution}: ${Math.round(s.bytes).toLocaleString("en-US")} (${s.table}: ${s.rows} rows, ${(s.totalBytes / 1024 / 1024).toFixed(1)} MiB with indexes)`);
  } finally {
    await app?.stop();
    await pg.stop();
    rmSync(logDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
